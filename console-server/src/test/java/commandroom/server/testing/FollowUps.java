package commandroom.server.testing;

import commandroom.v1.DisputeCase;
import commandroom.v1.GetCaseRequest;
import commandroom.v1.GetTaskRequest;
import commandroom.v1.Progress;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.ResultCode;
import commandroom.v1.ReviewDecision;
import commandroom.v1.ReviewFeedbackRequest;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.Task;
import java.time.Duration;
import java.util.UUID;

/** A dispute's follow-up visits as the tests make them: wait for one to be handed out, carry it out. */
public final class FollowUps {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private FollowUps() {}

    /** Waits for the k-th visit's task, which the hub's follow-up clock hands out when due. */
    public static Task visitTask(HubClient console, String caseId, int k) {
        Eventually.until("visit " + k + " handed out", WAIT, () -> !caseOf(console, caseId).getVisits(k).getTaskId().isEmpty());
        return console.command().getTask(GetTaskRequest.newBuilder()
                .setTaskId(caseOf(console, caseId).getVisits(k).getTaskId()).build()).getTask();
    }

    /** The officer signs for, goes, reports from the terminal; the chief approves. */
    public static void carryOut(HubClient officer, HubClient chief, Task t, ResultCode result) {
        for (Progress p : new Progress[] {Progress.PROGRESS_DELIVERED, Progress.PROGRESS_SIGNED_FOR,
                Progress.PROGRESS_ARRIVED, Progress.PROGRESS_IN_PROGRESS}) {
            officer.field().reportProgress(ReportProgressRequest.newBuilder().setTaskId(t.getId()).setProgress(p)
                    .setIdempotencyKey(UUID.randomUUID().toString()).build());
        }
        Task submitted = officer.field().submitFeedback(SubmitFeedbackRequest.newBuilder().setTaskId(t.getId())
                .setResultCode(result).setText(result == ResultCode.RESULT_CODE_UNRESOLVED ? "双方又起争执" : "协议履行，关系平稳")
                .setIdempotencyKey(UUID.randomUUID().toString()).build()).getTask();
        chief.command().reviewFeedback(ReviewFeedbackRequest.newBuilder().setTaskId(t.getId())
                .setExpectedVersion(submitted.getVersion()).setDecision(ReviewDecision.REVIEW_DECISION_APPROVE).build());
    }

    public static DisputeCase caseOf(HubClient console, String id) {
        return console.cases().getCase(GetCaseRequest.newBuilder().setCaseId(id).build()).getDisputeCase();
    }
}
