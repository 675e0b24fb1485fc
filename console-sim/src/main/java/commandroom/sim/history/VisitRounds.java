package commandroom.sim.history;

import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.ListMyTasksRequest;
import commandroom.v1.Progress;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.ResultCode;
import commandroom.v1.ReviewDecision;
import commandroom.v1.ReviewFeedbackRequest;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The community officer's follow-up visits in a played history: whatever visits the hub's clock has
 * handed out by a given time are signed for, made, reported stable from the terminal and approved
 * by the chief, each taking its own few minutes (deterministic by its order), so that the chief's
 * loop figures — minutes to each step, visits on time — come from work done as it would be.
 * Not thread-safe.
 */
final class VisitRounds {

    private final Supplier<FieldServiceGrpc.FieldServiceBlockingStub> officer;
    private final Supplier<CommandServiceGrpc.CommandServiceBlockingStub> reviewer;
    private final Consumer<Instant> setClock;
    private final Supplier<String> keys;
    /** The longest a visit takes at full length: signed for, gone, done, reported, approved. */
    private static final Duration LONGEST = Duration.ofMinutes(6 + 34 + 1 + 49 + 24);
    private long made;

    VisitRounds(Supplier<FieldServiceGrpc.FieldServiceBlockingStub> officer,
                Supplier<CommandServiceGrpc.CommandServiceBlockingStub> reviewer, Consumer<Instant> setClock,
                Supplier<String> keys) {
        this.officer = officer;
        this.reviewer = reviewer;
        this.setClock = setClock;
        this.keys = keys;
    }

    /**
     * Makes every visit out now, one after another within [start, start + window): each takes up to
     * two hours, less when more visits than that share the window (a history played at many times
     * the station's size).
     */
    void make(Instant start, Duration window) {
        List<Task> out = officer.get().listMyTasks(ListMyTasksRequest.getDefaultInstance()).getTasksList().stream()
                .filter(task -> task.getKind() == TaskKind.TASK_KIND_FOLLOW_UP
                        && task.getStatus() == TaskStatus.TASK_STATUS_DISPATCHED).toList();
        if (out.isEmpty()) {
            return;
        }
        double scale = Math.min(1.0, window.dividedBy(out.size()).toSeconds() / (double) LONGEST.toSeconds());
        Instant t = start;
        for (Task task : out) {
            long n = ++made;
            t = step(task, Progress.PROGRESS_DELIVERED, t);
            t = step(task, Progress.PROGRESS_SIGNED_FOR, t.plus(minutes(1 + n % 7, scale)));
            t = step(task, Progress.PROGRESS_ARRIVED, t.plus(minutes(10 + n % 25, scale)));
            t = step(task, Progress.PROGRESS_IN_PROGRESS, t.plus(minutes(0.5, scale)));
            t = t.plus(minutes(20 + n % 30, scale));
            setClock.accept(t);
            Task submitted = officer.get().submitFeedback(SubmitFeedbackRequest.newBuilder().setTaskId(task.getId())
                    .setResultCode(ResultCode.RESULT_CODE_RESOLVED).setText("协议履行，双方关系平稳")
                    .setIdempotencyKey(keys.get()).build()).getTask();
            t = t.plus(minutes(5 + n % 20, scale));
            setClock.accept(t);
            reviewer.get().reviewFeedback(ReviewFeedbackRequest.newBuilder().setTaskId(task.getId())
                    .setExpectedVersion(submitted.getVersion()).setDecision(ReviewDecision.REVIEW_DECISION_APPROVE).build());
        }
    }

    private static Duration minutes(double m, double scale) {
        return Duration.ofMillis((long) (m * scale * 60_000));
    }

    private Instant step(Task task, Progress p, Instant at) {
        setClock.accept(at);
        officer.get().reportProgress(ReportProgressRequest.newBuilder().setTaskId(task.getId()).setProgress(p)
                .setIdempotencyKey(keys.get()).build());
        return at;
    }
}
