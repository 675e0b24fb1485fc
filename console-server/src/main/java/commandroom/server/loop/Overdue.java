package commandroom.server.loop;

import commandroom.v1.Event;
import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskOverdue;
import commandroom.v1.TaskStatus;
import commandroom.v1.TaskStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Which step clocks have run out, and the decision that raises TaskOverdue once per clock. Stateless. */
public final class Overdue {

    /** A step of a task that is late and not yet flagged. */
    public record Late(String taskId, TaskStep step) {}

    private Overdue() {}

    /** Scans open tasks for clocks that ran out; call under the read lock (via Hub.read). */
    public static List<Late> scan(HubState s, Instant now) {
        List<Late> out = new ArrayList<>();
        for (String taskId : openTaskIds(s)) {
            Task t = s.tasks.get(taskId);
            for (StepDeadline d : t.getDeadlinesList()) {
                if (isLate(t, d, now)) {
                    out.add(new Late(t.getId(), d.getStep()));
                }
            }
        }
        return out;
    }

    /** Raises TaskOverdue if the clock is still late and not yet flagged (rechecked in the writer). */
    public static Hub.Decision raise(Late late) {
        return (s, now) -> {
            Task t = s.tasks.get(late.taskId());
            if (t == null) {
                return null;
            }
            for (StepDeadline d : t.getDeadlinesList()) {
                if (d.getStep() == late.step() && isLate(t, d, now)) {
                    return Event.newBuilder().setTaskOverdue(TaskOverdue.newBuilder().setTaskId(t.getId())
                            .setStep(d.getStep()).setDue(d.getDue()).addAllUnitIds(t.getAssigneeUnitIdsList()));
                }
            }
            return null;
        };
    }

    private static List<String> openTaskIds(HubState s) {
        List<String> ids = new ArrayList<>();
        for (var open : s.openTasksByUnit.values()) {
            ids.addAll(open);
        }
        return ids.stream().distinct().toList();
    }

    static boolean isLate(Task t, StepDeadline d, Instant now) {
        if (d.getOverdue() || d.hasDoneAt() || !TaskStateMachine.OPEN.contains(t.getStatus())) {
            return false;
        }
        if (d.getStep() == TaskStep.TASK_STEP_FEEDBACK && t.getStatus() == TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED) {
            return false;
        }
        return Instant.ofEpochSecond(d.getDue().getSeconds(), d.getDue().getNanos()).isBefore(now);
    }
}
