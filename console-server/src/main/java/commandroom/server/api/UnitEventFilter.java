package commandroom.server.api;

import commandroom.v1.Event;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Picks the events a unit's terminal must see: its tasks being dispatched, reassigned to or from
 * it, and everything that then happens to those tasks. It learns the unit's tasks as the stream
 * goes (it sees events in order), starting from the tasks the unit holds when it subscribes. A
 * unit taken off a task sees that it was, and nothing of the task after (a field terminal is the
 * least trusted client: it learns only what its work needs). Called by one subscription's sender
 * at a time.
 */
final class UnitEventFilter implements Predicate<Event> {

    private final String unitId;
    private final Set<String> taskIds = ConcurrentHashMap.newKeySet();

    UnitEventFilter(String unitId, Collection<String> knownTaskIds) {
        this.unitId = unitId;
        this.taskIds.addAll(knownTaskIds);
    }

    @Override
    public boolean test(Event e) {
        return switch (e.getKindCase()) {
            case TASK_DISPATCHED -> {
                var t = e.getTaskDispatched().getTask();
                if (t.getAssigneeUnitIdsList().contains(unitId)) {
                    taskIds.add(t.getId());
                    yield true;
                }
                yield false;
            }
            case TASK_REASSIGNED -> {
                var r = e.getTaskReassigned();
                if (r.getToUnitIdsList().contains(unitId)) {
                    taskIds.add(r.getTaskId());
                    yield true;
                }
                if (r.getFromUnitIdsList().contains(unitId)) {
                    taskIds.remove(r.getTaskId());
                    yield true;
                }
                yield false;
            }
            case TASK_PROGRESSED -> taskIds.contains(e.getTaskProgressed().getTaskId());
            case FEEDBACK_SUBMITTED -> taskIds.contains(e.getFeedbackSubmitted().getTaskId());
            case TASK_RETURNED -> taskIds.contains(e.getTaskReturned().getTaskId());
            case TASK_CLOSED -> taskIds.contains(e.getTaskClosed().getTaskId());
            case TASK_CANCELLED -> taskIds.contains(e.getTaskCancelled().getTaskId());
            case TASK_OVERDUE -> e.getTaskOverdue().getUnitIdsList().contains(unitId);
            default -> false;
        };
    }
}
