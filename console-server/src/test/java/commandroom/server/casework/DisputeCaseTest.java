package commandroom.server.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.loop.FollowUpPolicy;
import static commandroom.server.testing.FollowUps.carryOut;
import static commandroom.server.testing.FollowUps.caseOf;
import static commandroom.server.testing.FollowUps.visitTask;

import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestHub;
import commandroom.v1.CaseStatus;
import commandroom.v1.DisputeCase;
import commandroom.v1.FollowUpVisit;
import commandroom.v1.GetCaseRequest;
import commandroom.v1.GetIncidentRequest;
import commandroom.v1.Incident;
import commandroom.v1.MediationOutcome;
import commandroom.v1.OpenCaseRequest;
import commandroom.v1.ResultCode;
import commandroom.v1.RiskGrade;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.VisitMode;
import commandroom.v1.VisitResult;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dispute from the call to its case file, mediation, three follow-up visits (each a task for the
 * zone's community officer through the whole loop) and closure; a repeat call filed in the same
 * case; a relapse that reopens it; and the refusals.
 */
class DisputeCaseTest {

    @Test
    void aDisputeGoesFromCallToFileToMediationToThreeVisitsToClosure() {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock).withTokens(Duration.ofDays(400), Duration.ofDays(400)));
             HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1");
             HubClient chief = hub.login("chief1"); HubClient officer = hub.login("u-cd-co1")) {
            Incident call = Disputes.report(duty, "城东路 12 号", "13800000001");
            DisputeCase opened = Disputes.open(duty, call, RiskGrade.RISK_GRADE_B, "13800000001", "13900000002");
            assertEquals(CaseStatus.CASE_STATUS_OPEN, opened.getStatus());
            assertEquals("z-cd", opened.getZoneId());
            assertEquals(opened.getId(), duty.command().getIncident(GetIncidentRequest.newBuilder()
                    .setIncidentId(call.getId()).build()).getIncident().getCaseId(), "the call is filed in the case");

            Disputes.mediate(leader, opened.getId(), MediationOutcome.MEDIATION_OUTCOME_NOT_AGREED);
            assertEquals(Status.Code.FAILED_PRECONDITION, refusal(() -> Disputes.settle(leader, opened.getId())),
                    "no agreement yet");
            Disputes.mediate(leader, opened.getId(), MediationOutcome.MEDIATION_OUTCOME_AGREED);
            DisputeCase settled = Disputes.settle(leader, opened.getId());
            assertEquals(CaseStatus.CASE_STATUS_SETTLED, settled.getStatus());
            assertEquals(List.of(3L, 7L, 30L), settled.getVisitsList().stream().map(v ->
                    Duration.ofSeconds(v.getDue().getSeconds() - settled.getSettledAt().getSeconds()).toDays()).toList(),
                    "risk B: visited in person after 3, 7 and 30 days");
            assertTrue(settled.getVisitsList().stream().allMatch(v -> v.getMode() == VisitMode.VISIT_MODE_IN_PERSON));

            // A second call about the same dispute (the address written differently) is filed as a repeat.
            Incident again = Disputes.report(duty, "城东路12号", "13700000009");
            assertTrue(again.getRepeatCall());
            assertEquals(opened.getId(), again.getCaseId());
            assertEquals(Status.Code.FAILED_PRECONDITION, refusal(() -> Disputes.open(duty, again,
                    RiskGrade.RISK_GRADE_C, "13700000009")), "a repeat call opens no second file");

            long day = 0;
            for (int k = 0; k < 3; k++) {
                long dueDay = List.of(3L, 7L, 30L).get(k);
                clock.advance(Duration.ofDays(dueDay - day).plusMinutes(1));
                day = dueDay;
                Task visitTask = visitTask(duty, opened.getId(), k);
                assertEquals(TaskKind.TASK_KIND_FOLLOW_UP, visitTask.getKind());
                assertEquals(List.of("u-cd-co1"), visitTask.getAssigneeUnitIdsList(), "the zone's community officer");
                carryOut(officer, chief, visitTask, ResultCode.RESULT_CODE_RESOLVED);
            }
            DisputeCase closed = caseOf(duty, opened.getId());
            assertEquals(CaseStatus.CASE_STATUS_CLOSED, closed.getStatus());
            assertTrue(closed.getVisitsList().stream().allMatch(v -> v.getResult() == VisitResult.VISIT_RESULT_STABLE));
            assertEquals(List.of(call.getId(), again.getId()), closed.getIncidentIdsList());
            assertEquals(List.of(again.getId()), closed.getRepeatIncidentIdsList());
        }
    }

    @Test
    void aRelapseFoundOnAVisitReopensTheCase() {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.POSTGRES, c -> c.withClock(clock).withTokens(Duration.ofDays(400), Duration.ofDays(400)));
             HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1");
             HubClient chief = hub.login("chief1"); HubClient officer = hub.login("u-cd-co1")) {
            DisputeCase c = Disputes.open(duty, Disputes.report(duty, "城东路 40 号", "13800000040"),
                    RiskGrade.RISK_GRADE_D, "13800000040");
            Disputes.mediate(leader, c.getId(), MediationOutcome.MEDIATION_OUTCOME_AGREED);
            DisputeCase settled = Disputes.settle(leader, c.getId());
            assertTrue(settled.getVisitsList().stream().allMatch(v -> v.getMode() == VisitMode.VISIT_MODE_PHONE),
                    "risk D: by telephone");
            assertEquals(2, settled.getVisitsCount());

            clock.advance(Duration.ofDays(7).plusMinutes(1));
            carryOut(officer, chief, visitTask(duty, c.getId(), 0), ResultCode.RESULT_CODE_UNRESOLVED);
            DisputeCase reopened = caseOf(duty, c.getId());
            assertEquals(CaseStatus.CASE_STATUS_OPEN, reopened.getStatus());
            assertEquals(1, reopened.getReopenedCount());
            assertEquals(List.of(VisitResult.VISIT_RESULT_RELAPSED, VisitResult.VISIT_RESULT_CANCELLED),
                    reopened.getVisitsList().stream().map(FollowUpVisit::getResult).toList());

            Disputes.mediate(leader, c.getId(), MediationOutcome.MEDIATION_OUTCOME_AGREED);
            DisputeCase resettled = Disputes.settle(leader, c.getId());
            assertEquals(List.of("S2V1", "S2V2"), resettled.getVisitsList().stream().map(FollowUpVisit::getId).toList());
            assertEquals(settled.getFirstSettledAt(), resettled.getFirstSettledAt(), "resolved once, counted once");
        }
    }

    @Test
    void theHubsSettingsDecideWhenAGradeIsVisited() {
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withFollowUps(FollowUpPolicy.parse("C=in-person:2,14")));
             HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1")) {
            DisputeCase c = Disputes.open(duty, Disputes.report(duty, "城东路 60 号", "13800000060"),
                    RiskGrade.RISK_GRADE_C, "13800000060");
            Disputes.mediate(leader, c.getId(), MediationOutcome.MEDIATION_OUTCOME_AGREED);
            DisputeCase settled = Disputes.settle(leader, c.getId());
            assertEquals(List.of(2L, 14L), settled.getVisitsList().stream().map(v ->
                    Duration.ofSeconds(v.getDue().getSeconds() - settled.getSettledAt().getSeconds()).toDays()).toList());
            assertTrue(settled.getVisitsList().stream().allMatch(v -> v.getMode() == VisitMode.VISIT_MODE_IN_PERSON));
        }
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient duty = hub.login("duty1");
             HubClient leader = hub.login("leader1"); HubClient officer = hub.login("u-cd-co1")) {
            Incident call = Disputes.report(duty, "城西路 1 号", "");
            StatusRuntimeException noParties = assertThrows(StatusRuntimeException.class, () -> duty.cases().openCase(
                    OpenCaseRequest.newBuilder().setIncidentId(call.getId()).setIdempotencyKey("k").build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, noParties.getStatus().getCode());
            assertTrue(noParties.getStatus().getDescription().contains("parties")
                    && noParties.getStatus().getDescription().contains("risk_grade"), noParties.getStatus().getDescription());
            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> Disputes.open(officer, call, RiskGrade.RISK_GRADE_A, "1")),
                    "a field unit opens no case files");
            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> duty.cases().getFigures(
                    commandroom.v1.GetFiguresRequest.getDefaultInstance())), "the figures are the chief's");
            DisputeCase c = Disputes.open(duty, call, RiskGrade.RISK_GRADE_A, "13800000077");
            assertEquals(Status.Code.ABORTED, refusal(() -> leader.cases().recordMediation(
                    commandroom.v1.RecordMediationRequest.newBuilder().setCaseId(c.getId()).setExpectedVersion(99)
                            .setOutcome(MediationOutcome.MEDIATION_OUTCOME_AGREED).setMediator("李明")
                            .setIdempotencyKey("m").build())));
            assertEquals(Status.Code.NOT_FOUND, refusal(() -> duty.cases().getCase(
                    GetCaseRequest.newBuilder().setCaseId("C-19990101-0001").build())));
        }
    }

    private static Status.Code refusal(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
    }
}
