package commandroom.app.model;

import java.time.Instant;
import java.util.List;

/**
 * A task as the console shows it: enough for a board card, the review queue and dispatch.
 * Immutable; the feed replaces it with a new one on every event.
 */
public record TaskItem(String id, String kind, String incidentId, String incidentType, String priority,
                       List<String> assignees, String zoneId, String instruction, TaskStage stage, long version,
                       List<StepClock> clocks, int returnedCount, Instant dispatchedAt, String feedbackText,
                       String feedbackResult, List<byte[]> feedbackPhotos) {

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

    /** True if any step still open is overdue. */
    public boolean isOverdue() {
        return stage.isOpen() && clocks.stream().anyMatch(c -> c.overdue() && !c.isDone());
    }

    public TaskItem with(TaskStage newStage, List<StepClock> newClocks) {
        return new TaskItem(id, kind, incidentId, incidentType, priority, assignees, zoneId, instruction, newStage,
                version + 1, newClocks, returnedCount, dispatchedAt, feedbackText, feedbackResult, feedbackPhotos);
    }
}
