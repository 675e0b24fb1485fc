package commandroom.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.CameraItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.MonocleDrags;
import commandroom.app.testing.Waits;
import commandroom.app.wall.VideoTile;
import commandroom.app.wall.WallPanel;
import commandroom.app.workspace.Workstation;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A duty officer draws an area on the map (Shift+drag) around a street's cameras: the wall shows
 * exactly those cameras, on the smallest grid that holds them.
 */
class MapAreaTest extends FxRobot {

    @Test
    void theCamerasOfAnAreaDrawnOnTheMapGoToTheWall() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("map-area"), 0, 1, null, false)) {
            Workstation w = Consoles.openWall(this, hub.port(), hub.certificate(), Files.createTempDirectory("area"),
                    1600, 1000);
            try {
                WallPanel wall = Consoles.wallOf(this, w);
                Waits.until("cameras known", Duration.ofSeconds(20), () -> w.state().cameras().size() >= 20);
                clickOn("#tab-map");
                MapView map = from(w.stages().get(0).getScene().getRoot()).lookup(".incident-map").query();
                Node canvas = lookup("#map-canvas").query();
                Waits.until("the map laid out", Duration.ofSeconds(10),
                        () -> map.model().viewportProperty().get().width() > 1000);

                // An area around the cameras of one zone, as a rectangle on the screen.
                MapViewport v = map.model().viewportProperty().get();
                String zone = w.state().cameras().values().stream().map(CameraItem::zoneId).sorted().findFirst()
                        .orElseThrow();
                List<CameraItem> there = w.state().cameras().values().stream().filter(c -> c.zoneId().equals(zone))
                        .toList();
                double x0 = there.stream().mapToDouble(c -> v.screenX(c.longitude())).min().orElseThrow() - 8;
                double x1 = there.stream().mapToDouble(c -> v.screenX(c.longitude())).max().orElseThrow() + 8;
                double y0 = there.stream().mapToDouble(c -> v.screenY(c.latitude())).min().orElseThrow() - 8;
                double y1 = there.stream().mapToDouble(c -> v.screenY(c.latitude())).max().orElseThrow() + 8;
                List<String> expected = map.model().camerasIn(x0, y0, x1, y1);
                assertTrue(expected.size() >= 2 && expected.size() <= 36, "an area with a few cameras: " + expected);

                Point2D from = canvas.localToScreen(x0, y0);
                Point2D to = canvas.localToScreen(x1, y1);
                press(KeyCode.SHIFT);
                try {
                    drag(from, MouseButton.PRIMARY).moveTo(to).drop();
                } finally {
                    release(KeyCode.SHIFT);
                }
                interact(MonocleDrags::forgetPlainDrag);
                assertEquals(v, map.model().viewportProperty().get(), "drawing an area does not pan the map");

                Waits.until("the area's cameras on the wall", Duration.ofSeconds(10), () -> wall.wall().tiles().stream()
                        .map(VideoTile::camera).filter(java.util.Objects::nonNull).map(c -> c.id()).toList()
                        .equals(expected));
                int tiles = wall.wall().tiles().size();
                assertTrue(tiles >= expected.size() && (tiles == 1 || Math.sqrt(tiles) - 1 < Math.sqrt(expected.size())),
                        "the smallest grid that holds them: " + tiles + " tiles for " + expected.size());
            } finally {
                Consoles.close(w);
            }
        }
    }
}
