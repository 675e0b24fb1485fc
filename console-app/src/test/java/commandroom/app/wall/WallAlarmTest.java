package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.connection.CommandClient;
import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.CameraItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import javafx.css.PseudoClass;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * An incident reported over gRPC by another officer puts the cameras that see it on the duty
 * officer's wall, outlined, without taking focus; dismissing them brings back the cameras that
 * were there.
 */
class WallAlarmTest extends FxRobot {

    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");

    @Test
    void reportedIncidentPushesItsCamerasAndDismissingRestoresThePreviousOnes() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("alarm"), 0, 1, null, false);
             HubSession other = HubSession.open("127.0.0.1", hub.port(), hub.certificate(), "duty2",
                     EmbeddedDefault.demoPassword())) {
            Workstation w = Consoles.openWall(this, hub.port(), hub.certificate(), Files.createTempDirectory("alarm"),
                    1600, 900);
            try {
                Stage stage = w.stages().get(0);
                WallPanel panel = Consoles.wallOf(this, w);
                List<VideoTile> tiles = panel.wall().tiles();
                Waits.until("the wall filled", Duration.ofSeconds(20), () -> tiles.stream().allMatch(t -> t.camera() != null));
                List<String> before = tiles.stream().map(t -> t.camera().id()).toList();
                // A place 30 m in front of a fixed camera that is not on the wall.
                CameraItem target = w.state().cameras().values().stream()
                        .filter(c -> c.hasFieldOfView() && !before.contains(c.id()))
                        .max(Comparator.comparing(CameraItem::id)).orElseThrow();
                double bearing = Math.toRadians(target.directionDegrees());
                double lat = target.latitude() + 30 * Math.cos(bearing) / 110_574.0;
                double lon = target.longitude()
                        + 30 * Math.sin(bearing) / (111_320.0 * Math.cos(Math.toRadians(target.latitude())));
                var focusBefore = stage.getScene().getFocusOwner();

                new CommandClient(other, Executors.newSingleThreadExecutor()).report(new CommandClient.IncidentDraft(
                        "CALL_110", "URGENT", lat, lon, "测试路 1 号", "有人打架", "", "")).get();

                Waits.until("the alarm on the wall", Duration.ofSeconds(10), () -> panel.alarmShowing()
                        && panel.wall().tiles().get(0).getPseudoClassStates().contains(ALARM));
                List<String> during = panel.wall().tiles().stream().map(t -> t.camera().id()).toList();
                assertTrue(during.subList(0, WallPanel.ALARM_TILES).contains(target.id()),
                        target.id() + " is in the alarm group: " + during);
                assertEquals(focusBefore, stage.getScene().getFocusOwner(), "the alarm takes no focus");
                Screenshots.save(this, stage.getScene().getRoot(), "wall-alarm");

                clickOn("#alarm-dismiss");
                Waits.until("the cameras from before", Duration.ofSeconds(5), () -> !panel.alarmShowing()
                        && panel.wall().tiles().stream().map(t -> t.camera().id()).toList().equals(before));
                assertFalse(panel.wall().tiles().get(0).getPseudoClassStates().contains(ALARM), "outline gone");
            } finally {
                Consoles.close(w);
            }
        }
    }
}
