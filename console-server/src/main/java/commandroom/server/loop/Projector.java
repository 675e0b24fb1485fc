package commandroom.server.loop;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import commandroom.v1.Event;
import commandroom.v1.Evidence;
import commandroom.v1.Feedback;
import commandroom.v1.Incident;
import commandroom.v1.IncidentStatus;
import commandroom.v1.Photo;
import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskStatus;
import commandroom.v1.TaskStep;
import commandroom.v1.TimelineEntry;
import commandroom.v1.Unit;
import commandroom.v1.UnitStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Applies events to the projections. Deterministic: replaying the log gives the same state, the
 * same first answers and the same ids. Called by the hub's writer thread under the write lock, and
 * by the replay at start-up.
 */
final class Projector {

    private Projector() {}

    /** Applies one event; returns the task or incident it changed (timeline included), or null. */
    static Message apply(HubState s, Event e) {
        Message answer = switch (e.getKindCase()) {
            case ZONE_REGISTERED -> RegistryProjection.zone(s, e);
            case UNIT_REGISTERED -> {
                Unit u = e.getUnitRegistered().getUnit();
                yield RegistryProjection.unit(s, e, statusOf(s, u.getId(), u.getStatus()));
            }
            case ROAD_REGISTERED -> {
                s.roads.put(e.getRoadRegistered().getRoad().getId(), e.getRoadRegistered().getRoad());
                yield null;
            }
            case CAMERA_REGISTERED -> RegistryProjection.camera(s, e);
            case UNIT_DUTY_CHANGED -> {
                var d = e.getUnitDutyChanged();
                s.duty.put(d.getUnitId(), d.getDuty());
                ShiftPlanRules.projectDuty(s, d);
                Unit u = s.units.get(d.getUnitId());
                Unit now = u.toBuilder().setStatus(statusOf(s, u.getId(), u.getStatus())).build();
                s.units.put(now.getId(), now);
                yield now;
            }
            // The leases live in the camera sources' memory; the state keeps who holds what for
            // the snapshot. An alarm is remembered so that it is raised once.
            case PTZ_CONTROL_CHANGED -> {
                var c = e.getPtzControlChanged();
                if (c.hasHolder()) {
                    s.ptzHolders.put(c.getCameraId(), c.getHolder());
                } else {
                    s.ptzHolders.remove(c.getCameraId());
                }
                yield null;
            }
            case CAMERA_ALARM_RAISED -> {
                var a = e.getCameraAlarmRaised();
                java.time.Instant at = java.time.Instant.ofEpochSecond(a.getAt().getSeconds(), a.getAt().getNanos());
                s.lastCameraAlarm.merge(a.getSourceId(), at, (x, y) -> x.isAfter(y) ? x : y);
                s.recentCameraAlarms.add(a.getSourceId() + "/" + a.getAlarmId());
                if (s.recentCameraAlarms.size() > HubState.RECENT_CAMERA_ALARMS) {
                    s.recentCameraAlarms.remove(s.recentCameraAlarms.iterator().next());
                }
                yield null;
            }
            case SHIFTS_PLANNED -> {
                ShiftPlanRules.project(s, e);
                yield null;
            }
            case ADDRESSES_IMPORTED -> {
                s.lastAddressImport = e.getSequence();
                s.appliedImports.add(e.getAddressesImported().getSha256());
                yield null;
            }
            case INCIDENT_REPORTED -> {
                Incident i = e.getIncidentReported().getIncident().toBuilder()
                        .addTimeline(line(e, "IncidentReported", e.getIncidentReported().getIncident().getSummary(), ""))
                        .build();
                s.incidents.put(i.getId(), i);
                yield i;
            }
            case INCIDENT_UPDATED -> {
                Incident old = s.incidents.get(e.getIncidentUpdated().getIncident().getId());
                Incident i = e.getIncidentUpdated().getIncident().toBuilder()
                        .clearTimeline().addAllTimeline(old.getTimelineList())
                        .clearTaskIds().addAllTaskIds(old.getTaskIdsList())
                        .clearEvidence().addAllEvidence(old.getEvidenceList())
                        .addTimeline(line(e, "IncidentUpdated",
                                String.join(",", e.getIncidentUpdated().getChangedFieldsList()), ""))
                        .build();
                s.incidents.put(i.getId(), i);
                yield i;
            }
            case EVIDENCE_ADDED -> {
                var a = e.getEvidenceAdded();
                Evidence.Builder kept = a.getEvidence().toBuilder().setTakenBy(e.getActor()).setAddedAt(e.getTime());
                if (a.getEvidence().hasImage()) {
                    // A clip has no picture; its bytes are in the clip store from the start.
                    kept.setImage(Images.described(s, a.getEvidence().getImage(), e.getSequence()));
                }
                Evidence full = kept.build();
                s.evidence.computeIfAbsent(a.getIncidentId(), k -> new LinkedHashMap<>()).put(full.getId(), full);
                Incident old = s.incidents.get(a.getIncidentId());
                Incident i = old.toBuilder().setVersion(old.getVersion() + 1)
                        .addEvidence(full)
                        .addTimeline(line(e, "EvidenceAdded", full.getReason(), "")).build();
                s.incidents.put(i.getId(), i);
                yield i;
            }
            case TASK_DISPATCHED -> {
                Task t = e.getTaskDispatched().getTask();
                Task stored = t.toBuilder().addTimeline(line(e, "TaskDispatched", t.getInstruction(), t.getId())).build();
                s.tasks.put(t.getId(), stored);
                s.unitsEverOn(t.getId()).addAll(t.getAssigneeUnitIdsList());
                Incident i = s.incidents.get(t.getIncidentId());
                s.incidents.put(i.getId(), i.toBuilder().addTaskIds(t.getId())
                        .addTimeline(line(e, "TaskDispatched", t.getInstruction(), t.getId())).build());
                holdTask(s, t.getId(), t.getAssigneeUnitIdsList());
                refreshIncidentStatus(s, i.getId());
                yield s.tasks.get(t.getId());
            }
            case TASK_PROGRESSED -> {
                var p = e.getTaskProgressed();
                TaskStatus to = TaskStateMachine.target(p.getProgress());
                Task.Builder b = s.tasks.get(p.getTaskId()).toBuilder().setStatus(to);
                if (to == TaskStatus.TASK_STATUS_SIGNED_FOR) {
                    markDone(b, TaskStep.TASK_STEP_SIGN_FOR, e.getTime());
                } else if (to == TaskStatus.TASK_STATUS_ARRIVED) {
                    markDone(b, TaskStep.TASK_STEP_ARRIVE, e.getTime());
                }
                yield updateTask(s, e, b, "TaskProgressed", TaskStateMachine.name(to));
            }
            case FEEDBACK_SUBMITTED -> {
                var f = e.getFeedbackSubmitted();
                Feedback.Builder fb = f.getFeedback().toBuilder().clearPhotos();
                for (Photo p : f.getFeedback().getPhotosList()) {
                    fb.addPhotos(Images.described(s, p, e.getSequence()));
                    s.taskPhotos.computeIfAbsent(f.getTaskId(), k -> new HashSet<>())
                            .add(Images.hex(p.getSha256()));
                }
                Task.Builder b = s.tasks.get(f.getTaskId()).toBuilder()
                        .setStatus(TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED).setFeedback(fb);
                markDone(b, TaskStep.TASK_STEP_FEEDBACK, e.getTime());
                yield updateTask(s, e, b, "FeedbackSubmitted", f.getFeedback().getText());
            }
            case TASK_RETURNED -> {
                var r = e.getTaskReturned();
                Task.Builder b = s.tasks.get(r.getTaskId()).toBuilder().setStatus(TaskStatus.TASK_STATUS_IN_PROGRESS);
                b.setReturnedCount(b.getReturnedCount() + 1);
                for (int k = 0; k < b.getDeadlinesCount(); k++) {
                    if (b.getDeadlines(k).getStep() == TaskStep.TASK_STEP_FEEDBACK) {
                        b.setDeadlines(k, StepDeadline.newBuilder().setStep(TaskStep.TASK_STEP_FEEDBACK)
                                .setDue(r.getFeedbackDue()));
                    }
                }
                yield updateTask(s, e, b, "TaskReturned", r.getReason());
            }
            case TASK_CLOSED -> {
                var c = e.getTaskClosed();
                Task.Builder b = s.tasks.get(c.getTaskId()).toBuilder().setStatus(TaskStatus.TASK_STATUS_CLOSED);
                Task t = updateTask(s, e, b, "TaskClosed", c.getComment());
                releaseTask(s, t.getId());
                refreshIncidentStatus(s, t.getIncidentId());
                yield t;
            }
            case TASK_REASSIGNED -> {
                var r = e.getTaskReassigned();
                Task.Builder b = s.tasks.get(r.getTaskId()).toBuilder().setStatus(TaskStatus.TASK_STATUS_DISPATCHED)
                        .clearAssigneeUnitIds().addAllAssigneeUnitIds(r.getToUnitIdsList())
                        .clearDeadlines().addAllDeadlines(r.getDeadlinesList());
                releaseTask(s, r.getTaskId());
                s.unitsEverOn(r.getTaskId()).addAll(r.getToUnitIdsList());
                holdTask(s, r.getTaskId(), r.getToUnitIdsList());
                yield updateTask(s, e, b, "TaskReassigned", r.getReason());
            }
            case TASK_CANCELLED -> {
                var c = e.getTaskCancelled();
                Task.Builder b = s.tasks.get(c.getTaskId()).toBuilder().setStatus(TaskStatus.TASK_STATUS_CANCELLED);
                Task t = updateTask(s, e, b, "TaskCancelled", c.getReason());
                releaseTask(s, t.getId());
                refreshIncidentStatus(s, t.getIncidentId());
                yield t;
            }
            case TASK_OVERDUE -> {
                var o = e.getTaskOverdue();
                Task.Builder b = s.tasks.get(o.getTaskId()).toBuilder();
                for (int k = 0; k < b.getDeadlinesCount(); k++) {
                    if (b.getDeadlines(k).getStep() == o.getStep()) {
                        b.setDeadlines(k, b.getDeadlines(k).toBuilder().setOverdue(true));
                    }
                }
                yield updateTask(s, e, b, "TaskOverdue", o.getStep().name());
            }
            case UNIT_POSITION_REPORTED -> {
                var p = e.getUnitPositionReported();
                if (p.getImplausible()) {
                    yield null;
                }
                Unit u = s.units.get(p.getUnitId());
                s.units.put(u.getId(), u.toBuilder().setPosition(p.getPosition())
                        .setHeadingDegrees(p.getHeadingDegrees()).build());
                s.loggedPositions.put(u.getId(), new HubState.LoggedPosition(p.getPosition().getLatitude(),
                        p.getPosition().getLongitude(), toInstant(e.getTime())));
                yield null;
            }
            case HANDOVER_STARTED -> {
                var h = e.getHandoverStarted().getHandover();
                s.handovers.put(h.getId(), h);
                yield h;
            }
            case HANDOVER_SIGNED -> {
                var h = s.handovers.get(e.getHandoverSigned().getHandoverId()).toBuilder()
                        .setStatus(commandroom.v1.HandoverStatus.HANDOVER_STATUS_SIGNED).setIncoming(e.getActor())
                        .setSignedAt(e.getTime()).build();
                s.handovers.put(h.getId(), h);
                yield h;
            }
            case KEY_PERSON_REGISTERED -> {
                var p = e.getKeyPersonRegistered().getPerson();
                var stored = p.toBuilder().setVersion(1).setNextCheckInDue(plus(e.getTime(), p.getCheckInEvery())).build();
                s.keyPersons.put(stored.getId(), stored);
                yield stored;
            }
            case KEY_PERSON_CHECKED_IN -> {
                var c = e.getKeyPersonCheckedIn();
                var old = s.keyPersons.get(c.getPersonId());
                var p = old.toBuilder().setVersion(old.getVersion() + 1)
                        .addCheckIns(commandroom.v1.CheckIn.newBuilder().setAt(e.getTime())
                                .setBy(e.getActor().getUserId()).setNote(c.getNote()))
                        .setNextCheckInDue(plus(e.getTime(), old.getCheckInEvery())).build();
                s.keyPersons.put(p.getId(), p);
                yield p;
            }
            case KEY_PERSON_ACCESSED -> {
                var a = e.getKeyPersonAccessed();
                s.keyPersonAccess.addLast(commandroom.v1.KeyPersonAccess.newBuilder().setSequence(e.getSequence())
                        .setActor(e.getActor()).setAt(e.getTime()).setHow(a.getHow()).addAllPersonIds(a.getPersonIdsList())
                        .setReason(a.getReason()).setRefused(a.getRefused()).setAskedPersonId(a.getAskedPersonId()).build());
                if (s.keyPersonAccess.size() > HubState.ACCESS_LOG_KEPT) {
                    s.keyPersonAccess.removeFirst();
                }
                yield null;
            }
            case FIGURES_EXPORTED -> {
                // In the same access log as the register's reads: the chief reviews both in one place.
                var x = e.getFiguresExported();
                s.keyPersonAccess.addLast(commandroom.v1.KeyPersonAccess.newBuilder().setSequence(e.getSequence())
                        .setActor(e.getActor()).setAt(e.getTime())
                        .setHow(x.getFormat() == commandroom.v1.ExportFormat.EXPORT_FORMAT_PDF ? "figures-pdf" : "figures-csv")
                        .setReason(x.getReason()).build());
                if (s.keyPersonAccess.size() > HubState.ACCESS_LOG_KEPT) {
                    s.keyPersonAccess.removeFirst();
                }
                yield null;
            }
            case STATION_HEAD_RECORDED -> {
                var h = e.getStationHeadRecorded();
                s.stationHeads.put(h.getStationId(), h.getSequence());
                yield null;
            }
            case ACCOUNT_ACTIVITY -> {
                AccountRules.apply(s, e.getAccountActivity());
                yield null;
            }
            case INCIDENT_HANDED_UP -> {
                Incident handed = e.getIncidentHandedUp().getIncident();
                Incident i = s.incidents.get(handed.getId()).toBuilder().setHandUp(handed.getHandUp())
                        .setVersion(handed.getVersion())
                        .addTimeline(line(e, "IncidentHandedUp", handed.getHandUp().getNote(), "")).build();
                s.incidents.put(i.getId(), i);
                yield i;
            }
            case COUNTY_INSTRUCTION_ISSUED -> {
                var issued = e.getCountyInstructionIssued().getInstruction();
                s.countyInstructions.put(issued.getId(), issued);
                yield issued;
            }
            case COUNTY_INSTRUCTION_RECEIVED -> {
                var received = e.getCountyInstructionReceived().getInstruction();
                s.countyInstructions.put(received.getId(), received);
                s.countySequence = Math.max(s.countySequence, received.getCountySequence());
                Incident old = s.incidents.get(received.getIncidentId());
                if (old == null) {
                    yield received;
                }
                Incident i = old.toBuilder().addCountyInstructions(received).setVersion(old.getVersion() + 1)
                        .addTimeline(line(e, "CountyInstructionReceived", received.getText(), "")).build();
                s.incidents.put(i.getId(), i);
                yield i;
            }
            case ALARM_RAISED, ALARM_ACKNOWLEDGED, ALARM_ESCALATED, ALARMS_STARTED, EMERGENCY_PRESSED -> null;
            case CASE_OPENED, MEDIATION_RECORDED, CASE_SETTLED, KIND_NOT_SET -> null;
        };
        var changedCase = s.cases.apply(s, e);
        s.alarms.apply(s, e);
        switch (e.getKindCase()) {
            case CASE_OPENED, MEDIATION_RECORDED, CASE_SETTLED -> answer = changedCase;
            // Filing in a case (a repeat call) changed the incident after it was stored.
            case INCIDENT_REPORTED -> answer = s.incidents.get(((Incident) answer).getId());
            default -> { }
        }
        s.appliedSequence = e.getSequence();
        s.appliedHash = e.getHash();
        if (!e.getIdempotencyKey().isEmpty() && answer != null) {
            s.answers.put(HubState.scope(e.getActor().getUserId(), e.getIdempotencyKey()),
                    new Answer(e.getKindCase(), withoutTimeline(answer), e.getSequence()));
        }
        return answer;
    }

    private static Task updateTask(HubState s, Event e, Task.Builder b, String what, String note) {
        b.setVersion(b.getVersion() + 1).addTimeline(line(e, what, note, b.getId()));
        Task t = b.build();
        s.tasks.put(t.getId(), t);
        Incident i = s.incidents.get(t.getIncidentId());
        s.incidents.put(i.getId(), i.toBuilder().addTimeline(line(e, what, note, t.getId())).build());
        return t;
    }

    private static void markDone(Task.Builder b, TaskStep step, Timestamp at) {
        for (int k = 0; k < b.getDeadlinesCount(); k++) {
            if (b.getDeadlines(k).getStep() == step && !b.getDeadlines(k).hasDoneAt()) {
                b.setDeadlines(k, b.getDeadlines(k).toBuilder().setDoneAt(at));
            }
        }
    }

    private static void holdTask(HubState s, String taskId, List<String> unitIds) {
        for (String u : unitIds) {
            s.openTasksByUnit.computeIfAbsent(u, k -> new HashSet<>()).add(taskId);
            refreshUnitStatus(s, u);
        }
    }

    private static void releaseTask(HubState s, String taskId) {
        for (String u : s.unitsEverOn(taskId)) {
            var open = s.openTasksByUnit.get(u);
            if (open != null && open.remove(taskId)) {
                refreshUnitStatus(s, u);
            }
        }
    }

    private static void refreshUnitStatus(HubState s, String unitId) {
        Unit u = s.units.get(unitId);
        if (u != null) {
            s.units.put(unitId, u.toBuilder().setStatus(statusOf(s, unitId, u.getStatus())).build());
        }
    }

    private static UnitStatus statusOf(HubState s, String unitId, UnitStatus current) {
        commandroom.v1.UnitDuty d = s.duty.get(unitId);
        if (d == null && current == UnitStatus.UNIT_STATUS_OFF_DUTY) {
            // Registered off duty, never put on the roster since.
            return current;
        }
        if (d != null) {
            switch (d) {
                case UNIT_DUTY_OFF_DUTY -> {
                    return UnitStatus.UNIT_STATUS_OFF_DUTY;
                }
                case UNIT_DUTY_ON_BREAK -> {
                    return UnitStatus.UNIT_STATUS_ON_BREAK;
                }
                case UNIT_DUTY_OUT_OF_SERVICE -> {
                    return UnitStatus.UNIT_STATUS_OUT_OF_SERVICE;
                }
                default -> { }
            }
        }
        return s.openTasksOf(unitId).isEmpty() ? UnitStatus.UNIT_STATUS_AVAILABLE : UnitStatus.UNIT_STATUS_ON_TASK;
    }

    private static void refreshIncidentStatus(HubState s, String incidentId) {
        Incident i = s.incidents.get(incidentId);
        if (i.getStatus() == IncidentStatus.INCIDENT_STATUS_DISMISSED) {
            return;
        }
        boolean anyOpen = false;
        boolean anyClosed = false;
        for (String id : i.getTaskIdsList()) {
            TaskStatus st = s.tasks.get(id).getStatus();
            anyOpen |= TaskStateMachine.OPEN.contains(st);
            anyClosed |= st == TaskStatus.TASK_STATUS_CLOSED;
        }
        IncidentStatus status = anyOpen ? IncidentStatus.INCIDENT_STATUS_IN_HAND
                : anyClosed ? IncidentStatus.INCIDENT_STATUS_RESOLVED : IncidentStatus.INCIDENT_STATUS_OPEN;
        s.incidents.put(incidentId, i.toBuilder().setStatus(status).build());
    }

    static TimelineEntry line(Event e, String what, String note, String taskId) {
        return TimelineEntry.newBuilder().setSequence(e.getSequence()).setTime(e.getTime())
                .setActor(e.getActor()).setWhat(what).setNote(note).setTaskId(taskId).build();
    }

    static Message withoutTimeline(Message m) {
        if (m instanceof Task t) {
            return t.toBuilder().clearTimeline().build();
        }
        if (m instanceof Incident i) {
            return i.toBuilder().clearTimeline().build();
        }
        return m;
    }

    private static Timestamp plus(Timestamp t, com.google.protobuf.Duration d) {
        Instant i = toInstant(t).plusSeconds(d.getSeconds()).plusNanos(d.getNanos());
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    static Instant toInstant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
