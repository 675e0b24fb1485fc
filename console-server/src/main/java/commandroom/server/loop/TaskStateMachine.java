package commandroom.server.loop;

import commandroom.v1.Progress;
import commandroom.v1.TaskStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The task lifecycle: dispatched → delivered → signed for (签收) → arrived → in progress →
 * feedback submitted → closed; returned feedback goes back to in progress; reassigned tasks start
 * again at dispatched; open tasks may be cancelled. Anything else is an illegal transition, which
 * the hub refuses with FAILED_PRECONDITION. Stateless and thread-safe.
 */
public final class TaskStateMachine {

    /** Statuses in which the loop is still open. */
    public static final Set<TaskStatus> OPEN = EnumSet.of(TaskStatus.TASK_STATUS_DISPATCHED,
            TaskStatus.TASK_STATUS_DELIVERED, TaskStatus.TASK_STATUS_SIGNED_FOR,
            TaskStatus.TASK_STATUS_ARRIVED, TaskStatus.TASK_STATUS_IN_PROGRESS,
            TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED);

    private static final Map<Progress, TaskStatus> PROGRESS_TARGET = Map.of(
            Progress.PROGRESS_DELIVERED, TaskStatus.TASK_STATUS_DELIVERED,
            Progress.PROGRESS_SIGNED_FOR, TaskStatus.TASK_STATUS_SIGNED_FOR,
            Progress.PROGRESS_ARRIVED, TaskStatus.TASK_STATUS_ARRIVED,
            Progress.PROGRESS_IN_PROGRESS, TaskStatus.TASK_STATUS_IN_PROGRESS);

    private TaskStateMachine() {}

    /** The status a progress report leads to. */
    public static TaskStatus target(Progress progress) {
        return PROGRESS_TARGET.get(progress);
    }

    /**
     * A unit reports progress: only forward, one step at a time. A terminal that signs for an
     * instruction it never confirmed as delivered may skip "delivered" (it plainly has it).
     */
    public static void checkProgress(TaskStatus from, Progress progress) {
        TaskStatus to = target(progress);
        boolean ok = switch (to) {
            case TASK_STATUS_DELIVERED -> from == TaskStatus.TASK_STATUS_DISPATCHED;
            case TASK_STATUS_SIGNED_FOR -> from == TaskStatus.TASK_STATUS_DISPATCHED
                    || from == TaskStatus.TASK_STATUS_DELIVERED;
            case TASK_STATUS_ARRIVED -> from == TaskStatus.TASK_STATUS_SIGNED_FOR;
            case TASK_STATUS_IN_PROGRESS -> from == TaskStatus.TASK_STATUS_ARRIVED;
            default -> false;
        };
        if (!ok) {
            throw illegal(from, to);
        }
    }

    /** Feedback comes from the scene: after arriving, or while working (also after a return). */
    public static void checkFeedback(TaskStatus from) {
        if (from != TaskStatus.TASK_STATUS_ARRIVED && from != TaskStatus.TASK_STATUS_IN_PROGRESS) {
            throw illegal(from, TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED);
        }
    }

    /** Only submitted feedback can be reviewed. */
    public static void checkReview(TaskStatus from) {
        if (from != TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED) {
            throw HubException.precondition("task is " + name(from) + "; only submitted feedback can be reviewed");
        }
    }

    /** Reassign and cancel apply to open tasks whose feedback is not waiting for review. */
    public static void checkReassignOrCancel(TaskStatus from, String action) {
        if (!OPEN.contains(from) || from == TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED) {
            throw HubException.precondition("task is " + name(from) + "; it cannot be " + action);
        }
    }

    private static HubException illegal(TaskStatus from, TaskStatus to) {
        return HubException.precondition("illegal transition: task is " + name(from) + ", cannot become " + name(to));
    }

    static String name(TaskStatus s) {
        return s.name().substring("TASK_STATUS_".length()).toLowerCase(java.util.Locale.ROOT);
    }
}
