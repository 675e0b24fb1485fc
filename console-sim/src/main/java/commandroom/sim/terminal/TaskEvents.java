package commandroom.sim.terminal;

import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskReturned;
import commandroom.v1.TaskStatus;
import commandroom.v1.TaskStep;

/**
 * Applies the events that a terminal learns of only as events (not as a full task) to its
 * copy of the task, the way the hub's state machine does.
 *
 * <p>Stateless and thread-safe.
 */
final class TaskEvents {
    private TaskEvents() {
    }

    /** The reviewer returned the feedback: back to in progress, with a new feedback clock. */
    static Task.Builder returned(Task task, TaskReturned event, int returnedCount) {
        Task.Builder builder = task.toBuilder()
                .setStatus(TaskStatus.TASK_STATUS_IN_PROGRESS)
                .setReturnedCount(returnedCount);
        if (event.hasFeedbackDue()) {
            for (int i = 0; i < builder.getDeadlinesCount(); i++) {
                StepDeadline deadline = builder.getDeadlines(i);
                if (deadline.getStep() == TaskStep.TASK_STEP_FEEDBACK) {
                    builder.setDeadlines(i, deadline.toBuilder().setDue(event.getFeedbackDue()).setOverdue(false)
                            .clearDoneAt());
                }
            }
        }
        return builder;
    }

    /** Someone submitted feedback for the task, if it was not already further on. */
    static Task.Builder feedbackSubmitted(Task task) {
        TaskStatus status = task.getStatus();
        boolean before = status == TaskStatus.TASK_STATUS_DISPATCHED || status == TaskStatus.TASK_STATUS_DELIVERED
                || status == TaskStatus.TASK_STATUS_SIGNED_FOR || status == TaskStatus.TASK_STATUS_ARRIVED
                || status == TaskStatus.TASK_STATUS_IN_PROGRESS;
        return before ? task.toBuilder().setStatus(TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED) : task.toBuilder();
    }
}
