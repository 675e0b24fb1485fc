package commandroom.sim.terminal;

import commandroom.v1.Position;
import commandroom.v1.Task;
import commandroom.v1.TaskStep;

/**
 * A terminal's working copy of one task it holds: the task as the hub last described it, and
 * what the simulated unit is doing about it.
 *
 * <p>The generation counter is how stale timers and answers are told apart: whenever the hub
 * moves the task in a way the terminal did not ask for (returned, re-synced), the generation
 * goes up and every callback of the older generation does nothing when it fires.
 *
 * <p>Not thread-safe: confined to its terminal's serial executor.
 */
final class TaskRun {
    private Task task;
    private long asOfSequence;
    private int generation;
    private boolean busy;
    private boolean dropped;
    private int round;
    private String returnReason;
    private final TaskStep lateStep;

    /**
     * @param task the task as the hub described it
     * @param asOfSequence the sequence that description reflects
     * @param lateStep the step this unit will be late for, or {@code TASK_STEP_UNSPECIFIED}
     */
    TaskRun(Task task, long asOfSequence, TaskStep lateStep) {
        this.task = task;
        this.asOfSequence = asOfSequence;
        this.lateStep = lateStep;
        this.round = task.getReturnedCount();
    }

    String id() {
        return task.getId();
    }

    Task task() {
        return task;
    }

    /** Takes a newer description from the hub; an older one (lower sequence) is ignored. */
    void update(Task newer, long sequence) {
        if (sequence >= asOfSequence) {
            task = newer;
            asOfSequence = sequence;
            round = Math.max(round, newer.getReturnedCount());
        }
    }

    /** Records a change the terminal learnt from an event rather than from a full task. */
    void update(Task.Builder changed, long sequence) {
        task = changed.build();
        asOfSequence = Math.max(asOfSequence, sequence);
    }

    long asOfSequence() {
        return asOfSequence;
    }

    /** Where to go: the incident's position, or null when the hub did not say. */
    Position target() {
        return task.hasIncidentPosition() ? task.getIncidentPosition() : null;
    }

    int generation() {
        return generation;
    }

    /** Forgets whatever was under way (timers, answers): the hub's word is newer. */
    void restart() {
        generation++;
        busy = false;
    }

    boolean busy() {
        return busy;
    }

    void busy(boolean value) {
        busy = value;
    }

    boolean dropped() {
        return dropped;
    }

    void drop() {
        dropped = true;
        generation++;
    }

    /** How many times the feedback was returned, as far as the terminal knows. */
    int round() {
        return round;
    }

    /** Notes that the reviewer returned the feedback, and why. */
    void returned(String reason) {
        round++;
        returnReason = reason;
    }

    /** The reviewer's last reason for returning, or null if never returned. */
    String returnReason() {
        return returnReason;
    }

    TaskStep lateStep() {
        return lateStep;
    }

    /** Whether a callback made in this generation still applies. */
    boolean current(int callbackGeneration) {
        return !dropped && generation == callbackGeneration;
    }
}
