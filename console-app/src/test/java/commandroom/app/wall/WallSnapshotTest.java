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
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A duty officer right-clicks a live tile and keeps its picture in the newest open incident's
 * file, with a reason. The hub has it with who took it; the PNG it holds shows the camera's own
 * test pattern; the case file shows it.
 */
class WallSnapshotTest extends FxRobot {

    @Test
    void aLiveTilesPictureIsKeptInTheIncidentsFileWithWhoAndWhy() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("snapshot"), 0, 1, null, false);
             HubSession other = HubSession.open("127.0.0.1", hub.port(), hub.certificate(), "duty2",
                     EmbeddedDefault.demoPassword())) {
            hub.startCameraStreams(1);
            Workstation w = Consoles.openWall(this, hub.port(), hub.certificate(),
                    Files.createTempDirectory("snapshot"), 1600, 900);
            try {
                Stage stage = w.stages().get(0);
                WallPanel panel = Consoles.wallOf(this, w);
                Waits.until("the wall filled", Duration.ofSeconds(20),
                        () -> panel.wall().tiles().stream().allMatch(t -> t.camera() != null));
                VideoTile tile = panel.wall().tiles().get(0);
                Waits.until("the first tile live", Duration.ofSeconds(20), () -> tile.status() == TileHealth.Status.LIVE);
                WallPlaybackTest.waitForCameraColour(tile);
                String cameraId = tile.camera().id();

                // Two kilometres south of every camera: no alarm moves the tiles.
                double south = w.state().cameras().values().stream().mapToDouble(CameraItem::latitude).min()
                        .orElseThrow() - 0.02;
                CommandClient client = new CommandClient(other, Executors.newSingleThreadExecutor());
                IncidentItem incident = client.report(new CommandClient.IncidentDraft("CALL_110", "HIGH", south,
                        w.state().cameras().get(cameraId).longitude(), "南环路 8 号", "车辆肇事逃逸", "", "")).get();
                Waits.until("the incident on the console", Duration.ofSeconds(10),
                        () -> w.state().incidents().containsKey(incident.id()));

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
            } finally {
                Consoles.close(w);
            }
        }
    }
}
