package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.board.CaseFileView;
import commandroom.app.connection.CommandClient;
import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.CameraItem;
import commandroom.app.model.EvidenceItem;
import commandroom.app.model.IncidentItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.sim.video.TestPattern;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Executors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Evidence from the wall, on one hub and one duty officer's console. A right click on a live tile
 * keeps its picture in the newest open incident's file, with a reason: the hub has it with who
 * took it, the PNG shows the camera's own test pattern, the case file shows it. 回放 (R) replays
 * the tile's last 15 s from its ring while the other tiles stay live, pauses, runs at ×2, is
 * scrubbed, and a stretch of it is kept as a video clip: uploaded in chunks, in the case file,
 * played from there with the camera's picture; Esc is back to live.
 */
class WallSnapshotTest extends FxRobot {

    private static EmbeddedDefault hub;
    private static HubSession other;
    private static Workstation w;
    private static WallPanel panel;
    private static CommandClient client;

    @BeforeAll
    static void openConsole() throws Exception {
        hub = EmbeddedDefault.start(Files.createTempDirectory("snapshot"), 0, 1, null, false);
        other = HubSession.open("127.0.0.1", hub.port(), hub.certificate(), "duty2", EmbeddedDefault.demoPassword());
        hub.startCameraStreams(1);
        w = Consoles.openWall(new FxRobot(), hub.port(), hub.certificate(), Files.createTempDirectory("snapshot"), 1600, 900);
        panel = Consoles.wallOf(new FxRobot(), w);
        client = new CommandClient(other, Executors.newSingleThreadExecutor());
        Waits.until("the wall filled", Duration.ofSeconds(20),
                () -> panel.wall().tiles().stream().allMatch(t -> t.camera() != null));
    }

    @AfterAll
    static void closeConsole() throws Exception {
        Consoles.close(w);
        other.close();
        hub.close();
    }

    /** An incident two kilometres south of every camera: no alarm moves the tiles. */
    private IncidentItem incidentAwayFromCameras(String cameraId, String address) throws Exception {
        double south = w.state().cameras().values().stream().mapToDouble(CameraItem::latitude).min()
                .orElseThrow() - 0.02;
        IncidentItem incident = client.report(new CommandClient.IncidentDraft("CALL_110", "HIGH", south,
                w.state().cameras().get(cameraId).longitude(), address, "车辆肇事逃逸", "", "")).get();
        Waits.until("the incident on the console", Duration.ofSeconds(10),
                () -> w.state().incidents().containsKey(incident.id()));
        return incident;
    }

    @Test
    void aLiveTilesPictureIsKeptInTheIncidentsFileWithWhoAndWhy() throws Exception {
        {
            {
                Stage stage = w.stages().get(0);
                VideoTile tile = panel.wall().tiles().get(0);
                interact(tile::endReplay); // whatever the other test left: a replayed picture is no snapshot
                Waits.until("the first tile live", Duration.ofSeconds(20), () -> tile.status() == TileHealth.Status.LIVE);
                WallPlaybackTest.waitForCameraColour(tile);
                String cameraId = tile.camera().id();

                IncidentItem incident = incidentAwayFromCameras(cameraId, "南环路 8 号");

                rightClickOn(tile);
                clickOn("#tile-snapshot");
                DialogPane dialog = lookup("#snapshot-dialog").query();
                ComboBox<IncidentItem> choice = lookup("#snapshot-incident").query();
                assertEquals(incident.id(), choice.getValue().id(), "the newest open incident is offered first");
                clickOn("#snapshot-reason").write("肇事车辆逃离方向");
                Screenshots.save(this, dialog, "wall-snapshot");
                clickOn("#snapshot-dialog-send");

                Label note = lookup("#snapshot-note").query();
                Waits.until("the wall says it is kept", Duration.ofSeconds(10),
                        () -> note.getText().contains(incident.id() + "-E1"));

                CommandClient.CaseFile file = client.caseFile(incident.id()).get();
                assertEquals(1, file.evidence().size());
                EvidenceItem kept = file.evidence().get(0);
                assertEquals(cameraId, kept.cameraId());
                assertEquals("肇事车辆逃离方向", kept.reason());
                assertEquals("DUTY_OFFICER", kept.role());
                assertTrue(kept.who().contains("周"), "taken by duty1 (值班民警 周…): " + kept.who());
                BufferedImage png = ImageIO.read(new ByteArrayInputStream(client.evidenceImage(incident.id(), kept.id()).get()));
                int x = (int) (png.getWidth() * TestPattern.BLOCK_CENTRE);
                int y = (int) (png.getHeight() * TestPattern.BLOCK_CENTRE);
                WallPlaybackTest.assertColourNear(TestPattern.colourOf(cameraId), png.getRGB(x, y));

                CaseFileView[] view = new CaseFileView[1];
                interact(() -> {
                    view[0] = new CaseFileView(client, incident.id(), stage, null);
                    view[0].show();
                });
                Waits.until("the picture in the case file", Duration.ofSeconds(10), () -> lookup("#evidence-" + kept.id())
                        .lookup(".image-view").tryQuery().map(v -> ((ImageView) v).getImage() != null).orElse(false));
                Screenshots.save(this, view[0].dialog().getDialogPane(), "case-evidence");
                interact(() -> view[0].dialog().close());
            }
        }
    }


    @Test
    void aTileReplaysItsLastSecondsAndAStretchIsKeptAsAClip() throws Exception {
        Stage stage = w.stages().get(0);
        // A camera served over RTSP, which can be read twice (the demo's small tiles play UDP
        // sub-streams, which cannot): the tile decodes it and its ring records it.
        VideoTile tile = panel.wall().tiles().get(0);
        WallCamera before = tile.camera();
        String cameraId = before.id();
        commandroom.sim.video.RtspCameras rtsp = new commandroom.sim.video.RtspCameras(
                commandroom.server.testing.FreePort.next(),
                java.util.List.of(new commandroom.sim.video.RtspCameras.Camera(cameraId, before.name(), 640, 360))).start();
        interact(() -> tile.show(new WallCamera(cameraId, before.name(), rtsp.url(cameraId), rtsp.url(cameraId))));
        Waits.until("the tile live on RTSP", Duration.ofSeconds(20), () -> tile.status() == TileHealth.Status.LIVE);
        assertTrue(tile.recorded(), "the stream the tile plays is recorded beside its decoder");
        Waits.until("16 s in the tile's ring", Duration.ofSeconds(40), () -> tile.ring().reachMillis() >= 16_000);
        IncidentItem incident = incidentAwayFromCameras(cameraId, "北环路 3 号");

        try {
            replayAndKeep(stage, tile, cameraId, incident);
        } finally {
            interact(() -> tile.show(before)); // the demo's camera again, for the other test
            rtsp.close();
        }
    }

    private void replayAndKeep(Stage stage, VideoTile tile, String cameraId, IncidentItem incident)
            throws Exception {
        clickOn(tile);
        long pressed = System.nanoTime();
        type(javafx.scene.input.KeyCode.R);
        assertTrue(tile.replaying(), () -> "R replays the tile under the pointer; it says "
                + from(tile).lookup(".tile-state").queryLabeled().getText() + ", its ring reaches " + tile.ringReachMillis());
        Waits.until("the first replayed picture", Duration.ofSeconds(5), () -> tile.replay().firstPictureNanos() > 0);
        long firstMs = (tile.replay().firstPictureNanos() - pressed) / 1_000_000;
        long duration = tile.replay().durationMillis();
        // From the keyframe at or before 15 s ago to the newest packet, which came a moment before R.
        assertTrue(duration >= 14_500 && duration <= 17_500, "the last 15 s, from a keyframe: " + duration);
        WallPlaybackTest.waitForCameraColour(tile);
        assertTrue(from(tile).lookup("#replay-bar").query().isVisible(), "the bar shows");

        // At the replay's own pace, paused with Space, twice as fast with ×2.
        long a = tile.replay().positionMillis();
        Thread.sleep(1000);
        long b = tile.replay().positionMillis();
        assertTrue(b - a >= 600 && b - a <= 1500, "×1: " + (b - a) + " ms in a second");
        type(javafx.scene.input.KeyCode.SPACE);
        Thread.sleep(300);
        long p = tile.replay().positionMillis();
        Thread.sleep(700);
        assertEquals(p, tile.replay().positionMillis(), "Space pauses");
        type(javafx.scene.input.KeyCode.SPACE);
        clickOn(from(tile).lookup("#replay-speed").queryAs(javafx.scene.Node.class));
        long c = tile.replay().positionMillis();
        Thread.sleep(1000);
        long d = tile.replay().positionMillis();
        assertTrue(d - c >= 1400, "×2: " + (d - c) + " ms in a second");
        clickOn(from(tile).lookup("#replay-speed").queryAs(javafx.scene.Node.class));
        // A click on the scrub bar's track goes there.
        javafx.scene.control.Slider scrub = from(tile).lookup("#replay-scrub").query();
        javafx.geometry.Bounds track = scrub.localToScreen(scrub.getBoundsInLocal());
        clickOn(new javafx.geometry.Point2D(track.getMinX() + track.getWidth() * 0.2, track.getCenterY()));
        Waits.until("the picture near a fifth of the replay", Duration.ofSeconds(3),
                () -> Math.abs(tile.replay().positionMillis() - duration / 5) < 1500);
        Screenshots.save(this, panel, "wall-replay");

        clickOn(from(tile).lookup("#replay-keep").queryAs(javafx.scene.Node.class));
        DialogPane dialog = lookup("#clip-dialog").query();
        ComboBox<IncidentItem> choice = lookup("#clip-incident").query();
        assertEquals(incident.id(), choice.getValue().id(), "the newest open incident is offered first");
        javafx.scene.control.Spinner<Integer> from = lookup("#clip-from").query();
        interact(() -> from.getValueFactory().setValue(4));
        clickOn("#clip-reason").write("逃逸车辆经过路口");
        Screenshots.save(this, dialog, "wall-clip-dialog");
        clickOn("#clip-dialog-send");
        Label note = lookup("#snapshot-note").query();
        Waits.until("the wall says the clip is kept", Duration.ofSeconds(20),
                () -> note.getText().contains(incident.id() + "-E1"));

        CommandClient.CaseFile file = client.caseFile(incident.id()).get();
        EvidenceItem kept = file.evidence().get(0);
        assertTrue(kept.isClip(), "a clip");
        long kept_s = Duration.between(kept.capturedAt(), kept.clipTo()).toSeconds();
        assertTrue(kept_s >= 10 && kept_s <= 13, "seconds 4 to the end of the replay, from a keyframe: " + kept_s);
        assertTrue(kept.clipBytes() > 100_000, "the camera's main stream as sent: " + kept.clipBytes());

        CaseFileView[] view = new CaseFileView[1];
        interact(() -> {
            view[0] = new CaseFileView(client, incident.id(), stage, null);
            view[0].show();
        });
        clickOn("#clip-fetch-" + kept.id());
        ClipPlayer player = lookup("#evidence-" + kept.id()).lookup((java.util.function.Predicate<javafx.scene.Node>) n -> n instanceof ClipPlayer).query();
        Waits.until("the kept clip plays in the case file", Duration.ofSeconds(10), () -> player.framesDecoded() > 10);
        int rgb = TestPattern.colourOf(cameraId);
        Waits.until("the clip shows the camera's picture", Duration.ofSeconds(5), () -> {
            int argb = player.pixelAt(TestPattern.BLOCK_CENTRE, TestPattern.BLOCK_CENTRE);
            return Math.abs((rgb >> 16 & 0xff) - (argb >> 16 & 0xff)) <= 48
                    && Math.abs((rgb >> 8 & 0xff) - (argb >> 8 & 0xff)) <= 48 && Math.abs((rgb & 0xff) - (argb & 0xff)) <= 48;
        });
        Screenshots.save(this, view[0].dialog().getDialogPane(), "case-clip");
        interact(() -> view[0].dialog().close());

        clickOn(tile);
        long back = System.nanoTime();
        type(javafx.scene.input.KeyCode.ESCAPE);
        assertTrue(!tile.replaying(), "Esc is back to live");
        long frames = tile.framesDecoded();
        Waits.until("live again", Duration.ofSeconds(5), () -> tile.framesDecoded() > frames + 5);
        long liveMs = (System.nanoTime() - back) / 1_000_000;
        System.out.printf("instant replay: first replayed picture %d ms after R, live again %d ms after Esc%n",
                firstMs, liveMs);
    }
}
