package commandroom.app.model;

import java.time.Instant;
import java.util.List;

/**
 * A task as the console shows it: enough for a board card, the review queue and dispatch; its
 * feedback's photos are descriptions ({@link PhotoRef}), fetched when shown. Immutable; the feed
 * replaces it with a new one on every event.
 */
public record TaskItem(String id, String kind, String incidentId, String incidentType, String priority,
                       List<String> assignees, String zoneId, String instruction, TaskStage stage, long version,
                       List<StepClock> clocks, int returnedCount, Instant dispatchedAt, String feedbackText,
                       String feedbackResult, List<PhotoRef> feedbackPhotos) {

    /**
     * The clock that matters now: the first step not done, or null once every step is done
     * (feedback submitted) or the task is over.
     */
    public StepClock currentClock() {
        if (!stage.isOpen() || stage == TaskStage.FEEDBACK_SUBMITTED) {
            return null;
        }
        for (StepClock c : clocks) {
            if (!c.isDone()) {
                return c;
            }
        }
        return null;
    }

    /** True if any step still open is overdue. A loop, not a stream: the board's sort calls it a million times. */
    public boolean isOverdue() {
        if (!stage.isOpen()) {
            return false;
        }
        for (StepClock c : clocks) {
            if (c.overdue() && !c.isDone()) {
                return true;
            }
        }
        return false;
    }

    /** The task after one more event: a new stage and clocks, the version counted up as the hub does. */
    public TaskItem with(TaskStage newStage, List<StepClock> newClocks) {
        return new TaskItem(id, kind, incidentId, incidentType, priority, assignees, zoneId, instruction, newStage,
                version + 1, newClocks, returnedCount, dispatchedAt, feedbackText, feedbackResult, feedbackPhotos);
    }

    /** The same task carrying this feedback (no new version: the event that brought it counts). */
    public TaskItem withFeedback(String text, String result, List<PhotoRef> photos) {
        return new TaskItem(id, kind, incidentId, incidentType, priority, assignees, zoneId, instruction, stage,
                version, clocks, returnedCount, dispatchedAt, text, result, photos);
    }

    /** The same task returned once more (no new version). */
    public TaskItem returnedOnceMore() {
        return new TaskItem(id, kind, incidentId, incidentType, priority, assignees, zoneId, instruction, stage,
                version, clocks, returnedCount + 1, dispatchedAt, feedbackText, feedbackResult, feedbackPhotos);
    }

    /** The same task held by other units (no new version). */
    public TaskItem heldBy(List<String> units) {
        return new TaskItem(id, kind, incidentId, incidentType, priority, List.copyOf(units), zoneId, instruction,
                stage, version, clocks, returnedCount, dispatchedAt, feedbackText, feedbackResult, feedbackPhotos);
    }
}
