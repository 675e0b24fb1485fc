package commandroom.sim.terminal;

import com.google.protobuf.Timestamp;
import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStep;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * How long simulated people take over the parts of a task that are not travel: reading and
 * signing for an instruction, the work on the scene, and how late a late unit is.
 *
 * <p>Times are real-world seconds; {@link TerminalSettings#scaledMillis} compresses them for a
 * demo. Stateless; thread-safe if each caller passes its own Random.
 */
public final class WorkTimes {
    /** A late unit acts this long after the deadline at least... */
    static final long LATE_MIN_SECONDS = 5;
    /** ...and at most this long after it. */
    static final long LATE_MAX_SECONDS = 30;

    private WorkTimes() {
    }

    /** Seconds from delivery to signing for: reading the instruction on the terminal. */
    public static double signForSeconds(Random random) {
        return 3 + random.nextDouble() * 12;
    }

    /**
     * Seconds of work on the scene for a kind of task.
     *
     * @param kind the task's kind
     * @param rework true when redoing returned feedback, which takes about a third as long
     * @param random source of variety
     */
    public static double workSeconds(TaskKind kind, boolean rework, Random random) {
        double[] range = switch (kind) {
            case TASK_KIND_MEDIATE -> new double[] {600, 1500};
            case TASK_KIND_VERIFY -> new double[] {180, 480};
            case TASK_KIND_FOLLOW_UP, TASK_KIND_COLLECT_INFO -> new double[] {300, 720};
            case TASK_KIND_PATROL -> new double[] {480, 900};
            default -> new double[] {240, 600};
        };
        double seconds = range[0] + random.nextDouble() * (range[1] - range[0]);
        return rework ? seconds / 3 : seconds;
    }

    /**
     * How long a unit that means to be late for a step should still wait, from now.
     *
     * @param task the task, with its step clocks
     * @param step the step the unit is about to do
     * @param lateStep the step the unit is late for, or unspecified if it is punctual
     * @param now the time now
     * @param maxLateWait never wait longer than this (a far deadline means: be punctual after all)
     * @param random picks how far past the deadline
     * @return zero when there is no reason to wait
     */
    public static Duration lateWait(Task task, TaskStep step, TaskStep lateStep, Instant now, Duration maxLateWait,
            Random random) {
        if (step != lateStep || step == TaskStep.TASK_STEP_UNSPECIFIED) {
            return Duration.ZERO;
        }
        for (StepDeadline deadline : task.getDeadlinesList()) {
            if (deadline.getStep() != step || !deadline.hasDue()) {
                continue;
            }
            long past = LATE_MIN_SECONDS + (long) (random.nextDouble() * (LATE_MAX_SECONDS - LATE_MIN_SECONDS));
            Duration wait = Duration.between(now, toInstant(deadline.getDue()).plusSeconds(past));
            if (wait.isNegative() || wait.compareTo(maxLateWait) > 0) {
                return Duration.ZERO;
            }
            return wait;
        }
        return Duration.ZERO;
    }

    /** Picks the step a unit will be late for, or unspecified if it will be punctual. */
    public static TaskStep pickLateStep(double lateProbability, Random random) {
        if (random.nextDouble() >= lateProbability) {
            return TaskStep.TASK_STEP_UNSPECIFIED;
        }
        TaskStep[] steps = {TaskStep.TASK_STEP_SIGN_FOR, TaskStep.TASK_STEP_ARRIVE, TaskStep.TASK_STEP_FEEDBACK};
        return steps[random.nextInt(steps.length)];
    }

    static Instant toInstant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static Timestamp toTimestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }
}
