package commandroom.app.board;

import commandroom.app.model.StepClock;
import commandroom.app.ui.Messages;
import java.time.Duration;
import java.time.Instant;

/**
 * How a step clock reads on a card: the step, the time left (or how late), and its colour class:
 * none while there is time, "clock-amber" in the last fifth (at most 2 minutes), "clock-red" when
 * late. Stateless.
 */
public final class ClockText {

    /** The words and the style class. */
    public record Reading(String text, String styleClass) {}

    private ClockText() {}

    public static Reading read(StepClock c, Instant now, Instant start) {
        if (c == null) {
            return new Reading(Messages.get("clock.none"), "");
        }
        String step = Messages.get("step." + c.step());
        Duration left = Duration.between(now, c.due());
        if (c.overdue() || left.isNegative()) {
            return new Reading(Messages.get("clock.overdue", step, format(left.negated())), "clock-red");
        }
        Duration whole = start == null ? Duration.ZERO : Duration.between(start, c.due());
        boolean close = left.compareTo(Duration.ofMinutes(2)) <= 0 || left.multipliedBy(5).compareTo(whole) <= 0;
        return new Reading(Messages.get("clock.due", step, format(left)), close ? "clock-amber" : "");
    }

    static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s >= 3600) {
            return String.format("%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
        }
        return String.format("%02d:%02d", s / 60, s % 60);
    }
}
