package commandroom.server.loop;

import commandroom.v1.Event;
import commandroom.v1.FeedbackSubmitted;
import commandroom.v1.ReportPositionRequest;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskProgressed;
import commandroom.v1.Feedback;
import commandroom.v1.UnitPositionReported;
import java.time.Duration;

/**
 * The field unit's side of the loop: progress, feedback and positions. A unit touches only tasks
 * it holds. Stateless.
 */
public final class FieldRules {

    /** A position is logged when the unit moved this far since the last logged one ... */
    static final double LOG_DISTANCE_M = 10;
    /** ... or this long has passed, so that a parked unit is still seen alive. */
    static final Duration LOG_INTERVAL = Duration.ofSeconds(15);

    private FieldRules() {}

    public static Hub.Decision progress(ReportProgressRequest r, String unitId) {
        return (s, now) -> {
            Task t = held(s, r.getTaskId(), unitId);
            TaskStateMachine.checkProgress(t.getStatus(), r.getProgress());
            if (r.hasReportedAt() && r.getReportedAt().getSeconds() < t.getDispatchedAt().getSeconds()) {
                throw HubException.invalid("reported_at", "is before the task was dispatched");
            }
            TaskProgressed.Builder p = TaskProgressed.newBuilder().setTaskId(t.getId()).setUnitId(unitId)
                    .setProgress(r.getProgress()).setReportedAt(r.hasReportedAt() ? r.getReportedAt() : TaskRules.ts(now));
            if (r.hasPosition()) {
                p.setPosition(r.getPosition());
            }
            return Event.newBuilder().setTaskProgressed(p);
        };
    }

    public static Hub.Decision feedback(SubmitFeedbackRequest r, String unitId) {
        return (s, now) -> {
            Task t = held(s, r.getTaskId(), unitId);
            TaskStateMachine.checkFeedback(t.getStatus());
            Feedback f = Feedback.newBuilder().setResultCode(r.getResultCode()).setText(r.getText())
                    .addAllPhotos(r.getPhotosList()).setUnitId(unitId).setSubmittedAt(TaskRules.ts(now)).build();
            return Event.newBuilder().setFeedbackSubmitted(FeedbackSubmitted.newBuilder().setTaskId(t.getId()).setFeedback(f));
        };
    }

    /** Reports closer together than this are coalesced: the first is logged, the rest are not. */
    static final Duration MIN_REPORT_GAP = Duration.ofSeconds(1);

    /**
     * Logs the position if the unit moved or time passed, at most once a second; otherwise writes
     * nothing. A report that would mean moving faster than maxSpeedMps from the last logged place
     * is logged flagged implausible (the projection does not move the unit).
     */
    public static Hub.Decision position(ReportPositionRequest r, String unitId, double maxSpeedMps) {
        return (s, now) -> {
            if (s.unit(unitId).isEmpty()) {
                throw HubException.precondition("unit " + unitId + " is not registered");
            }
            HubState.LoggedPosition last = s.loggedPositions.get(unitId);
            boolean implausible = false;
            if (last != null) {
                Duration since = Duration.between(last.at(), now);
                double metres = Geo.metres(last.latitude(), last.longitude(), r.getPosition().getLatitude(),
                        r.getPosition().getLongitude());
                if (since.compareTo(MIN_REPORT_GAP) < 0
                        || (since.compareTo(LOG_INTERVAL) < 0 && metres < LOG_DISTANCE_M)) {
                    return null;
                }
                implausible = metres / Math.max(1.0, since.toMillis() / 1000.0) > maxSpeedMps;
            }
            return Event.newBuilder().setUnitPositionReported(UnitPositionReported.newBuilder().setUnitId(unitId)
                    .setPosition(r.getPosition()).setHeadingDegrees(r.getHeadingDegrees()).setSpeedMps(r.getSpeedMps())
                    .setImplausible(implausible));
        };
    }

    /** The task, if this unit holds it now; another unit's task is PERMISSION_DENIED. */
    static Task held(HubState s, String taskId, String unitId) {
        Task t = s.task(taskId).orElseThrow(() -> HubException.notFound("task_id", "task", taskId));
        if (!t.getAssigneeUnitIdsList().contains(unitId)) {
            throw HubException.denied("task " + taskId + " is not held by unit " + unitId);
        }
        return t;
    }
}
