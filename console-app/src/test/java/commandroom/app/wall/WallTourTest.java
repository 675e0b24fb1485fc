package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.CameraItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The duty officer picks a zone in the camera tree, sets a dwell of 3 s and starts a tour: the
 * zone's cameras go through the wall four at a time; stopped, the wall keeps what it shows.
 */
class WallTourTest extends FxRobot {

    @Test
    void zoneTourCyclesItsCamerasThroughTheTilesUntilStopped() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("tour"), 0, 1, null, false)) {
            Workstation w = Consoles.openWall(this, hub.port(), hub.certificate(), Files.createTempDirectory("tour"),
                    1600, 900);
            try {
                WallPanel panel = Consoles.wallOf(this, w);
                Waits.until("cameras known", Duration.ofSeconds(20), () -> !w.state().cameras().isEmpty());
                String zone = w.state().cameras().values().stream().map(CameraItem::zoneId)
                        .filter(z -> w.state().cameras().values().stream().filter(c -> c.zoneId().equals(z)).count() > 4)
                        .sorted().findFirst().orElseThrow();
                List<String> ids = w.state().cameras().values().stream().filter(c -> c.zoneId().equals(zone))
                        .map(CameraItem::id).sorted().toList();
                clickOn("#zone-" + zone);
                doubleClickOn("#tour-dwell .text-field").eraseText(3).write("3").type(KeyCode.ENTER);
                clickOn("#tour-start");
                Waits.until("the zone's first four", Duration.ofSeconds(5), () -> shown(panel).equals(ids.subList(0, 4)));
                List<String> next = new Tour("z", ids, 3).atStep(1, 4);
                Waits.until("the next group after the dwell", Duration.ofSeconds(6), () -> shown(panel).equals(next));

                clickOn("#tour-stop");
                List<String> kept = shown(panel);
                Waits.until("the tour line cleared", Duration.ofSeconds(2),
                        () -> lookup("#tour-state").queryLabeled().getText().isEmpty());
                sleepPastOneDwell();
                assertEquals(kept, shown(panel), "stopped: the wall keeps what it showed");
            } finally {
                Consoles.close(w);
            }
        }
    }

    /** Lets more than one dwell pass, to show that nothing moves any more. */
    private void sleepPastOneDwell() {
        long until = System.nanoTime() + 3_500_000_000L;
        Waits.until("a dwell gone by", Duration.ofSeconds(5), () -> System.nanoTime() > until);
    }

    private static List<String> shown(WallPanel panel) {
        return panel.wall().tiles().stream().map(t -> t.camera() == null ? "" : t.camera().id()).toList();
    }
}
