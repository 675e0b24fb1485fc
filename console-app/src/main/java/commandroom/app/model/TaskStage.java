package commandroom.app.model;

/** Where a task stands on the board: one column each, in lifecycle order. */
public enum TaskStage {
    DISPATCHED, DELIVERED, SIGNED_FOR, ARRIVED, IN_PROGRESS, FEEDBACK_SUBMITTED, CLOSED, CANCELLED;

    /** True while the loop is still open. */
    public boolean isOpen() {
        return this != CLOSED && this != CANCELLED;
    }
}
