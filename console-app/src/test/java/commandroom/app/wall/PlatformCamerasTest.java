package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.connection.ConsoleState;
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
import javafx.scene.input.KeyCode;
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

    private static String last(WvpStub wvp) {
        List<String> c = wvp.ptzCommands();
        return c.isEmpty() ? "" : c.get(c.size() - 1);
    }

    @Test
    void platformCamerasPlayAndTurnOnTheWallThroughTheHub() throws Exception {
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

                    // PTZ: the dome's 云台 button, then a held arrow key and a drag on the picture.
                    VideoTile domeTile = tiles.get(2);
                    clickOn(from(domeTile).lookup("#ptz-toggle").queryButton());
                    press(KeyCode.RIGHT);
                    Waits.until("right at the platform", Duration.ofSeconds(5), () -> last(wvp).equals("right"));
                    release(KeyCode.RIGHT);
                    Waits.until("stopped on release", Duration.ofSeconds(5), () -> last(wvp).equals("stop"));
                    drag(domeTile, MouseButton.PRIMARY).moveBy(-domeTile.getWidth() / 4, -domeTile.getHeight() / 4).drop();
                    Waits.until("up and left, then stop", Duration.ofSeconds(5), () -> last(wvp).equals("stop")
                            && wvp.ptzCommands().contains("upleft"));
                    Waits.until("the console knows it holds the dome", Duration.ofSeconds(5), () -> w.state().ptzHolders()
                            .getOrDefault("gb-" + DOME, new ConsoleState.PtzHolder("", "")).userId().equals("duty1"));
                    Screenshots.save(this, stage.getScene().getRoot(), "wall-ptz");

                    // A second duty officer's wall says who holds the dome, until it is let go.
                    Workstation w2 = Consoles.open(hub.port(), hub.certificate(), "duty2", Files.createTempDirectory("wvp-wall2"));
                    try {
                        WallPanel panel2 = Consoles.wallOf(this, w2);
                        VideoTile dome2 = panel2.wall().tiles().get(2);
                        Waits.until("duty2's wall says duty1 holds the dome", Duration.ofSeconds(20), () -> dome2.camera() != null
                                && dome2.camera().id().equals("gb-" + DOME) && from(dome2).lookup(".ptz-note").tryQuery()
                                .map(n -> ((javafx.scene.control.Label) n).getText().contains("值班民警 周")).orElse(false));
                        // Two consoles' windows lie on one headless screen: the buttons are fired, not clicked,
                        // so that the other window cannot take the click.
                        interact(() -> from(domeTile).lookup("#ptz-toggle").queryButton().fire());
                        Waits.until("duty1 let go: duty2's note clears", Duration.ofSeconds(10), () -> from(dome2)
                                .lookup(".ptz-note").queryLabeled().getText().isEmpty());
                        interact(() -> from(dome2).lookup("#ptz-toggle").queryButton().fire());
                        press(KeyCode.LEFT);
                        Waits.until("left from duty2's console", Duration.ofSeconds(5), () -> last(wvp).equals("left"));
                        release(KeyCode.LEFT);
                        Waits.until("duty1's wall now names duty2", Duration.ofSeconds(10), () -> from(domeTile)
                                .lookup(".ptz-note").queryLabeled().getText().contains("值班民警 吴"));
                    } finally {
                        Consoles.close(w2);
                    }
                    interact(stage::toFront);

                    // The duty officer puts a station camera over the dome: the platform stops playing it.
                    clickOn("#camera-search").write("人民路口");
                    Waits.until("人民路口 found in the tree", Duration.ofSeconds(5),
                            () -> lookup("#camera-c-001").tryQuery().isPresent());
                    drag(lookup("#camera-c-001").queryAs(javafx.scene.Node.class), MouseButton.PRIMARY).dropTo(tiles.get(2));
                    Waits.until("c-001 on tile 2", Duration.ofSeconds(5), () -> tiles.get(2).camera().id().equals("c-001"));
                    Waits.until("the dome's play stopped on the platform", Duration.ofSeconds(10),
                            () -> wvp.count("/api/play/stop/" + NVR + "/" + DOME) == 1);

                    // The platform raises a video loss on the dome: the dome goes to the first tile, and the
                    // alarm bar says which camera and what, in words.
                    wvp.alarm(DOME, "VideoLoss", java.time.Instant.now(), "视频信号丢失");
                    Waits.until("the alarm bar names the dome and the alarm", Duration.ofSeconds(10), () -> lookup("#alarm-text")
                            .tryQuery().map(n -> ((javafx.scene.control.Label) n).getText()).orElse("")
                            .equals("视频报警：人民路东口球机 · 视频丢失"));
                    assertEquals("gb-" + DOME, tiles.get(0).camera().id(), "the alarm's camera on the first tile");
                    Waits.until("the dome live again on the alarm tile", Duration.ofSeconds(40), () -> from(tiles.get(0))
                            .lookup(".tile-state").queryLabeled().getText().startsWith("实时"));
                    Waits.until("duty2's console let go of the dome when it closed", Duration.ofSeconds(10), () -> from(tiles.get(0))
                            .lookup(".ptz-note").queryLabeled().getText().isEmpty());
                    Screenshots.save(this, stage.getScene().getRoot(), "wall-camera-alarm");
                } finally {
                    Consoles.close(w);
                }
            }
        }
    }
}
