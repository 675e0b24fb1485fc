package commandroom.app.model;

import java.time.Instant;

/** The clock of one step of a task: which step, when due, whether late, when done (or null). */
public record StepClock(String step, Instant due, boolean overdue, Instant doneAt) {

    public boolean isDone() {
        return doneAt != null;
    }

    public StepClock markOverdue() {
        return new StepClock(step, due, true, doneAt);
    }

    public StepClock markDone(Instant at) {
        return new StepClock(step, due, overdue, doneAt == null ? at : doneAt);
    }
}
