package commandroom.server.log;

import commandroom.v1.Event;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which units' terminal streams an event may concern, so that the fan-out wakes only those and
 * not every unit stream for every event (most events are for no unit at all). It follows each
 * open task's units as the log goes: the units ever put on it, as the unit filter sees them.
 *
 * <p>Waking is only a hint: a unit stream that is woken sends everything its own filter accepts
 * up to the head, so a unit this misses gets the event at its next wake-up, never loses it.
 * Called by the log's replay and then by its writer thread only; not thread-safe.
 */
final class UnitAudience {

    private final Map<String, Set<String>> unitsOfOpenTask = new HashMap<>();

    /** Follows one event (in log order) and answers the units to wake for it. */
    Collection<String> follow(Event e) {
        return switch (e.getKindCase()) {
            case TASK_DISPATCHED -> {
                var t = e.getTaskDispatched().getTask();
                unitsOfOpenTask.put(t.getId(), new LinkedHashSet<>(t.getAssigneeUnitIdsList()));
                yield t.getAssigneeUnitIdsList();
            }
            case TASK_REASSIGNED -> {
                var r = e.getTaskReassigned();
                Set<String> units = unitsOfOpenTask.computeIfAbsent(r.getTaskId(), k -> new LinkedHashSet<>());
                units.addAll(r.getFromUnitIdsList());
                units.addAll(r.getToUnitIdsList());
                yield List.copyOf(units);
            }
            case TASK_PROGRESSED -> unitsOf(e.getTaskProgressed().getTaskId());
            case FEEDBACK_SUBMITTED -> unitsOf(e.getFeedbackSubmitted().getTaskId());
            case TASK_RETURNED -> unitsOf(e.getTaskReturned().getTaskId());
            case TASK_OVERDUE -> e.getTaskOverdue().getUnitIdsList();
            case TASK_CLOSED -> removed(e.getTaskClosed().getTaskId());
            case TASK_CANCELLED -> removed(e.getTaskCancelled().getTaskId());
            default -> List.of();
        };
    }

    /** Open tasks followed (for tests). */
    int openTasks() {
        return unitsOfOpenTask.size();
    }

    private Collection<String> unitsOf(String taskId) {
        return unitsOfOpenTask.getOrDefault(taskId, Set.of());
    }

    private Collection<String> removed(String taskId) {
        Set<String> units = unitsOfOpenTask.remove(taskId);
        return units == null ? List.of() : units;
    }
}
