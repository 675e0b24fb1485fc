package commandroom.sim.loop;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes one line per closed loop to a stream (the app's launcher passes {@code System.out}):
 * incident, type, task, units, the time of each step and how often the feedback came back, e.g.
 *
 * <pre>
 * loop closed: I-20261129-0001 CALL_110 task T-20261129-0001 RESPOND units u-cd-co1 |
 *   dispatched→signed 12s, signed→arrived 3m05s, arrived→feedback 4m10s, feedback→closed 8s |
 *   returned 1x | total 7m35s
 * </pre>
 * (on one line).
 *
 * <p>Thread-safe: lines are written whole, under the stream's lock.
 */
public final class LoopPrinter implements LoopListener {
    private static final String UNKNOWN = "?";
    private final PrintStream out;

    /** @param out where the lines go */
    public LoopPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void loopClosed(ClosedLoop loop) {
        String line = format(loop);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** The line for one loop. */
    public static String format(ClosedLoop loop) {
        return "loop closed: " + loop.incidentId() + " " + shortName(loop.incidentType().name(), "INCIDENT_TYPE_")
                + " task " + loop.taskId() + " " + shortName(loop.taskKind().name(), "TASK_KIND_")
                + " units " + String.join(",", loop.unitIds())
                + " | dispatched→signed " + format(loop.toSignFor())
                + ", signed→arrived " + format(loop.toArrive())
                + ", arrived→feedback " + format(loop.toFeedback())
                + ", feedback→closed " + format(loop.toClose())
                + " | returned " + loop.returnedCount() + "x"
                + " | total " + format(loop.total());
    }

    /** A span as "45s", "3m05s" or "1h02m03s"; "?" when unknown. */
    public static String format(Optional<Duration> span) {
        if (span.isEmpty()) {
            return UNKNOWN;
        }
        long seconds = Math.max(0, Math.round(span.get().toMillis() / 1000.0));
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return String.format("%dh%02dm%02ds", hours, minutes, rest);
        }
        return minutes > 0 ? String.format("%dm%02ds", minutes, rest) : rest + "s";
    }

    private static String shortName(String name, String prefix) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }
}
