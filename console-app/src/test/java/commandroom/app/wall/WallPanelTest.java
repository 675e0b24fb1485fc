package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.testing.Choices;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A duty officer's console opens on the camera wall with the county's first cameras live; the
 * officer searches the camera tree, drags a camera onto a tile, drags one tile onto another to swap
 * them, double-clicks a tile to enlarge it (its main stream plays) and back, and picks 9 tiles; at the next log-in the wall
 * is as it was left.
 */
class WallPanelTest extends FxRobot {

    @Test
    void dutyOfficerWatchesDragsSwapsAndEnlargesCameras() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("wall"), 0, 1, null, false)) {
            hub.startCameraStreams(5);
            Path layouts = Files.createTempDirectory("wall-layouts");
            Workstation w = Consoles.openWall(this, hub.port(), hub.certificate(), layouts, 1600, 900);
            try {
                Stage stage = w.stages().get(0);
                WallPanel panel = Consoles.wallOf(this, w);
                List<VideoTile> tiles = panel.wall().tiles();
                assertEquals(4, tiles.size(), "the duty officer's wall opens with 4 tiles");
                Waits.until("the first four cameras live", Duration.ofSeconds(30), () -> tiles.stream()
                        .allMatch(t -> t.status() == TileHealth.Status.LIVE));
                assertEquals(List.of("c-001", "c-002", "c-003", "c-004"),
                        tiles.stream().map(t -> t.camera().id()).toList());
                tiles.forEach(WallPlaybackTest::waitForCameraColour);
                Waits.until("every tile says it is live", Duration.ofSeconds(5), () -> tiles.stream().allMatch(t ->
                        from(t).lookup(".tile-state").queryLabeled().getText().startsWith("实时")));
                Screenshots.save(this, stage.getScene().getRoot(), "wall-duty-officer");

                clickOn("#camera-search").write("c-005");
                Node camera = lookup("#camera-c-005").query();
                drag(camera, MouseButton.PRIMARY).dropTo(tiles.get(3));
                Waits.until("c-005 on tile 3", Duration.ofSeconds(5), () -> tiles.get(3).camera() != null
                        && tiles.get(3).camera().id().equals("c-005"));
                Waits.until("c-005 live", Duration.ofSeconds(15), () -> tiles.get(3).status() == TileHealth.Status.LIVE);
                WallPlaybackTest.waitForCameraColour(tiles.get(3));

                drag(tiles.get(0), MouseButton.PRIMARY).dropTo(tiles.get(1));
                Waits.until("tiles 0 and 1 swapped", Duration.ofSeconds(5), () -> tiles.get(0).camera().id().equals("c-002")
                        && tiles.get(1).camera().id().equals("c-001"));

                doubleClickOn(tiles.get(2));
                Waits.until("tile 2 enlarged", Duration.ofSeconds(5), () -> panel.wall().tiles().size() == 1
                        && panel.wall().tiles().get(0).camera().id().equals("c-003"));
                // Enlarged, it plays the camera's 1920x1080 main stream: RTSP, through FFmpeg here.
                Waits.until("the enlarged tile live on its main stream", Duration.ofSeconds(40),
                        () -> panel.wall().tiles().get(0).status() == TileHealth.Status.LIVE
                                && panel.wall().tiles().get(0).decoder().equals("FFmpeg"));
                WallPlaybackTest.waitForCameraColour(panel.wall().tiles().get(0));
                doubleClickOn(panel.wall().tiles().get(0));
                Waits.until("back to 4 tiles as they were", Duration.ofSeconds(5), () -> panel.wall().tiles().size() == 4
                        && panel.wall().tiles().stream().map(t -> t.camera().id()).toList()
                        .equals(List.of("c-002", "c-001", "c-003", "c-005")));

                Choices.pick(this, "#wall-layout", "9 画面");
                Waits.until("9 tiles, the new ones filled", Duration.ofSeconds(5), () -> panel.wall().tiles().size() == 9
                        && panel.wall().tiles().stream().allMatch(t -> t.camera() != null));
                List<String> nine = panel.wall().tiles().stream().map(t -> t.camera().id()).toList();
                assertEquals(List.of("c-002", "c-001", "c-003", "c-005"), nine.subList(0, 4), "the four kept their places");

                // The tree by kind: the face-capture cameras under 人脸抓拍, found also by the kind's name.
                doubleClickOn("#camera-search").eraseText(5);
                clickOn("#camera-group-kind");
                Waits.until("the kinds at the top", Duration.ofSeconds(5), () -> lookup("#kind-FACE_CAPTURE").tryQuery().isPresent());
                javafx.scene.control.TreeView<Object> tree = lookup("#camera-tree").query();
                var kinds = tree.getRoot().getChildren().stream().map(i -> i.getValue().toString()).toList();
                assertTrue(kinds.containsAll(List.of("天网", "雪亮", "人脸抓拍")), kinds.toString());
                clickOn("#camera-search").write("人脸");
                Waits.until("only face-capture cameras", Duration.ofSeconds(5), () -> tree.getRoot().getChildren().size() == 1);
                var faces = tree.getRoot().getChildren().get(0).getChildren().stream()
                        .map(i -> (commandroom.app.model.CameraItem) i.getValue()).toList();
                assertTrue(!faces.isEmpty() && faces.stream().allMatch(c -> c.kind().equals("FACE_CAPTURE")), faces.toString());
                assertEquals(w.state().cameras().values().stream().filter(c -> c.kind().equals("FACE_CAPTURE")).count(),
                        faces.size(), "every face-capture camera");
                clickOn("#camera-group-zone");
                Waits.until("back by zone", Duration.ofSeconds(5), () -> lookup("#zone-z-xihe").tryQuery().isPresent()
                        || tree.getRoot().getChildren().stream().allMatch(i -> i.getValue() instanceof CameraTree.ZoneNode));
                Consoles.close(w);
                w = null;

                Workstation again = Consoles.open(hub.port(), hub.certificate(), "duty1", layouts);
                try {
                    WallPanel restored = Consoles.wallOf(this, again);
                    Waits.until("the wall as it was left", Duration.ofSeconds(20), () ->
                            restored.wall().wallLayout() == WallLayout.GRID_9 && restored.wall().tiles().stream()
                                    .map(t -> t.camera() == null ? "" : t.camera().id()).toList().equals(nine));
                } finally {
                    Consoles.close(again);
                }
            } finally {
                Consoles.close(w);
            }
        }
    }
}
