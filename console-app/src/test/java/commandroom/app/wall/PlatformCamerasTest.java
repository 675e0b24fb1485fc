package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.model.CameraItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.cameras.WvpSettings;
import commandroom.server.testing.Backend;
import commandroom.server.testing.TestHub;
import commandroom.server.testing.WvpStub;
import commandroom.sim.video.RtspCameras;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * 天网 cameras from a GB/T 28181 platform, as the duty officer sees them: the hub reads the
 * platform's catalog (the wvp stub, on wvp's paths and JSON), the cameras appear in the tree and
 * on the wall, a tile asks the hub to play one (the hub asks the platform, which serves the
 * simulator's RTSP stream), a channel the platform cannot play says so on its tile, and a camera
 * taken off the wall stops its play on the platform.
 */
class PlatformCamerasTest extends FxRobot {

    private static final String NVR = "34020000001320000001";
    private static final String DOME = "34020000001310000001";
    private static final String BULLET = "34020000001310000002";

    @Test
    void platformCamerasPlayOnTheWallThroughTheHub() throws Exception {
        try (RtspCameras rtsp = new RtspCameras(commandroom.server.testing.FreePort.next(),
                List.of(new RtspCameras.Camera("dome", "人民路东口球机", 704, 576))).start();
             WvpStub wvp = new WvpStub("commandroom", "平台密码1")) {
            wvp.device(NVR, "城东派出所NVR", true);
            wvp.channel(new WvpStub.Channel(NVR, DOME, "人民路东口球机", 30.545, 119.965, true, 1, rtsp.url("dome")));
            wvp.channel(new WvpStub.Channel(NVR, BULLET, "解放街西口枪机", 30.546, 119.955, false, 3, rtsp.url("none")));
            wvp.failPlay(BULLET, "设备不在线");
            try (TestHub hub = TestHub.start(Backend.H2, c -> c.withCameraSources(List.of(WvpSettings.of("wvp", wvp.base(),
                    "commandroom", "平台密码1", null).withPeriods(Duration.ofHours(1), Duration.ofMillis(500)))))) {
                Workstation w = Consoles.openWall(this, hub.port(), hub.certificate(), Files.createTempDirectory("wvp-wall"),
                        1600, 900);
                try {
                    Stage stage = w.stages().get(0);
                    Waits.until("the platform's cameras in the console", Duration.ofSeconds(20),
                            () -> w.state().cameras().containsKey("gb-" + DOME) && w.state().cameras().containsKey("gb-" + BULLET));
                    CameraItem dome = w.state().cameras().get("gb-" + DOME);
                    assertTrue(dome.origin().viaHub() && dome.origin().ptz(), "a dome of the platform: " + dome.origin());
                    clickOn("#camera-search").write("东口球机");
                    Waits.until("the dome found in the camera tree by its name", Duration.ofSeconds(5),
                            () -> lookup("#camera-gb-" + DOME).tryQuery().isPresent());
                    interact(() -> lookup("#camera-search").queryTextInputControl().clear());

                    WallPanel panel = Consoles.wallOf(this, w);
                    List<VideoTile> tiles = panel.wall().tiles();
                    // The wall fills with the registry's first cameras: the station's two, then the platform's.
                    Waits.until("the platform's cameras on tiles 2 and 3", Duration.ofSeconds(10), () -> tiles.get(2).camera() != null
                            && tiles.get(2).camera().id().equals("gb-" + DOME) && tiles.get(3).camera() != null);
                    Waits.until("the dome live through the platform", Duration.ofSeconds(40),
                            () -> tiles.get(2).status() == TileHealth.Status.LIVE);
                    assertEquals(1, wvp.count("/api/play/start/" + NVR + "/" + DOME), "one invite for the dome");
                    Waits.until("the dome's tile says it is live", Duration.ofSeconds(5), () -> from(tiles.get(2))
                            .lookup(".tile-state").queryLabeled().getText().startsWith("实时"));
                    Waits.until("the offline channel says what the platform said", Duration.ofSeconds(10), () -> from(tiles.get(3))
                            .lookup(".tile-state").queryLabeled().getText().contains("设备不在线"));
                    assertTrue(from(tiles.get(3)).lookup(".tile-state").queryLabeled().getText().startsWith("视频平台未能点播"));
                    Screenshots.save(this, stage.getScene().getRoot(), "wall-platform-cameras");

                    // The duty officer puts a station camera over the dome: the platform stops playing it.
                    clickOn("#camera-search").write("人民路口");
                    Waits.until("人民路口 found in the tree", Duration.ofSeconds(5),
                            () -> lookup("#camera-c-001").tryQuery().isPresent());
                    drag(lookup("#camera-c-001").queryAs(javafx.scene.Node.class), MouseButton.PRIMARY).dropTo(tiles.get(2));
                    Waits.until("c-001 on tile 2", Duration.ofSeconds(5), () -> tiles.get(2).camera().id().equals("c-001"));
                    Waits.until("the dome's play stopped on the platform", Duration.ofSeconds(10),
                            () -> wvp.count("/api/play/stop/" + NVR + "/" + DOME) == 1);
                } finally {
                    Consoles.close(w);
                }
            }
        }
    }
}
