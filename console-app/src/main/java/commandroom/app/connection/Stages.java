package commandroom.app.connection;

import commandroom.v1.Progress;
import commandroom.v1.TaskStatus;

/** The status a unit's progress report leads to (the same rule as the hub's). Stateless. */
final class Stages {

    private Stages() {}

    static TaskStatus target(Progress p) {
        return switch (p) {
            case PROGRESS_DELIVERED -> TaskStatus.TASK_STATUS_DELIVERED;
            case PROGRESS_SIGNED_FOR -> TaskStatus.TASK_STATUS_SIGNED_FOR;
            case PROGRESS_ARRIVED -> TaskStatus.TASK_STATUS_ARRIVED;
            case PROGRESS_IN_PROGRESS -> TaskStatus.TASK_STATUS_IN_PROGRESS;
            default -> TaskStatus.TASK_STATUS_UNSPECIFIED;
        };
    }
}
