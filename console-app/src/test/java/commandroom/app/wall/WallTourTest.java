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
 * Tours as a duty officer makes them. A zone picked in the camera tree, a dwell of 3 s, start: the
 * zone's cameras go through the wall four at a time; stopped, the wall keeps what it shows. Cameras
 * picked one by one (Ctrl+click), named and saved: the named tour plays, and it is still there,
 * and still running, at the next log-in.
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

    @Test
    void namedTourOfPickedCamerasPlaysAndComesBackAtTheNextLogIn() throws Exception {
        java.nio.file.Path layouts = Files.createTempDirectory("named-tour");
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("tour"), 0, 1, null, false)) {
            Workstation w = Consoles.openWall(this, hub.port(), hub.certificate(), layouts, 1600, 1000);
            List<String> picked = new java.util.ArrayList<>();
            try {
                WallPanel panel = Consoles.wallOf(this, w);
                Waits.until("cameras known", Duration.ofSeconds(20), () -> w.state().cameras().size() >= 20);
                clickOn("#camera-search").write("c-0");
                // Five cameras the tree shows now, picked last first: the tour keeps the picking order.
                List<String> visible = lookup(".camera-tree .tree-cell").queryAll().stream()
                        .map(n -> ((javafx.scene.control.TreeCell<?>) n).getItem())
                        .filter(CameraItem.class::isInstance).map(c -> ((CameraItem) c).id()).toList();
                assertEquals(true, visible.size() >= 5, "the tree shows at least five cameras: " + visible);
                picked.addAll(visible.subList(0, 5));
                java.util.Collections.reverse(picked);
                clickOn("#camera-" + picked.get(0));
                press(KeyCode.CONTROL);
                try {
                    picked.subList(1, picked.size()).forEach(id -> clickOn("#camera-" + id));
                } finally {
                    release(KeyCode.CONTROL);
                }
                doubleClickOn("#tour-dwell .text-field").eraseText(3).write("3").type(KeyCode.ENTER);
                clickOn("#tour-name").write("夜市周边");
                clickOn("#tour-save");
                Waits.until("the tour kept and chosen", Duration.ofSeconds(5), () ->
                        lookup("#tour-saved").<javafx.scene.control.ComboBox<Tour>>query().getValue() != null);
                Tour kept = lookup("#tour-saved").<javafx.scene.control.ComboBox<Tour>>query().getValue();
                assertEquals("夜市周边", kept.name());
                assertEquals(picked, kept.cameraIds(), "the cameras in the order they were picked");

                clickOn("#tour-play");
                Waits.until("the tour's first four", Duration.ofSeconds(5), () -> shown(panel).equals(picked.subList(0, 4)));
                List<String> next = kept.atStep(1, 4);
                Waits.until("the next group after the dwell", Duration.ofSeconds(6), () -> shown(panel).equals(next));
            } finally {
                Consoles.close(w);
            }

            Workstation again = Consoles.open(hub.port(), hub.certificate(), "duty1", layouts);
            try {
                WallPanel panel = Consoles.wallOf(this, again);
                Waits.until("the named tour kept", Duration.ofSeconds(20), () -> from(panel).lookup("#tour-saved")
                        .<javafx.scene.control.ComboBox<Tour>>query().getItems().stream()
                        .anyMatch(t -> t.name().equals("夜市周边") && t.cameraIds().equals(picked)));
                Waits.until("and running again", Duration.ofSeconds(20), () -> picked.containsAll(shown(panel)));
            } finally {
                Consoles.close(again);
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
