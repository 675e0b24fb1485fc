package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.cameras.WvpSettings;
import commandroom.server.testing.Backend;
import commandroom.server.testing.TestHub;
import commandroom.server.testing.WvpStub;
import commandroom.sim.video.RtspCameras;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A platform camera's recordings, as the duty officer plays them: the tile's 录像 opens the day's
 * timeline under the wall (the hub asks the platform: the wvp stub, on wvp's record query and
 * playback paths), the recordings are blocks coloured by why they were recorded, a click on one
 * plays it on the tile from that moment (the stub's playback is a real RTSP stream of the
 * simulator's), and 回到实时 puts the tile back live and stops the playback on the platform.
 */
class PlatformRecordingsTest extends FxRobot {

    private static final String NVR = "34020000001320000001";
    private static final String DOME = "34020000001310000001";
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** Today's moment at a time of day, in the console's zone, as the timeline draws it. */
    private static Instant today(String time) {
        return LocalDateTime.of(java.time.LocalDate.now(), LocalTime.parse(time)).atZone(ZoneId.systemDefault()).toInstant();
    }

    private static WvpStub.Recording rec(String from, String to, String type, long size) {
        return new WvpStub.Recording(today(from), today(to), type, size);
    }

    /** A moment as wvp's query parameters carry it: China's wall clock, URL-encoded. */
    private static String china(Instant t) {
        return URLEncoder.encode(CHINA_TIME.format(t), StandardCharsets.UTF_8);
    }

    private String state(VideoTile tile) {
        return from(tile).lookup(".tile-state").queryAs(Labeled.class).getText();
    }

    private String text(Node in, String id) {
        return from(in).lookup(id).queryAs(Labeled.class).getText();
    }

    @Test
    void aTilePlaysItsCamerasRecordingFromTheTimelineAndGoesBackToLive() throws Exception {
        try (RtspCameras rtsp = new RtspCameras(commandroom.server.testing.FreePort.next(), List.of(
                new RtspCameras.Camera("dome", "人民路东口球机", 704, 576),
                new RtspCameras.Camera("dome-record", "人民路东口球机 录像", 704, 576))).start();
             WvpStub wvp = new WvpStub("commandroom", "平台密码1")) {
            wvp.device(NVR, "城东派出所NVR", true);
            wvp.channel(new WvpStub.Channel(NVR, DOME, "人民路东口球机", 30.545, 119.965, true, 1, rtsp.url("dome")));
            wvp.playbackStream(DOME, rtsp.url("dome-record"));
            wvp.recordings(DOME, List.of(rec("00:00", "06:30", "time", 2_400_000_000L),
                    rec("07:12", "07:31", "alarm", 120_000_000L), rec("08:00", "11:45", "time", 1_400_000_000L),
                    rec("13:20", "13:50", "manual", 190_000_000L), rec("14:00", "17:30", "time", 1_300_000_000L),
                    rec("19:05", "19:20", "alarm", 95_000_000L)));
            try (TestHub hub = TestHub.start(Backend.H2, c -> c.withCameraSources(List.of(WvpSettings.of("wvp", wvp.base(),
                    "commandroom", "平台密码1", null).withPeriods(Duration.ofHours(1), Duration.ofMillis(500)))))) {
                Workstation w = Consoles.openWall(this, hub.port(), hub.certificate(), Files.createTempDirectory("wvp-rec"),
                        1600, 900);
                try {
                    Stage stage = w.stages().get(0);
                    List<VideoTile> tiles = Consoles.wallOf(this, w).wall().tiles();
                    VideoTile dome = tiles.get(2);
                    Waits.until("the dome live on tile 2", Duration.ofSeconds(40), () -> dome.camera() != null
                            && dome.camera().id().equals("gb-" + DOME) && dome.status() == TileHealth.Status.LIVE);

                    // 录像 beside 云台 opens today's timeline: the platform's recordings as blocks.
                    clickOn(from(dome).lookup("#recordings-toggle").queryButton());
                    Node panel = lookup("#recordings-panel").query();
                    Waits.until("six recordings on the timeline", Duration.ofSeconds(20),
                            () -> from(panel).lookup(".recording-block").queryAll().size() == 6);
                    assertTrue(panel.isVisible());
                    assertEquals("录像 · 人民路东口球机", text(panel, "#recordings-title"));
                    assertTrue(text(panel, "#recordings-status").startsWith("当日 6 段录像"), text(panel, "#recordings-status"));
                    assertEquals(1, wvp.count("/api/gb_record/query/" + NVR + "/" + DOME + "?startTime=" + china(today("00:00"))),
                            "today from the console's midnight, in China's time: " + wvp.calls());
                    List<Node> blocks = List.copyOf(from(panel).lookup(".recording-block").queryAll());
                    assertEquals(List.of("recording-timed", "recording-alarm", "recording-timed", "recording-manual",
                            "recording-timed", "recording-alarm"), kinds(blocks), "coloured by why they were recorded");

                    // A click on the morning's recording plays it on the tile from that moment.
                    Node morning = blocks.get(2);
                    clickOn(morning);
                    Waits.until("the platform plays back the recording", Duration.ofSeconds(10),
                            () -> wvp.playbacks().size() == 1);
                    String start = wvp.calls().stream().filter(c -> c.startsWith("GET /api/playback/start/" + NVR + "/"
                            + DOME)).findFirst().orElseThrow();
                    Instant from = Instant.from(CHINA_TIME.parse(URLDecoder.decode(start.substring(
                            start.indexOf("startTime=") + 10, start.indexOf('&')), StandardCharsets.UTF_8)));
                    assertTrue(!from.isBefore(today("08:00")) && from.isBefore(today("11:45")), "inside the block: " + start);
                    assertTrue(start.endsWith("endTime=" + china(today("11:45"))), "to the recording's end: " + start);
                    String at = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(from);
                    Waits.until("the tile plays the recording", Duration.ofSeconds(40), () -> dome.status()
                            == TileHealth.Status.LIVE && state(dome).startsWith("录像回放 自 " + at + "  ·  播放中"), () -> state(dome));
                    Waits.until("the dome's live play stopped on the platform", Duration.ofSeconds(10),
                            () -> wvp.count("/api/play/stop/" + NVR + "/" + DOME) == 1);
                    assertTrue(from(dome).lookup("#recording-live").query().isVisible(), "回到实时 on the tile");
                    moveTo(morning);
                    Screenshots.save(this, stage.getScene().getRoot(), "wall-recordings");

                    // 回到实时: the tile plays the camera live again and the platform's playback stops.
                    clickOn(from(dome).lookup("#recording-live").queryButton());
                    Waits.until("the playback stopped on the platform", Duration.ofSeconds(10),
                            () -> wvp.playbacks().isEmpty());
                    Waits.until("the dome live again", Duration.ofSeconds(40), () -> dome.status() == TileHealth.Status.LIVE
                            && state(dome).startsWith("实时"), () -> state(dome));
                    assertFalse(from(dome).lookup("#recording-live").query().isVisible());
                    assertTrue(panel.isVisible(), "the timeline stays open for another pick");
                    clickOn(from(panel).lookup("#recordings-close").queryButton());
                    assertFalse(panel.isVisible());
                } finally {
                    Consoles.close(w);
                }
            }
        }
    }

    /** The blocks' kinds in order, as their style classes say. */
    private static List<String> kinds(List<Node> blocks) {
        return blocks.stream().map(b -> b.getStyleClass().stream().filter(c -> c.startsWith("recording-")
                && !c.equals("recording-block")).findFirst().orElse("")).toList();
    }
}
