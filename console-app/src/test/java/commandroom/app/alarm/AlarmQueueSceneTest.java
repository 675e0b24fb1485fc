package commandroom.app.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.AlarmItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.v1.Alarm;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.PressEmergencyRequest;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import java.nio.file.Files;
import java.time.Duration;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A duty officer at the real console: an urgent call taken in at another console and a unit's
 * emergency button each come into the alarm queue; the status bar counts them and flashes; the
 * officer opens the queue from it and acknowledges the call's alarm, which the hub records as his.
 */
class AlarmQueueSceneTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theDutyOfficerSeesTheAlarmsFlashAndAcknowledgesOne() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("alarms"), 0, 1, null, false);
             HubClient intake = HubClient.login("127.0.0.1", hub.port(), hub.certificate(), "duty2",
                     EmbeddedDefault.demoPassword());
             HubClient unit = HubClient.login("127.0.0.1", hub.port(), hub.certificate(), "u-cd-co1",
                     EmbeddedDefault.demoPassword())) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "duty1");
            try {
                interact(() -> {
                    w.stages().get(0).setWidth(1600);
                    w.stages().get(0).setHeight(900);
                });
                Waits.until("live", WAIT, () -> w.state().connectionProperty().get().isLive());
                Waits.until("nothing waiting", WAIT, () -> text("#status-alarms").equals("告警 0"));
                String incident = intake.command().reportIncident(ReportIncidentRequest.newBuilder()
                        .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_URGENT)
                        .setPosition(TestCounty.pos(30.545, 119.965)).setAddress("城关镇人民路12号").setSummary("持刀斗殴")
                        .build()).getIncident().getId();
                unit.field().pressEmergency(PressEmergencyRequest.newBuilder().setIdempotencyKey("sos").build());
                Waits.until("two alarms counted", WAIT, () -> text("#status-alarms").equals("告警 2"));
                Node count = lookup("#status-alarms").query();
                assertTrue(count.getPseudoClassStates().contains(PseudoClass.getPseudoClass("waiting")), "shown as waiting");
                Waits.until("flashing", Duration.ofSeconds(3),
                        () -> count.getPseudoClassStates().contains(PseudoClass.getPseudoClass("flash")));
                Screenshots.save(this, w.stages().get(0).getScene().getRoot(), "alarm-status");

                interact(() -> ((Button) count).fire());
                Waits.until("the queue", WAIT, () -> lookup("#alarm-open").tryQuery().isPresent());
                ListView<AlarmItem> open = lookup("#alarm-open").queryListView();
                Waits.until("both listed", WAIT, () -> open.getItems().size() == 2);
                AlarmItem call = open.getItems().stream().filter(a -> a.subjectId().equals(incident)).findFirst()
                        .orElseThrow();
                assertEquals("URGENT", call.priority());
                assertTrue(open.getItems().stream().anyMatch(a -> a.kind().equals("EMERGENCY")), "the emergency too");
                assertTrue(w.alarms().text(call).contains("城关镇人民路12号"), w.alarms().text(call));
                Waits.until("the call's button", WAIT, () -> lookup("#alarm-ack-" + call.id()).tryQuery().isPresent());
                if (!Files.isDirectory(java.nio.file.Path.of("/dev/snd"))) {
                    // This machine has no sound device: the queue says so rather than pretend.
                    assertTrue(text("#alarm-problem").contains("无法播放"), text("#alarm-problem"));
                }
                Screenshots.save(this, lookup("#alarm-queue").query(), "alarm-queue");

                interact(() -> lookup("#alarm-ack-" + call.id()).queryButton().fire());
                Waits.until("acknowledged", WAIT, () -> lookup("#alarm-done").queryListView().getItems().size() == 1);
                Waits.until("one left", WAIT, () -> text("#status-alarms").equals("告警 1"));
                Alarm recorded = intake.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getAlarmsList()
                        .stream().filter(a -> a.getId().equals(call.id())).findFirst().orElseThrow();
                assertEquals("duty1", recorded.getAcknowledgedBy().getUserId(), "the hub records who");
                assertTrue(recorded.hasAcknowledgedAt());
            } finally {
                Consoles.close(w);
            }
        }
    }

    private String text(String id) {
        return lookup(id).tryQueryAs(Labeled.class).map(Labeled::getText).orElse("");
    }
}
