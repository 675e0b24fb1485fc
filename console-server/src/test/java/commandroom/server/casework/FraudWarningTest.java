package commandroom.server.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.FraudServiceGrpc;
import commandroom.v1.FraudWarning;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.GetTaskRequest;
import commandroom.v1.ImportWarningsRequest;
import commandroom.v1.ImportWarningsResponse;
import commandroom.v1.Progress;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.ResultCode;
import commandroom.v1.ReviewDecision;
import commandroom.v1.ReviewFeedbackRequest;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStatus;
import commandroom.v1.TaskStep;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The county's anti-fraud list (精准电诈劝阻): each person becomes a dissuasion task for the zone's
 * community officer with a 2-hour clock; the officer answers warned / unreachable / already
 * defrauded; the same list taken in twice writes nothing new; a bad row stops the whole list.
 */
class FraudWarningTest {

    @Test
    void eachPersonOnTheListIsATaskForTheirZonesOfficerWithinHours() {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient leader = hub.login("leader1");
             HubClient chief = hub.login("chief1"); HubClient officer = hub.login("u-cd-co1")) {
            ImportWarningsRequest list = ImportWarningsRequest.newBuilder().setSource("县反诈中心 2026-12-03 第 1 批")
                    .addWarnings(warning("赵某", "13811110001", "z-cd", "冒充公检法"))
                    .addWarnings(warning("钱某", "13811110002", "z-cx", "刷单返利"))
                    .addWarnings(warning("孙某", "13811110003", "z-cd", "投资理财")).build();
            ImportWarningsResponse taken = fraud(leader).importWarnings(list);
            assertEquals(3, taken.getCreated());
            assertEquals(3, taken.getTaskIdsCount());
            List<Task> tasks = taken.getTaskIdsList().stream().map(id -> leader.command()
                    .getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getTask()).toList();
            assertEquals(List.of("u-cd-co1", "u-cx-co1", "u-cd-co1"), tasks.stream().map(t -> t.getAssigneeUnitIds(0)).toList());
            for (Task t : tasks) {
                assertEquals(TaskKind.TASK_KIND_DISSUADE, t.getKind());
                long dispatched = t.getDispatchedAt().getSeconds();
                assertEquals(2 * 3600, t.getDeadlinesList().stream().filter(d -> d.getStep() == TaskStep.TASK_STEP_FEEDBACK)
                        .findFirst().orElseThrow().getDue().getSeconds() - dispatched, 1, "answered within 2 hours");
            }

            ImportWarningsResponse again = fraud(leader).importWarnings(list);
            assertEquals(0, again.getCreated(), "the same list twice writes nothing new");
            assertEquals(taken.getTaskIdsList(), again.getTaskIdsList());

            int before = leader.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getTasksCount();
            StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> fraud(leader).importWarnings(
                    ImportWarningsRequest.newBuilder().setSource("第 2 批").addWarnings(warning("李某", "13811110004", "z-cd", ""))
                            .addWarnings(warning("周某", "13811110005", "z-none", "")).build()));
            assertEquals(Status.Code.NOT_FOUND, bad.getStatus().getCode());
            assertTrue(bad.getStatus().getDescription().contains("warnings[1].zone_id"), bad.getStatus().getDescription());
            assertEquals(before, leader.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getTasksCount(),
                    "a bad row stops the whole list");
            assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class,
                    () -> fraud(officer).importWarnings(list)).getStatus().getCode());

            Task first = tasks.get(0);
            for (Progress p : new Progress[] {Progress.PROGRESS_DELIVERED, Progress.PROGRESS_SIGNED_FOR,
                    Progress.PROGRESS_ARRIVED, Progress.PROGRESS_IN_PROGRESS}) {
                officer.field().reportProgress(ReportProgressRequest.newBuilder().setTaskId(first.getId()).setProgress(p)
                        .setIdempotencyKey(Disputes.key()).build());
            }
            Task answered = officer.field().submitFeedback(SubmitFeedbackRequest.newBuilder().setTaskId(first.getId())
                    .setResultCode(ResultCode.RESULT_CODE_WARNED).setText("电话联系本人，已劝阻，未转账")
                    .setIdempotencyKey(Disputes.key()).build()).getTask();
            Task closed = chief.command().reviewFeedback(ReviewFeedbackRequest.newBuilder().setTaskId(first.getId())
                    .setExpectedVersion(answered.getVersion()).setDecision(ReviewDecision.REVIEW_DECISION_APPROVE).build())
                    .getTask();
            assertEquals(TaskStatus.TASK_STATUS_CLOSED, closed.getStatus());
            assertEquals(ResultCode.RESULT_CODE_WARNED, closed.getFeedback().getResultCode());
        }
    }

    private static FraudWarning warning(String name, String phone, String zone, String risk) {
        return FraudWarning.newBuilder().setName(name).setPhone(phone).setAddress(zone + " 某小区").setZoneId(zone)
                .setRisk(risk).build();
    }

    private static FraudServiceGrpc.FraudServiceBlockingStub fraud(HubClient c) {
        return FraudServiceGrpc.newBlockingStub(c.channel()).withCallCredentials(HubClient.bearer(c.login().getAccessToken()))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }
}
