package commandroom.sim.loop;

import com.google.protobuf.Timestamp;
import commandroom.v1.Event;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.Progress;
import commandroom.v1.Snapshot;
import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the step times of every open task from a snapshot and the event stream, and hands out
 * a {@link ClosedLoop} when a task closes. Times are the hub's (event time), not the
 * terminal's, so that all steps are on one clock.
 *
 * <p>Not thread-safe: confined to the loop follower's serial executor (or a test).
 */
public final class LoopBook {
    private final Map<String, IncidentType> incidentTypes = new HashMap<>();
    private final Map<String, Entry> open = new HashMap<>();

    /** What is known so far of one open task. */
    private static final class Entry {
        String incidentId;
        TaskKind kind;
        List<String> units;
        Instant dispatched;
        Instant signedFor;
        Instant arrived;
        Instant firstFeedback;
        Instant lastFeedback;
        int returned;
    }

    /** Starts from a snapshot: open tasks with the clocks the snapshot has for them. */
    public void apply(Snapshot snapshot) {
        for (Incident incident : snapshot.getIncidentsList()) {
            incidentTypes.put(incident.getId(), incident.getType());
        }
        for (Task task : snapshot.getTasksList()) {
            if (task.getStatus() == TaskStatus.TASK_STATUS_CLOSED || task.getStatus() == TaskStatus.TASK_STATUS_CANCELLED) {
                continue;
            }
            Entry entry = entry(task, task.hasDispatchedAt() ? instant(task.getDispatchedAt()) : null);
            entry.returned = task.getReturnedCount();
            for (StepDeadline deadline : task.getDeadlinesList()) {
                Instant done = deadline.hasDoneAt() ? instant(deadline.getDoneAt()) : null;
                switch (deadline.getStep()) {
                    case TASK_STEP_SIGN_FOR -> entry.signedFor = done;
                    case TASK_STEP_ARRIVE -> entry.arrived = done;
                    case TASK_STEP_FEEDBACK -> {
                        entry.lastFeedback = done;
                        entry.firstFeedback = task.getReturnedCount() == 0 ? done : null;
                    }
                    default -> {
                        // No other step has a clock.
                    }
                }
            }
            open.put(task.getId(), entry);
        }
    }

    /**
     * Follows one event.
     *
     * @return the closed loop when the event closed a task this book knows
     */
    public Optional<ClosedLoop> apply(Event event) {
        Instant time = event.hasTime() ? instant(event.getTime()) : null;
        switch (event.getKindCase()) {
            case INCIDENT_REPORTED -> {
                Incident incident = event.getIncidentReported().getIncident();
                incidentTypes.put(incident.getId(), incident.getType());
            }
            case TASK_DISPATCHED -> {
                Task task = event.getTaskDispatched().getTask();
                open.put(task.getId(), entry(task, time));
            }
            case TASK_PROGRESSED -> {
                Entry entry = open.get(event.getTaskProgressed().getTaskId());
                if (entry != null && event.getTaskProgressed().getProgress() == Progress.PROGRESS_SIGNED_FOR) {
                    entry.signedFor = time;
                } else if (entry != null && event.getTaskProgressed().getProgress() == Progress.PROGRESS_ARRIVED) {
                    entry.arrived = time;
                }
            }
            case FEEDBACK_SUBMITTED -> {
                Entry entry = open.get(event.getFeedbackSubmitted().getTaskId());
                if (entry != null) {
                    if (entry.firstFeedback == null && entry.returned == 0) {
                        entry.firstFeedback = time;
                    }
                    entry.lastFeedback = time;
                }
            }
            case TASK_RETURNED -> {
                Entry entry = open.get(event.getTaskReturned().getTaskId());
                if (entry != null) {
                    entry.returned++;
                }
            }
            case TASK_REASSIGNED -> {
                Entry entry = open.get(event.getTaskReassigned().getTaskId());
                if (entry != null) {
                    entry.units = List.copyOf(event.getTaskReassigned().getToUnitIdsList());
                }
            }
            case TASK_CANCELLED -> open.remove(event.getTaskCancelled().getTaskId());
            case TASK_CLOSED -> {
                String taskId = event.getTaskClosed().getTaskId();
                Entry entry = open.remove(taskId);
                if (entry != null) {
                    return Optional.of(new ClosedLoop(entry.incidentId,
                            incidentTypes.getOrDefault(entry.incidentId, IncidentType.INCIDENT_TYPE_UNSPECIFIED),
                            taskId, entry.kind, entry.units, entry.dispatched, entry.signedFor, entry.arrived,
                            entry.firstFeedback, entry.lastFeedback, time, entry.returned));
                }
            }
            default -> {
                // Other events do not move a loop.
            }
        }
        return Optional.empty();
    }

    /** How many tasks are open, as far as the book knows. */
    public int openTasks() {
        return open.size();
    }

    private static Entry entry(Task task, Instant dispatched) {
        Entry entry = new Entry();
        entry.incidentId = task.getIncidentId();
        entry.kind = task.getKind();
        entry.units = List.copyOf(task.getAssigneeUnitIdsList());
        entry.dispatched = dispatched;
        return entry;
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
