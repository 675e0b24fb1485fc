package commandroom.app.connection;

import commandroom.app.model.CameraItem;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.StepClock;
import commandroom.app.model.TaskItem;
import commandroom.app.model.TaskStage;
import commandroom.app.model.UnitItem;
import commandroom.v1.Event;
import commandroom.v1.Incident;
import commandroom.v1.Snapshot;
import commandroom.v1.Task;
import commandroom.app.model.ShiftItem;
import commandroom.v1.PlannedShift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the hub's snapshot and events to the {@link ConsoleState}, in sequence order, ignoring
 * anything already applied (so a resumed stream never applies an event twice). FX thread only.
 */
public final class EventApplier {

    private final ConsoleState state;
    /** Task ids per incident, so that an incident's status is derived from its own tasks only. */
    private final java.util.Map<String, java.util.Set<String>> tasksByIncident = new java.util.HashMap<>();
    /** Open task ids per unit, so that a unit's availability needs no scan of every task. */
    private final java.util.Map<String, java.util.Set<String>> openByUnit = new java.util.HashMap<>();

    public EventApplier(ConsoleState state) {
        this.state = state;
    }

    private static void shift(java.util.Map<String, ShiftItem> shifts, PlannedShift p,
                              boolean put) {
        var item = new ShiftItem(p.getUnitId(), Instant.ofEpochSecond(p.getStart().getSeconds()),
                Instant.ofEpochSecond(p.getEnd().getSeconds()));
        if (put) {
            shifts.put(item.key(), item);
        } else {
            shifts.remove(item.key());
        }
    }

    /** The cameras each unit wears or carries (unit id to camera ids). */
    private final java.util.Map<String, java.util.Set<String>> worn = new java.util.HashMap<>();

    /** Puts a worn camera where its unit is, and remembers whose it is. */
    private void wear(CameraItem c) {
        worn.computeIfAbsent(c.unitId(), k -> new java.util.LinkedHashSet<>()).add(c.id());
        UnitItem u = state.units.get(c.unitId());
        if (u != null) {
            state.cameras.put(c.id(), c.at(u.latitude(), u.longitude()));
        }
    }

    public void applySnapshot(Snapshot s) {
        state.retiredNames.clear();
        s.getRetiredList().forEach(r -> state.retiredNames.put(r.getId(), r.getName()));
        state.zones.clear();
        s.getZonesList().forEach(z -> state.zones.put(z.getId(), ProtoMapper.zone(z)));
        state.cameras.clear();
        s.getCamerasList().forEach(c -> state.cameras.put(c.getId(), ProtoMapper.camera(c)));
        state.ptzHolders().clear();
        s.getPtzControlsList().forEach(p -> state.ptzHolders().put(p.getCameraId(),
                new ConsoleState.PtzHolder(p.getHolder().getUserId(), p.getHolder().getDisplayName())));
        state.roads.clear();
        s.getRoadsList().forEach(r -> state.roads.put(r.getId(), ProtoMapper.road(r)));
        state.shifts.clear();
        s.getPlannedShiftsList().forEach(p -> shift(state.shifts, p, true));
        state.units.clear();
        s.getUnitsList().forEach(u -> state.units.put(u.getId(), ProtoMapper.unit(u)));
        worn.clear();
        state.cameras.values().stream().filter(CameraItem::worn).forEach(c -> wear(c));
        state.incidents.clear();
        s.getIncidentsList().forEach(i -> state.incidents.put(i.getId(), ProtoMapper.incident(i)));
        state.tasks.clear();
        tasksByIncident.clear();
        openByUnit.clear();
        s.getTasksList().forEach(t -> {
            TaskItem item = mapTask(t);
            state.tasks.put(t.getId(), item);
            index(t.getIncidentId(), t.getId());
            if (item.stage().isOpen()) {
                hold(item.assignees(), item.id());
            }
        });
        state.alarms.clear();
        s.getAlarmsList().stream().filter(a -> !a.getStale())
                .forEach(a -> state.alarms.put(a.getId(), ProtoMapper.alarm(a)));
        state.lastSequence.set(s.getAsOfSequence());
    }

    public void apply(List<Event> events) {
        for (Event e : events) {
            if (e.getSequence() <= state.lastSequence.get()) {
                continue;
            }
            applyOne(e);
            if (mayChangeACase(e)) {
                state.casesChanged.set(e.getSequence());
            }
            state.lastSequence.set(e.getSequence());
        }
    }

    private <T> void live(java.util.Map<String, T> map, String id, T item, String name) {
        if (item == null) {
            map.remove(id);
            state.retiredNames.put(id, name);
        } else {
            map.put(id, item);
        }
    }

    private void applyOne(Event e) {
        Instant at = ProtoMapper.instant(e.getTime());
        switch (e.getKindCase()) {
            // A retired item leaves the live maps; its name stays for what still names it.
            case ZONE_REGISTERED -> {
                var z = e.getZoneRegistered().getZone();
                live(state.zones, z.getId(), z.getRetired() ? null : ProtoMapper.zone(z), z.getName());
            }
            case CAMERA_REGISTERED -> {
                var c = e.getCameraRegistered().getCamera();
                worn.values().forEach(ids -> ids.remove(c.getId()));
                live(state.cameras, c.getId(), c.getRetired() ? null : ProtoMapper.camera(c), c.getName());
                CameraItem item = state.cameras.get(c.getId());
                if (item != null && item.worn()) {
                    wear(item);
                }
            }
            case ROAD_REGISTERED -> state.roads.put(e.getRoadRegistered().getRoad().getId(),
                    ProtoMapper.road(e.getRoadRegistered().getRoad()));
            case UNIT_REGISTERED -> {
                var u = e.getUnitRegistered().getUnit();
                live(state.units, u.getId(), u.getRetired() ? null : ProtoMapper.unit(u), u.getName());
            }
            case UNIT_DUTY_CHANGED -> {
                var d = e.getUnitDutyChanged();
                UnitItem u = state.units.get(d.getUnitId());
                if (u != null) {
                    String status = switch (d.getDuty()) {
                        case UNIT_DUTY_OFF_DUTY -> "OFF_DUTY";
                        case UNIT_DUTY_ON_BREAK -> "ON_BREAK";
                        case UNIT_DUTY_OUT_OF_SERVICE -> "OUT_OF_SERVICE";
                        default -> openByUnit.getOrDefault(u.id(), java.util.Set.of()).isEmpty() ? "AVAILABLE" : "ON_TASK";
                    };
                    state.units.put(u.id(), u.withStatus(status));
                }
            }
            case SHIFTS_PLANNED -> {
                e.getShiftsPlanned().getRemovedList().forEach(p -> shift(state.shifts, p, false));
                e.getShiftsPlanned().getPlannedList().forEach(p -> shift(state.shifts, p, true));
            }
            case INCIDENT_REPORTED -> {
                IncidentItem i = ProtoMapper.incident(e.getIncidentReported().getIncident());
                state.incidents.put(i.id(), i);
                state.alert(new ConsoleState.Alert(ConsoleState.Alert.Kind.NEW_INCIDENT, i.id(), i.summary()));
            }
            case INCIDENT_UPDATED -> {
                Incident i = e.getIncidentUpdated().getIncident();
                state.incidents.put(i.getId(), ProtoMapper.incident(i));
            }
            case INCIDENT_HANDED_UP -> {
                Incident i = e.getIncidentHandedUp().getIncident();
                state.incidents.put(i.getId(), ProtoMapper.incident(i));
            }
            case COUNTY_INSTRUCTION_RECEIVED -> {
                var c = e.getCountyInstructionReceived().getInstruction();
                // The incident's version moved with it: a later change must name the new one.
                state.incidents.computeIfPresent(c.getIncidentId(), (id, i) -> i.withVersion(i.version() + 1));
                state.alert(new ConsoleState.Alert(ConsoleState.Alert.Kind.COUNTY_INSTRUCTION, c.getIncidentId(),
                        c.getText()));
            }
            case TASK_DISPATCHED -> {
                TaskItem t = mapTask(e.getTaskDispatched().getTask());
                state.tasks.put(t.id(), t);
                index(t.incidentId(), t.id());
                hold(t.assignees(), t.id());
                setUnits(t.assignees(), "ON_TASK");
                refreshIncident(t.incidentId());
                // A drone sent out: its camera's picture is what the room wants to see.
                for (String unit : t.assignees()) {
                    UnitItem u = state.units.get(unit);
                    if (u != null && u.kind().equals("DRONE")) {
                        worn.getOrDefault(unit, java.util.Set.of()).forEach(camera -> state.alert(new ConsoleState.Alert(
                                ConsoleState.Alert.Kind.DRONE_OUT, camera, t.incidentId())));
                    }
                }
            }
            case TASK_PROGRESSED -> {
                var p = e.getTaskProgressed();
                update(p.getTaskId(), t -> {
                    TaskStage to = ProtoMapper.stage(Stages.target(p.getProgress()));
                    List<StepClock> clocks = t.clocks();
                    if (to == TaskStage.SIGNED_FOR) {
                        clocks = done(clocks, "SIGN_FOR", at);
                    } else if (to == TaskStage.ARRIVED) {
                        clocks = done(clocks, "ARRIVE", at);
                    }
                    return t.with(to, clocks);
                });
            }
            case FEEDBACK_SUBMITTED -> {
                var f = e.getFeedbackSubmitted();
                update(f.getTaskId(), t -> t.with(TaskStage.FEEDBACK_SUBMITTED, done(t.clocks(), "FEEDBACK", at))
                        .withFeedback(f.getFeedback().getText(),
                                ProtoMapper.strip(f.getFeedback().getResultCode().name(), "RESULT_CODE_"),
                                f.getFeedback().getPhotosList().stream().map(ProtoMapper::photo).toList()));
            }
            case TASK_RETURNED -> {
                var r = e.getTaskReturned();
                update(r.getTaskId(), t -> {
                    List<StepClock> clocks = new ArrayList<>();
                    for (StepClock c : t.clocks()) {
                        clocks.add(c.step().equals("FEEDBACK")
                                ? new StepClock("FEEDBACK", ProtoMapper.instant(r.getFeedbackDue()), false, null) : c);
                    }
                    return t.with(TaskStage.IN_PROGRESS, clocks).returnedOnceMore();
                });
                state.alert(new ConsoleState.Alert(ConsoleState.Alert.Kind.RETURNED, r.getTaskId(), r.getReason()));
            }
            case TASK_CLOSED -> finish(e.getTaskClosed().getTaskId(), TaskStage.CLOSED);
            case TASK_CANCELLED -> finish(e.getTaskCancelled().getTaskId(), TaskStage.CANCELLED);
            case TASK_REASSIGNED -> {
                var r = e.getTaskReassigned();
                r.getFromUnitIdsList().forEach(u -> openByUnit.getOrDefault(u, new java.util.HashSet<>()).remove(r.getTaskId()));
                setUnits(r.getFromUnitIdsList().stream()
                        .filter(u -> openByUnit.getOrDefault(u, java.util.Set.of()).isEmpty()).toList(), "AVAILABLE");
                hold(r.getToUnitIdsList(), r.getTaskId());
                update(r.getTaskId(), t -> t.with(TaskStage.DISPATCHED,
                        r.getDeadlinesList().stream().map(ProtoMapper::clock).toList()).heldBy(r.getToUnitIdsList()));
                setUnits(r.getToUnitIdsList(), "ON_TASK");
            }
            case TASK_OVERDUE -> {
                var o = e.getTaskOverdue();
                String step = ProtoMapper.strip(o.getStep().name(), "TASK_STEP_");
                update(o.getTaskId(), t -> t.with(t.stage(), t.clocks().stream()
                        .map(c -> c.step().equals(step) ? c.markOverdue() : c).toList()));
                state.alert(new ConsoleState.Alert(ConsoleState.Alert.Kind.OVERDUE, o.getTaskId(), step));
            }
            case CAMERA_ALARM_RAISED -> {
                var a = e.getCameraAlarmRaised();
                // An alarm reported as an incident is on the walls as the incident's.
                if (a.getIncidentId().isEmpty()) {
                    state.alert(new ConsoleState.Alert(ConsoleState.Alert.Kind.CAMERA_ALARM, a.getCameraId(), a.getAlarmType()));
                }
            }
            case PTZ_CONTROL_CHANGED -> {
                var c = e.getPtzControlChanged();
                if (c.hasHolder()) {
                    state.ptzHolders().put(c.getCameraId(), new ConsoleState.PtzHolder(c.getHolder().getUserId(),
                            c.getHolder().getDisplayName()));
                } else {
                    state.ptzHolders().remove(c.getCameraId());
                }
            }
            case ALARM_RAISED -> {
                var a = e.getAlarmRaised().getAlarm();
                if (!a.getStale()) {
                    state.alarms.put(a.getId(), ProtoMapper.alarm(a));
                }
            }
            case ALARM_ESCALATED -> {
                var x = e.getAlarmEscalated();
                state.alarms.computeIfPresent(x.getAlarmId(), (id, a) -> a.escalated(x.getLevel(),
                        x.hasEscalateAt() ? ProtoMapper.instant(x.getEscalateAt()) : null));
            }
            case ALARM_ACKNOWLEDGED -> {
                state.alarms.computeIfPresent(e.getAlarmAcknowledged().getAlarmId(),
                        (id, a) -> a.acknowledgedBy(e.getActor().getDisplayName(), at));
                forgetOldAcknowledged();
            }
            case UNIT_POSITION_REPORTED -> {
                var p = e.getUnitPositionReported();
                UnitItem u = state.units.get(p.getUnitId());
                // A jump faster than any vehicle is flagged by the hub and not drawn.
                if (u != null && !p.getImplausible()) {
                    state.units.put(u.id(), u.at(p.getPosition().getLatitude(), p.getPosition().getLongitude()));
                    // Its body camera or its drone's camera goes with it.
                    for (String id : worn.getOrDefault(u.id(), java.util.Set.of())) {
                        CameraItem c = state.cameras.get(id);
                        if (c != null) {
                            state.cameras.put(id, c.at(p.getPosition().getLatitude(), p.getPosition().getLongitude()));
                        }
                    }
                }
            }
            default -> { }
        }
    }

    /** The console keeps the last acknowledged alarms as the hub's snapshot does, not every one ever. */
    private void forgetOldAcknowledged() {
        var done = state.alarms.values().stream().filter(commandroom.app.model.AlarmItem::acknowledged)
                .sorted(java.util.Comparator.comparing(commandroom.app.model.AlarmItem::acknowledgedAt)).toList();
        for (int i = 0; i < done.size() - KEEP_ACKNOWLEDGED; i++) {
            state.alarms.remove(done.get(i).id());
        }
    }

    private static final int KEEP_ACKNOWLEDGED = 200;

    private static boolean mayChangeACase(Event e) {
        return switch (e.getKindCase()) {
            case CASE_OPENED, MEDIATION_RECORDED, CASE_SETTLED -> true;
            case INCIDENT_REPORTED -> !e.getIncidentReported().getIncident().getCaseId().isEmpty();
            case TASK_DISPATCHED -> !e.getTaskDispatched().getTask().getCaseId().isEmpty();
            case TASK_CLOSED, TASK_CANCELLED -> true;
            default -> false;
        };
    }

    private TaskItem mapTask(Task t) {
        IncidentItem i = state.incidents.get(t.getIncidentId());
        return ProtoMapper.task(t, i == null ? "" : i.type(), i == null ? "" : i.priority());
    }

    private void finish(String taskId, TaskStage stage) {
        update(taskId, t -> t.with(stage, t.clocks()));
        TaskItem t = state.tasks.get(taskId);
        if (t != null) {
            refreshIncident(t.incidentId());
            for (String u : t.assignees()) {
                openByUnit.getOrDefault(u, new java.util.HashSet<>()).remove(taskId);
                boolean stillBusy = !openByUnit.getOrDefault(u, java.util.Set.of()).isEmpty();
                if (!stillBusy) {
                    setUnits(List.of(u), "AVAILABLE");
                }
            }
        }
    }

    /** The hub derives an incident's status from its tasks; so does the console (same rule). */
    private void refreshIncident(String incidentId) {
        IncidentItem i = state.incidents.get(incidentId);
        if (i == null || "DISMISSED".equals(i.status())) {
            return;
        }
        boolean open = false;
        boolean closed = false;
        for (String id : tasksByIncident.getOrDefault(incidentId, java.util.Set.of())) {
            TaskItem t = state.tasks.get(id);
            open |= t.stage().isOpen();
            closed |= t.stage() == TaskStage.CLOSED;
        }
        String status = open ? "IN_HAND" : closed ? "RESOLVED" : "OPEN";
        if (!status.equals(i.status())) {
            state.incidents.put(incidentId, new IncidentItem(i.id(), i.type(), i.priority(), i.latitude(), i.longitude(),
                    i.address(), i.zoneId(), i.summary(), status, i.reportedAt(), i.version()));
        }
    }

    private void hold(List<String> unitIds, String taskId) {
        for (String u : unitIds) {
            openByUnit.computeIfAbsent(u, k -> new java.util.HashSet<>()).add(taskId);
        }
    }

    private void index(String incidentId, String taskId) {
        tasksByIncident.computeIfAbsent(incidentId, k -> new java.util.HashSet<>()).add(taskId);
    }

    private void update(String taskId, java.util.function.UnaryOperator<TaskItem> change) {
        TaskItem t = state.tasks.get(taskId);
        if (t != null) {
            state.tasks.put(taskId, change.apply(t));
        }
    }

    /** Statuses the roster sets: a task starting or ending does not change them. */
    private static final java.util.Set<String> ROSTERED = java.util.Set.of("OFF_DUTY", "ON_BREAK", "OUT_OF_SERVICE");

    private void setUnits(List<String> ids, String status) {
        for (String id : ids) {
            UnitItem u = state.units.get(id);
            if (u != null && !ROSTERED.contains(u.status())) {
                state.units.put(id, u.withStatus(status));
            }
        }
    }

    private static List<StepClock> done(List<StepClock> clocks, String step, Instant at) {
        return clocks.stream().map(c -> c.step().equals(step) ? c.markDone(at) : c).toList();
    }
}
