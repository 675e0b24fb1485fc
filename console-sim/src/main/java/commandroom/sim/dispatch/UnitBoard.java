package commandroom.sim.dispatch;

import commandroom.v1.Event;
import commandroom.v1.Position;
import commandroom.v1.Snapshot;
import commandroom.v1.Task;
import commandroom.v1.TaskStatus;
import commandroom.v1.Unit;
import commandroom.v1.UnitStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dispatcher's picture of the units: where each is, whether it is off duty, and which
 * tasks it is working on — from the snapshot, then from the event stream.
 *
 * <p>A task counts against a unit from dispatch until feedback is submitted (the unit is free
 * to go elsewhere while the chief reviews), and again if the feedback is returned. Units chosen
 * for a dispatch still in flight count as busy too, so two quick incidents do not both go to
 * the same unit. Not thread-safe: confined to the dispatcher's serial executor.
 */
public final class UnitBoard {
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, List<String>> assignees = new HashMap<>();
    private final Set<String> working = new HashSet<>();
    private final Map<String, String> pending = new HashMap<>();

    /** Starts from a snapshot. */
    public void apply(Snapshot snapshot) {
        snapshot.getUnitsList().forEach(u -> units.put(u.getId(), u));
        for (Task task : snapshot.getTasksList()) {
            TaskStatus status = task.getStatus();
            if (status != TaskStatus.TASK_STATUS_CLOSED && status != TaskStatus.TASK_STATUS_CANCELLED) {
                assignees.put(task.getId(), List.copyOf(task.getAssigneeUnitIdsList()));
                if (status != TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED) {
                    working.add(task.getId());
                }
            }
        }
    }

    /** Follows one event. */
    public void apply(Event event) {
        switch (event.getKindCase()) {
            case UNIT_REGISTERED -> {
                Unit u = event.getUnitRegistered().getUnit();
                if (u.getRetired()) {
                    units.remove(u.getId());
                } else {
                    units.put(u.getId(), u);
                }
            }
            case UNIT_POSITION_REPORTED -> {
                var report = event.getUnitPositionReported();
                Unit unit = units.get(report.getUnitId());
                if (unit != null) {
                    units.put(unit.getId(), unit.toBuilder().setPosition(report.getPosition())
                            .setHeadingDegrees(report.getHeadingDegrees()).build());
                }
            }
            case TASK_DISPATCHED -> dispatched(event.getTaskDispatched().getTask());
            case TASK_REASSIGNED -> assignees.put(event.getTaskReassigned().getTaskId(),
                    List.copyOf(event.getTaskReassigned().getToUnitIdsList()));
            case FEEDBACK_SUBMITTED -> working.remove(event.getFeedbackSubmitted().getTaskId());
            case TASK_RETURNED -> {
                if (assignees.containsKey(event.getTaskReturned().getTaskId())) {
                    working.add(event.getTaskReturned().getTaskId());
                }
            }
            case TASK_CLOSED -> forget(event.getTaskClosed().getTaskId());
            case TASK_CANCELLED -> forget(event.getTaskCancelled().getTaskId());
            default -> {
                // Other events do not change who is free.
            }
        }
    }

    /** Records a task the hub confirmed (from the stream or from the dispatch answer). */
    public void dispatched(Task task) {
        pending.remove(task.getIncidentId());
        assignees.put(task.getId(), List.copyOf(task.getAssigneeUnitIdsList()));
        working.add(task.getId());
    }

    /** Marks a unit as chosen for an incident whose dispatch is under way. */
    public void choosing(String incidentId, String unitId) {
        pending.put(incidentId, unitId);
    }

    /** Clears the mark of a dispatch that failed. */
    public void chosenInVain(String incidentId) {
        pending.remove(incidentId);
    }

    private void forget(String taskId) {
        assignees.remove(taskId);
        working.remove(taskId);
    }

    /** Every unit with its load, for the chooser. */
    public List<NearestUnitChooser.Candidate> candidates() {
        Map<String, Integer> load = new HashMap<>();
        for (String taskId : working) {
            for (String unitId : assignees.getOrDefault(taskId, List.of())) {
                load.merge(unitId, 1, Integer::sum);
            }
        }
        pending.values().forEach(unitId -> load.merge(unitId, 1, Integer::sum));
        List<NearestUnitChooser.Candidate> result = new ArrayList<>(units.size());
        for (Unit unit : units.values()) {
            Position position = unit.hasPosition() ? unit.getPosition() : null;
            result.add(new NearestUnitChooser.Candidate(unit.getId(), unit.getKind(), position,
                    unit.getStatus() == UnitStatus.UNIT_STATUS_OFF_DUTY, load.getOrDefault(unit.getId(), 0)));
        }
        return result;
    }
}
