package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.app.testing.Waits;
import commandroom.app.ui.Theme;
import commandroom.sim.video.FfmpegStream;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Two walls of one workstation (two windows, as on two screens) share one paint budget: when the
 * FX thread falls behind, the second wall's tile is held back before the first wall's, and a tile
 * of an alarm is held back last, whichever wall it is on.
 */
class WallBudgetTest extends FxRobot {

    @Test
    void twoWallsAreHeldBackInOneOrderWithAlarmTilesLast() throws Exception {
        try (VideoRuntime runtime = VideoRuntime.start();
             FfmpegStream one = new FfmpegStream("c-001", "一号", WallPlaybackTest.freeUdpPort(), 352, 288).start();
             FfmpegStream two = new FfmpegStream("c-002", "二号", WallPlaybackTest.freeUdpPort(), 352, 288).start()) {
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupFixture(Theme::install);
            WallView[] walls = new WallView[2];
            Stage[] stages = new Stage[2];
            FxToolkit.setupFixture(() -> {
                for (int i = 0; i < 2; i++) {
                    walls[i] = new WallView(runtime, WallLayout.GRID_1);
                    stages[i] = new Stage();
                    stages[i].setScene(Theme.style(new Scene(walls[i], 640, 360)));
                    stages[i].show();
                }
                walls[0].show(0, new WallCamera("c-001", "一号", one.url(), one.url()));
                walls[1].show(0, new WallCamera("c-002", "二号", two.url(), two.url()));
            });
            try {
                VideoTile first = walls[0].tiles().get(0);
                VideoTile second = walls[1].tiles().get(0);
                Waits.until("both tiles live with a picture", Duration.ofSeconds(15), () ->
                        first.isLive() && second.isLive() && first.framesPresented() > 0 && second.framesPresented() > 0);
                WallBudget budget = runtime.budget();
                interact(budget::stopCounting); // the test says how each second went, not this machine
                interact(() -> budget.second(10));
                assertEquals(List.of(PaintBudget.FULL, PaintBudget.HALF), intervals(first, second),
                        "the second wall's tile first, at half rate");
                interact(() -> {
                    second.setAlarm(true);
                    walls[1].applyBudget();
                });
                assertEquals(List.of(PaintBudget.HALF, PaintBudget.FULL), intervals(first, second),
                        "an alarm tile is held back last, whichever wall it is on");
                interact(() -> budget.second(10));
                assertEquals(List.of(PaintBudget.PAUSED, PaintBudget.FULL), intervals(first, second), "then paused");
                interact(() -> budget.second(10));
                assertEquals(List.of(PaintBudget.PAUSED, PaintBudget.HALF), intervals(first, second),
                        "and only then the alarm tile");
            } finally {
                interact(() -> {
                    walls[0].close();
                    walls[1].close();
                    stages[0].close();
                    stages[1].close();
                });
            }
        }
    }

    private List<Integer> intervals(VideoTile a, VideoTile b) {
        return List.of(a.paintInterval(), b.paintInterval());
    }
}
