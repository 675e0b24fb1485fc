package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.testing.Choices;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The README's wall: the duty officer picks the 16-tile layout; fifteen cameras stream (at CIF, to
 * spare the CI machine's two cores) and the sixteenth has no source, so its tile says since when it
 * is offline.
 */
class WallShowcaseTest extends FxRobot {

    @Test
    void sixteenTilesFifteenLiveAndOneOffline() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("wall16"), 0, 1, null, false)) {
            hub.startCameraStreams(15, 352, 288);
            Workstation w = Consoles.openWall(this, hub.port(), hub.certificate(), Files.createTempDirectory("wall16"),
                    1920, 1080);
            try {
                Stage stage = w.stages().get(0);
                Choices.pick(this, "#wall-layout", "16 画面");
                WallPanel panel = Consoles.wallOf(this, w);
                List<VideoTile> tiles = panel.wall().tiles();
                assertEquals(16, tiles.size());
                Waits.until("15 tiles live and the 16th offline", Duration.ofSeconds(40), () ->
                        tiles.subList(0, 15).stream().allMatch(t -> t.status() == TileHealth.Status.LIVE)
                                && tiles.get(15).status() == TileHealth.Status.OFFLINE);
                assertEquals("c-016", tiles.get(15).camera().id());
                tiles.subList(0, 15).forEach(WallPlaybackTest::waitForCameraColour);
                Label offline = from(tiles.get(15)).lookup(".tile-state").query();
                Waits.until("the offline tile says since when", Duration.ofSeconds(5),
                        () -> offline.getText().startsWith("离线 自 "));
                Screenshots.save(this, stage.getScene().getRoot(), "wall-16");
            } finally {
                Consoles.close(w);
            }
        }
    }
}
