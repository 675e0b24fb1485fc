package commandroom.sim.review;

import commandroom.sim.rpc.ConsoleFeed;
import commandroom.sim.rpc.Rpc;
import commandroom.sim.rpc.SerialExecutor;
import commandroom.sim.rpc.Session;
import commandroom.v1.Event;
import commandroom.v1.ReviewDecision;
import commandroom.v1.ReviewFeedbackRequest;
import commandroom.v1.Snapshot;
import commandroom.v1.Task;
import commandroom.v1.TaskResponse;
import commandroom.v1.TaskStatus;
import io.grpc.Channel;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated station chief ({@code sim-chief}): reviews every submitted feedback, returning
 * it once with a reason at a configured probability and approving it otherwise — a task is
 * returned at most once, so every loop closes.
 *
 * <p>Reviews send expected version 0 (no check): events do not carry a task's version, and a
 * human reviewer who got there first makes ours fail with FAILED_PRECONDITION, which is dropped.
 * Threading: confined to its own {@link SerialExecutor}; {@link #start} and {@link #close} may
 * be called from any thread.
 */
public final class AutoReviewer {
    private static final Logger LOG = LoggerFactory.getLogger(AutoReviewer.class);
    private static final double MIN_READ_SECONDS = 3;
    private static final double MAX_READ_SECONDS = 10;
    private static final List<String> REASONS = List.of(
            "反馈内容过于简单，请补充当事人身份信息及处置经过。",
            "请补充现场照片后重新反馈。",
            "未写明调解结果及后续回访安排，请补充。",
            "处置经过与警情描述不符，请核实后重新反馈。");

    private final ScheduledExecutorService scheduler;
    private final SerialExecutor serial;
    private final ConsoleFeed feed;
    private final Random random;
    private final double returnProbability;
    private final double speedFactor;
    private final Duration wait;
    // Confined to the serial executor.
    private final Map<String, Integer> returnedCount = new HashMap<>();
    /** The return round each task was last put up for review in; one review per round. */
    private final Map<String, Integer> reviewedRound = new HashMap<>();

    /**
     * @param session the station chief's session
     * @param channel the channel to the hub
     * @param scheduler the shared scheduler
     * @param returnProbability chance of returning a feedback that was never returned, 0..1
     * @param speedFactor how much faster than real time the chief reads
     * @param random source of chance
     */
    public AutoReviewer(Session session, Channel channel, ScheduledExecutorService scheduler,
            double returnProbability, double speedFactor, Random random) {
        this(session, channel, scheduler, returnProbability, speedFactor, random, Duration.ZERO);
    }

    /**
     * As above; with a wait, the simulated chief is a colleague who leaves each feedback to the
     * people at the consoles for that long (real time); a review they made first makes ours fail
     * with FAILED_PRECONDITION, which is dropped.
     */
    public AutoReviewer(Session session, Channel channel, ScheduledExecutorService scheduler,
            double returnProbability, double speedFactor, Random random, Duration wait) {
        this.wait = wait;
        this.scheduler = scheduler;
        this.returnProbability = returnProbability;
        this.speedFactor = speedFactor;
        this.random = random;
        this.serial = new SerialExecutor(scheduler, "auto reviewer");
        this.feed = new ConsoleFeed("auto reviewer", channel, session, scheduler, serial, this::onSnapshot,
                this::onEvent);
    }

    /** Logs in and starts reviewing. */
    public void start() {
        feed.start();
    }

    /** Stops reviewing; reviews already sent finish on their own. */
    public void close() {
        feed.close();
    }

    private void onSnapshot(Snapshot snapshot) {
        for (Task task : snapshot.getTasksList()) {
            returnedCount.put(task.getId(), task.getReturnedCount());
            if (task.getStatus() == TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED) {
                later(task.getId());
            }
        }
    }

    private void onEvent(Event event) {
        switch (event.getKindCase()) {
            case FEEDBACK_SUBMITTED -> later(event.getFeedbackSubmitted().getTaskId());
            case TASK_RETURNED -> returnedCount.merge(event.getTaskReturned().getTaskId(), 1, Integer::sum);
            case TASK_CLOSED -> forget(event.getTaskClosed().getTaskId());
            case TASK_CANCELLED -> forget(event.getTaskCancelled().getTaskId());
            default -> {
                // Nothing else asks for a review.
            }
        }
    }

    private void forget(String taskId) {
        returnedCount.remove(taskId);
        reviewedRound.remove(taskId);
    }

    private void later(String taskId) {
        int round = returnedCount.getOrDefault(taskId, 0);
        Integer previous = reviewedRound.put(taskId, round);
        if (previous != null && previous == round) {
            return;
        }
        double seconds = MIN_READ_SECONDS + random.nextDouble() * (MAX_READ_SECONDS - MIN_READ_SECONDS);
        serial.schedule(scheduler, wait.toMillis() + Math.round(seconds * 1000 / speedFactor), () -> review(taskId, round));
    }

    private void review(String taskId, int round) {
        boolean giveBack = round == 0 && random.nextDouble() < returnProbability;
        ReviewFeedbackRequest request = ReviewFeedbackRequest.newBuilder()
                .setTaskId(taskId)
                .setExpectedVersion(0)
                .setDecision(giveBack ? ReviewDecision.REVIEW_DECISION_RETURN : ReviewDecision.REVIEW_DECISION_APPROVE)
                .setReason(giveBack ? REASONS.get(random.nextInt(REASONS.size())) : "同意办结。")
                .setIdempotencyKey("sim-review:" + taskId + ":r" + round)
                .build();
        feed.caller().<TaskResponse>call("ReviewFeedback", () -> Rpc.unary(o -> feed.stub()
                        .withDeadlineAfter(Rpc.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                        .reviewFeedback(request, o)))
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        LOG.debug("auto reviewer: {} not reviewed ({})", taskId, Rpc.describe(failure));
                    }
                });
    }
}
