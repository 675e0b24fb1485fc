package commandroom.server.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestHub;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.GetTaskRequest;
import commandroom.v1.Handover;
import commandroom.v1.HandoverStatus;
import commandroom.v1.ListHandoversRequest;
import commandroom.v1.MediationOutcome;
import commandroom.v1.OverdueStep;
import commandroom.v1.Progress;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.RiskGrade;
import commandroom.v1.ShiftServiceGrpc;
import commandroom.v1.SignHandoverRequest;
import commandroom.v1.StartHandoverRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStep;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shift handover: the outgoing duty officer's packet holds the open tasks, the overdue steps,
 * the instructions not signed for, the cameras the wall saw offline and the cases with a visit due;
 * another officer signs it; it is kept in the log.
 */
class HandoverTest {

    @Test
    void theOutgoingOfficersPacketIsSignedByTheIncomingOneAndKept() {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock)
                .withTokens(Duration.ofDays(30), Duration.ofDays(30)));
             HubClient duty1 = hub.login("duty1"); HubClient duty2 = hub.login("duty2");
             HubClient leader = hub.login("leader1"); HubClient officer = hub.login("u-cd-co1")) {
            Task acknowledged = dispatch(duty1, leader, "城东路 1 号");
            Task unacknowledged = dispatch(duty1, leader, "城东路 2 号");
            for (Progress p : new Progress[] {Progress.PROGRESS_DELIVERED, Progress.PROGRESS_SIGNED_FOR}) {
                officer.field().reportProgress(ReportProgressRequest.newBuilder().setTaskId(acknowledged.getId())
                        .setProgress(p).setIdempotencyKey(Disputes.key()).build());
            }
            var c = Disputes.open(duty1, Disputes.report(duty1, "城东路 3 号", "13800000003"), RiskGrade.RISK_GRADE_D,
                    "13800000003");
            Disputes.mediate(leader, c.getId(), MediationOutcome.MEDIATION_OUTCOME_AGREED);
            Disputes.settle(leader, c.getId());
            // Six and a half days on: the first phone visit (day 7) is due within 24 hours, the unsigned instruction is late.
            clock.advance(Duration.ofHours(6 * 24 + 12));
            Eventually.until("the sign-for clock ran out", Duration.ofSeconds(10), () -> duty1.command()
                    .getTask(GetTaskRequest.newBuilder().setTaskId(unacknowledged.getId()).build()).getTask()
                    .getDeadlinesList().stream().anyMatch(d -> d.getStep() == TaskStep.TASK_STEP_SIGN_FOR && d.getOverdue()));

            Handover started = shift(duty1).startHandover(StartHandoverRequest.newBuilder().addOfflineCameraIds("c-002")
                    .setNote("c-002 黑屏已报修").setIdempotencyKey("h-1").build()).getHandover();
            assertEquals(HandoverStatus.HANDOVER_STATUS_PENDING, started.getStatus());
            assertEquals("duty1", started.getOutgoing().getUserId());
            assertTrue(started.getOpenTaskIdsList().containsAll(List.of(acknowledged.getId(), unacknowledged.getId())));
            assertEquals(List.of(unacknowledged.getId()), started.getUnacknowledgedTaskIdsList());
            assertTrue(started.getOverdueStepsList().contains(OverdueStep.newBuilder().setTaskId(unacknowledged.getId())
                    .setStep(TaskStep.TASK_STEP_SIGN_FOR).build()), started.getOverdueStepsList().toString());
            assertEquals(List.of("c-002"), started.getOfflineCameraIdsList());
            assertEquals(List.of(c.getId()), started.getCasesWithVisitDueList());

            assertEquals(Status.Code.FAILED_PRECONDITION, refusal(() -> shift(duty1).signHandover(
                    SignHandoverRequest.newBuilder().setHandoverId(started.getId()).setIdempotencyKey("s-0").build())),
                    "the outgoing officer does not sign for the incoming one");
            assertEquals(Status.Code.FAILED_PRECONDITION, refusal(() -> shift(duty1).startHandover(
                    StartHandoverRequest.newBuilder().setIdempotencyKey("h-2").build())), "one handover waits at a time");
            assertEquals(Status.Code.NOT_FOUND, refusal(() -> shift(duty2).startHandover(
                    StartHandoverRequest.newBuilder().addOfflineCameraIds("c-999").setIdempotencyKey("h-3").build())));
            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> shift(officer).startHandover(
                    StartHandoverRequest.newBuilder().setIdempotencyKey("h-4").build())));

            Handover signed = shift(duty2).signHandover(SignHandoverRequest.newBuilder().setHandoverId(started.getId())
                    .setIdempotencyKey("s-1").build()).getHandover();
            assertEquals(HandoverStatus.HANDOVER_STATUS_SIGNED, signed.getStatus());
            assertEquals("duty2", signed.getIncoming().getUserId());

            hub.restart();
            try (HubClient again = hub.login("duty2")) {
                List<Handover> kept = shift(again).listHandovers(ListHandoversRequest.getDefaultInstance()).getHandoversList();
                assertEquals(List.of(signed), kept, "kept in the log, as signed");
            }
        }
    }

    private static Task dispatch(HubClient duty, HubClient leader, String address) {
        var incident = Disputes.report(duty, address, "");
        return leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident.getId())
                .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds("u-cd-co1").setInstruction("到场")
                .setIdempotencyKey(Disputes.key()).build()).getTask();
    }

    private static ShiftServiceGrpc.ShiftServiceBlockingStub shift(HubClient c) {
        return ShiftServiceGrpc.newBlockingStub(c.channel()).withCallCredentials(HubClient.bearer(c.login().getAccessToken()))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Status.Code refusal(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
    }
}
