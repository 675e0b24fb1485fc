package commandroom.app.workspace.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Handover;
import commandroom.v1.HandoverStatus;
import commandroom.v1.IncidentType;
import commandroom.v1.ListHandoversRequest;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ShiftServiceGrpc;
import commandroom.v1.TaskKind;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The shift handover as two duty officers do it: the outgoing one writes a note and hands over
 * (the packet counts the instruction nobody signed for), the incoming one opens the handover on
 * the other console and signs it; the hub keeps it, signed by both.
 */
class HandoverFlowTest extends FxRobot {

    @Test
    void theOutgoingOfficerHandsOverAndTheIncomingOneSigns() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient duty = hub.login("duty1");
             HubClient leader = hub.login("leader1")) {
            var incident = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_HIGH)
                    .setPosition(TestCounty.pos(30.5452, 119.9655)).setAddress("城东路 8 号").setSummary("打架")
                    .setIdempotencyKey("i-1").build()).getIncident();
            leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident.getId())
                    .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds("u-cd-co1").setInstruction("到场处置")
                    .setIdempotencyKey("d-1").build());

            Workstation outgoing = Consoles.open(hub.port(), hub.certificate(), "duty1", Files.createTempDirectory("l1"));
            Workstation incoming = Consoles.open(hub.port(), hub.certificate(), "duty2", Files.createTempDirectory("l2"));
            try {
                // Side by side, as two consoles in the room: the robot clicks where it sees.
                interact(() -> {
                    place(outgoing, 0);
                    place(incoming, 960);
                });
                clickOn(from(outgoing.stages().get(0).getScene().getRoot()).lookup("#action-handover").<Node>query());
                Waits.until("the handover form", Duration.ofSeconds(10), () -> lookup("#handover-note").tryQuery().isPresent());
                clickOn("#handover-note").write("人民路口摄像机黑屏已报修");
                clickOn("#handover-start");
                Waits.until("handed over", Duration.ofSeconds(10), () -> text("#handover-state").contains("等待接班民警签收"));
                assertEquals("1", text("#handover-open"));
                assertEquals("1", text("#handover-unacknowledged"), "the instruction nobody signed for");
                assertEquals("1", text("#handover-short"), "城西 has no auxiliary officer in the test county");
                Screenshots.save(this, lookup("#handover-dialog").query(), "handover");
                press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
                Waits.until("the dialog closed", Duration.ofSeconds(5), () -> lookup("#handover-dialog").tryQuery().isEmpty());

                clickOn(from(incoming.stages().get(0).getScene().getRoot()).lookup("#action-handover").<Node>query());
                Waits.until("the waiting handover shown", Duration.ofSeconds(10), () -> lookup("#handover-sign").tryQuery().isPresent());
                assertTrue(text("#handover-state").contains("值班民警 周"), text("#handover-state"));
                clickOn("#handover-sign");
                Waits.until("signed", Duration.ofSeconds(10), () -> text("#handover-state").contains("值班民警 吴 已签收接班"));

                Handover kept = ShiftServiceGrpc.newBlockingStub(duty.channel())
                        .withCallCredentials(HubClient.bearer(duty.login().getAccessToken()))
                        .withDeadlineAfter(10, TimeUnit.SECONDS).listHandovers(ListHandoversRequest.getDefaultInstance())
                        .getHandovers(0);
                assertEquals(HandoverStatus.HANDOVER_STATUS_SIGNED, kept.getStatus());
                assertEquals("duty1", kept.getOutgoing().getUserId());
                assertEquals("duty2", kept.getIncoming().getUserId());
                assertEquals("人民路口摄像机黑屏已报修", kept.getNote());
                press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            } finally {
                Consoles.close(incoming);
                Consoles.close(outgoing);
            }
        }
    }

    private static void place(Workstation w, double x) {
        var stage = w.stages().get(0);
        stage.setX(x);
        stage.setY(0);
        stage.setWidth(950);
        stage.setHeight(1000);
    }

    private String text(String id) {
        return lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }
}
