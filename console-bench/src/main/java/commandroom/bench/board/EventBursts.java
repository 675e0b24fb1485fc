package commandroom.bench.board;

import static commandroom.bench.board.BoardCounty.ts;

import com.google.protobuf.InvalidProtocolBufferException;
import commandroom.bench.board.BoardCounty.Call;
import commandroom.bench.board.BoardCounty.Job;
import commandroom.v1.Actor;
import commandroom.v1.Event;
import commandroom.v1.FeedbackSubmitted;
import commandroom.v1.IncidentReported;
import commandroom.v1.Position;
import commandroom.v1.Progress;
import commandroom.v1.Role;
import commandroom.v1.TaskClosed;
import commandroom.v1.TaskDispatched;
import commandroom.v1.TaskOverdue;
import commandroom.v1.TaskProgressed;
import commandroom.v1.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Bursts of hub events that follow the county's mirror, as the hub would log them: units
 * reporting progress, SLA timers firing, new incidents and dispatches, feedback and closing, each
 * legal for the task's stage and numbered in sequence after the snapshot. Not thread-safe.
 */
final class EventBursts {

    /** Share of each kind of event in a burst, in percent (cumulative bounds). */
    private static final int PROGRESS = 45;
    private static final int OVERDUE = 65;
    private static final int REPORT = 73;
    private static final int DISPATCH = 85;
    private static final int FEEDBACK = 93;
    private static final TaskStatus[] MOVING = {TaskStatus.TASK_STATUS_DISPATCHED, TaskStatus.TASK_STATUS_DELIVERED,
            TaskStatus.TASK_STATUS_SIGNED_FOR, TaskStatus.TASK_STATUS_ARRIVED};
    private static final TaskStatus[] TIMED = {TaskStatus.TASK_STATUS_DISPATCHED, TaskStatus.TASK_STATUS_DELIVERED,
            TaskStatus.TASK_STATUS_SIGNED_FOR, TaskStatus.TASK_STATUS_ARRIVED, TaskStatus.TASK_STATUS_IN_PROGRESS};
    private static final Actor TIMER = Actor.newBuilder().setUserId("system").build();
    private static final Actor DESK = Actor.newBuilder().setUserId("console-0001").setRole(Role.ROLE_DUTY_OFFICER)
            .setDisplayName("席位 1").build();

    private final BoardCounty county;
    private final Random random;

    EventBursts(BoardCounty county) {
        this.county = county;
        this.random = county.random;
    }

    /**
     * The next burst, already through the wire format (parsed from bytes, as a gRPC stream hands
     * them over, so the console decodes strings itself).
     */
    List<Event> next(int size) {
        Instant start = Instant.now();
        List<Event> burst = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Instant at = start.plusMillis(i);
            int roll = random.nextInt(100);
            Event.Builder e = roll < PROGRESS ? progress(at)
                    : roll < OVERDUE ? overdue(at)
                    : roll < REPORT ? report(at)
                    : roll < DISPATCH ? null
                    : roll < FEEDBACK ? feedback(at) : close(at);
            if (e == null) {
                e = dispatch(at);
            }
            Event event = e.setSequence(++county.sequence).setTime(ts(at)).build();
            try {
                burst.add(Event.parseFrom(event.toByteArray()));
            } catch (InvalidProtocolBufferException x) {
                throw new IllegalStateException(x);
            }
        }
        return burst;
    }

    private Event.Builder progress(Instant at) {
        Job j = pick(MOVING);
        if (j == null) {
            return null;
        }
        Progress p;
        TaskStatus to;
        switch (j.status) {
            case TASK_STATUS_DISPATCHED -> {
                p = Progress.PROGRESS_DELIVERED;
                to = TaskStatus.TASK_STATUS_DELIVERED;
            }
            case TASK_STATUS_DELIVERED -> {
                p = Progress.PROGRESS_SIGNED_FOR;
                to = TaskStatus.TASK_STATUS_SIGNED_FOR;
                j.done[0] = at;
            }
            case TASK_STATUS_SIGNED_FOR -> {
                p = Progress.PROGRESS_ARRIVED;
                to = TaskStatus.TASK_STATUS_ARRIVED;
                j.done[1] = at;
            }
            default -> {
                p = Progress.PROGRESS_IN_PROGRESS;
                to = TaskStatus.TASK_STATUS_IN_PROGRESS;
            }
        }
        county.move(j, to);
        j.version++;
        String unit = j.units.get(0);
        return Event.newBuilder().setActor(Actor.newBuilder().setUserId(unit).setRole(Role.ROLE_FIELD_UNIT).setUnitId(unit))
                .setTaskProgressed(TaskProgressed.newBuilder().setTaskId(j.id).setUnitId(unit).setProgress(p)
                        .setPosition(Position.newBuilder().setLatitude(30.61).setLongitude(114.31)).setReportedAt(ts(at)));
    }

    /** An SLA timer firing: preferably on a clock that runs out within two minutes. */
    private Event.Builder overdue(Instant at) {
        Job j = null;
        for (int attempt = 0; attempt < 60 && j == null; attempt++) {
            Job c = pick(TIMED);
            if (c == null) {
                return null;
            }
            int s = c.currentStep();
            boolean soon = c.due[s].isBefore(at.plusSeconds(120));
            if (!c.overdue[s] && (soon || attempt >= 30)) {
                j = c;
            }
        }
        if (j == null) {
            return null;
        }
        int s = j.currentStep();
        j.overdue[s] = true;
        j.version++;
        return Event.newBuilder().setActor(TIMER).setTaskOverdue(TaskOverdue.newBuilder().setTaskId(j.id)
                .setStep(BoardCounty.STEPS[s]).setDue(ts(j.due[s])).addAllUnitIds(j.units));
    }

    private Event.Builder report(Instant at) {
        Call c = county.report(at);
        county.waiting.add(c);
        return Event.newBuilder().setActor(DESK).setIncidentReported(IncidentReported.newBuilder()
                .setIncident(county.incident(c)));
    }

    /** The oldest incident still waiting, or a follow-up on any incident when none waits. */
    private Event.Builder dispatch(Instant at) {
        boolean followUp = county.waiting.isEmpty();
        Call c = followUp ? county.calls.get(random.nextInt(county.calls.size())) : county.waiting.get(0);
        Job j = county.dispatch(c, at, followUp);
        return Event.newBuilder().setActor(DESK).setTaskDispatched(TaskDispatched.newBuilder().setTask(county.task(j)));
    }

    private Event.Builder feedback(Instant at) {
        Job j = pick(new TaskStatus[] {TaskStatus.TASK_STATUS_IN_PROGRESS});
        if (j == null) {
            return null;
        }
        j.done[2] = at;
        county.move(j, TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED);
        j.version++;
        return Event.newBuilder().setActor(Actor.newBuilder().setUserId(j.units.get(0)).setRole(Role.ROLE_FIELD_UNIT))
                .setFeedbackSubmitted(FeedbackSubmitted.newBuilder().setTaskId(j.id).setFeedback(county.feedback(j, at)));
    }

    private Event.Builder close(Instant at) {
        Job j = pick(new TaskStatus[] {TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED});
        if (j == null) {
            return null;
        }
        county.move(j, TaskStatus.TASK_STATUS_CLOSED);
        j.version++;
        return Event.newBuilder().setActor(DESK).setTaskClosed(TaskClosed.newBuilder().setTaskId(j.id).setComment("审核通过"));
    }

    /** A task chosen evenly among those in the given statuses, or null if there is none. */
    private Job pick(TaskStatus[] statuses) {
        int total = 0;
        for (TaskStatus s : statuses) {
            total += county.byStatus.get(s).size();
        }
        if (total == 0) {
            return null;
        }
        int n = random.nextInt(total);
        for (TaskStatus s : statuses) {
            List<Job> list = county.byStatus.get(s);
            if (n < list.size()) {
                return list.get(n);
            }
            n -= list.size();
        }
        throw new IllegalStateException("unreachable");
    }
}
