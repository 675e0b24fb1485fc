package commandroom.sim.loop;

import commandroom.v1.IncidentType;
import commandroom.v1.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One closed loop: a task from dispatch to approval, with the hub's time of each step.
 *
 * <p>Any step time may be null when the follower did not see it (for instance a task that was
 * dispatched before the simulator started and whose snapshot lacked that clock). Immutable.
 *
 * @param incidentId the incident
 * @param incidentType its type, or unspecified if unknown
 * @param taskId the task
 * @param taskKind what the task asked
 * @param unitIds the units that held it at the end
 * @param dispatchedAt when it was dispatched
 * @param signedForAt when it was (last) signed for
 * @param arrivedAt when a unit (last) arrived
 * @param firstFeedbackAt when feedback was first submitted
 * @param lastFeedbackAt when the approved feedback was submitted
 * @param closedAt when it was approved
 * @param returnedCount how many times feedback was returned
 */
public record ClosedLoop(String incidentId, IncidentType incidentType, String taskId, TaskKind taskKind,
        List<String> unitIds, Instant dispatchedAt, Instant signedForAt, Instant arrivedAt, Instant firstFeedbackAt,
        Instant lastFeedbackAt, Instant closedAt, int returnedCount) {

    /** Copies the unit list. */
    public ClosedLoop {
        unitIds = List.copyOf(unitIds);
    }

    /** Dispatch to signing for. */
    public Optional<Duration> toSignFor() {
        return between(dispatchedAt, signedForAt);
    }

    /** Signing for to arriving. */
    public Optional<Duration> toArrive() {
        return between(signedForAt, arrivedAt);
    }

    /** Arriving to the first feedback. */
    public Optional<Duration> toFeedback() {
        return between(arrivedAt, firstFeedbackAt);
    }

    /** The approved feedback to approval: how long the review took. */
    public Optional<Duration> toClose() {
        return between(lastFeedbackAt, closedAt);
    }

    /** Dispatch to approval. */
    public Optional<Duration> total() {
        return between(dispatchedAt, closedAt);
    }

    private static Optional<Duration> between(Instant from, Instant to) {
        return from == null || to == null ? Optional.empty() : Optional.of(Duration.between(from, to));
    }
}
