package commandroom.server.loop;

import com.google.protobuf.Timestamp;
import commandroom.v1.CancelTaskRequest;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.Incident;
import commandroom.v1.IncidentStatus;
import commandroom.v1.ReassignTaskRequest;
import commandroom.v1.ReviewDecision;
import commandroom.v1.ReviewFeedbackRequest;
import commandroom.v1.StepDeadline;
import commandroom.v1.StepDeadlineOverride;
import commandroom.v1.Task;
import commandroom.v1.TaskCancelled;
import commandroom.v1.TaskClosed;
import commandroom.v1.TaskDispatched;
import commandroom.v1.TaskReassigned;
import commandroom.v1.TaskReturned;
import commandroom.v1.TaskStatus;
import commandroom.v1.TaskStep;
import commandroom.v1.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The shift leader's and station chief's side of the task lifecycle: dispatch, reassign, cancel,
 * review. Checks ids, versions and the state machine against the projections. Thread-safe.
 */
public final class TaskRules {

    private final SlaPolicy sla;

    public TaskRules(SlaPolicy sla) {
        this.sla = sla;
    }

    public Hub.Decision dispatch(DispatchTaskRequest r, Actor actor) {
        return (s, now) -> {
            Incident incident = s.incident(r.getIncidentId())
                    .orElseThrow(() -> HubException.notFound("incident_id", "incident", r.getIncidentId()));
            if (r.getExpectedIncidentVersion() != 0 && r.getExpectedIncidentVersion() != incident.getVersion()) {
                throw HubException.stale("expected_incident_version", r.getExpectedIncidentVersion(), incident.getVersion());
            }
            if (incident.getStatus() == IncidentStatus.INCIDENT_STATUS_DISMISSED) {
                throw HubException.precondition("incident " + incident.getId() + " was dismissed");
            }
            checkUnits(s, r.getUnitIdsList(), "unit_ids");
            String id = String.format("T-%s-%05d",
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd").format(now.atZone(IncidentRules.STATION_TIME)),
                    s.taskCount() + 1);
            Task task = Task.newBuilder().setId(id).setKind(r.getKind()).setIncidentId(incident.getId())
                    .addAllAssigneeUnitIds(r.getUnitIdsList()).setInstruction(r.getInstruction())
                    .setStatus(TaskStatus.TASK_STATUS_DISPATCHED).setVersion(1)
                    .addAllDeadlines(deadlines(incident, now, r.getDeadlinesList()))
                    .setDispatchedAt(ts(now)).setDispatchedBy(actor).setZoneId(incident.getZoneId())
                    .setIncidentPosition(incident.getPosition()).setIncidentAddress(incident.getAddress())
                    .build();
            return Event.newBuilder().setTaskDispatched(TaskDispatched.newBuilder().setTask(task));
        };
    }

    public Hub.Decision reassign(ReassignTaskRequest r) {
        return (s, now) -> {
            Task t = task(s, r.getTaskId(), r.getExpectedVersion());
            TaskStateMachine.checkReassignOrCancel(t.getStatus(), "reassigned");
            checkUnits(s, r.getUnitIdsList(), "unit_ids");
            if (new HashSet<>(r.getUnitIdsList()).equals(new HashSet<>(t.getAssigneeUnitIdsList()))) {
                throw HubException.invalid("unit_ids", "the task is already held by exactly these units");
            }
            Incident incident = s.incident(t.getIncidentId()).orElseThrow();
            return Event.newBuilder().setTaskReassigned(TaskReassigned.newBuilder().setTaskId(t.getId())
                    .addAllFromUnitIds(t.getAssigneeUnitIdsList()).addAllToUnitIds(r.getUnitIdsList())
                    .setReason(r.getReason()).addAllDeadlines(deadlines(incident, now, List.of())));
        };
    }

    public Hub.Decision cancel(CancelTaskRequest r) {
        return (s, now) -> {
            Task t = task(s, r.getTaskId(), r.getExpectedVersion());
            TaskStateMachine.checkReassignOrCancel(t.getStatus(), "cancelled");
            return Event.newBuilder().setTaskCancelled(
                    TaskCancelled.newBuilder().setTaskId(t.getId()).setReason(r.getReason()));
        };
    }

    public Hub.Decision review(ReviewFeedbackRequest r) {
        return (s, now) -> {
            Task t = task(s, r.getTaskId(), r.getExpectedVersion());
            TaskStateMachine.checkReview(t.getStatus());
            if (r.getDecision() == ReviewDecision.REVIEW_DECISION_APPROVE) {
                return Event.newBuilder().setTaskClosed(
                        TaskClosed.newBuilder().setTaskId(t.getId()).setComment(r.getReason()));
            }
            Incident incident = s.incident(t.getIncidentId()).orElseThrow();
            Duration again = sla.within(TaskStep.TASK_STEP_FEEDBACK, incident.getType(), incident.getPriority());
            return Event.newBuilder().setTaskReturned(TaskReturned.newBuilder().setTaskId(t.getId())
                    .setReason(r.getReason()).setFeedbackDue(ts(now.plus(again))));
        };
    }

    /** The task, checked to exist and to be at the version the caller saw (0 skips the check). */
    static Task task(HubState s, String id, long expectedVersion) {
        Task t = s.task(id).orElseThrow(() -> HubException.notFound("task_id", "task", id));
        if (expectedVersion != 0 && expectedVersion != t.getVersion()) {
            throw HubException.stale("expected_version", expectedVersion, t.getVersion());
        }
        return t;
    }

    private List<StepDeadline> deadlines(Incident incident, Instant from, List<StepDeadlineOverride> overrides) {
        List<StepDeadline> out = new ArrayList<>();
        for (TaskStep step : new TaskStep[] {TaskStep.TASK_STEP_SIGN_FOR, TaskStep.TASK_STEP_ARRIVE,
                TaskStep.TASK_STEP_FEEDBACK}) {
            Duration within = sla.within(step, incident.getType(), incident.getPriority());
            for (StepDeadlineOverride o : overrides) {
                if (o.getStep() == step) {
                    within = Duration.ofSeconds(o.getWithin().getSeconds(), o.getWithin().getNanos());
                }
            }
            out.add(StepDeadline.newBuilder().setStep(step).setDue(ts(from.plus(within))).build());
        }
        return out;
    }

    private static void checkUnits(HubState s, List<String> ids, String field) {
        for (int i = 0; i < ids.size(); i++) {
            var u = s.unit(ids.get(i)).orElseThrow(notFound(field, i, ids.get(i)));
            // The roster decides who can be sent: a unit off duty or out of service is not.
            if (u.getStatus() == commandroom.v1.UnitStatus.UNIT_STATUS_OFF_DUTY
                    || u.getStatus() == commandroom.v1.UnitStatus.UNIT_STATUS_OUT_OF_SERVICE) {
                throw new HubException(io.grpc.Status.Code.FAILED_PRECONDITION, field + "[" + i + "]", "unit "
                        + u.getId() + " is " + (u.getStatus() == commandroom.v1.UnitStatus.UNIT_STATUS_OFF_DUTY
                        ? "off duty" : "out of service") + "; put it on duty first");
            }
        }
    }

    private static java.util.function.Supplier<HubException> notFound(String field, int i, String id) {
        return () -> HubException.notFound(field + "[" + i + "]", "unit", id);
    }

    /** A step's clock set by the hub's own workflows instead of the configured one. */
    static StepDeadlineOverride override(TaskStep step, Duration within) {
        return StepDeadlineOverride.newBuilder().setStep(step)
                .setWithin(com.google.protobuf.util.Durations.fromNanos(within.toNanos())).build();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }
}
