package commandroom.bench;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one harness run as a markdown report: what was run, on what, and a table per
 * part, with the targets next to the figures they apply to. Immutable.
 *
 * @param options    what was run
 * @param startedAt  when
 * @param loadBefore system load average (1 min) when the run started, -1 if unknown
 * @param loadAfter  the same when it ended
 * @param hub        part 1
 * @param bare       part 2
 * @param durable    part 3, one entry per database
 */
record Report(BenchOptions options, OffsetDateTime startedAt, double loadBefore, double loadAfter,
              HubLoad.Figures hub, BareLoad.Figures bare, List<DurableAppendLoad.Figures> durable) {

    static final double RATIO_TARGET = 2.0;
    static final double DURABLE_TARGET = 2000;

    /** Hub p99 over bare p99, console deliveries. */
    double p99Ratio() {
        return bare.toSubscriber().p99() == 0 ? 0 : (double) hub.toConsole().p99() / bare.toSubscriber().p99();
    }

    /** Hub p50 over bare p50, console deliveries. */
    double p50Ratio() {
        return bare.toSubscriber().p50() == 0 ? 0 : (double) hub.toConsole().p50() / bare.toSubscriber().p50();
    }

    String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("## Load harness run ").append(startedAt.truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n");
        b.append("- Run: ").append(options.describe()).append('\n');
        b.append(f("- Machine: %d cores seen by the JVM, %s %s, Java %s; load average %.2f at start, %.2f at end%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), loadBefore, loadAfter));
        b.append("- Client load runs in the same JVM as the server (CPU split by thread name below).\n\n");

        b.append(f("### 1. Hub fan-out (%d consoles, %d units, %d dispatches at %s/s, %s)%n%n", options.consoles(),
                options.units(), options.dispatches(), num(options.rate()), options.db()));
        b.append("| Figure | Value |\n|---|---|\n");
        row(b, "Dispatch → unit's TaskDispatched, p50 / p99 / max (ms)", hub.toUnit().millis());
        row(b, "Dispatch → each console, all deliveries, p50 / p99 / max (ms)", hub.toConsole().millis());
        row(b, "Dispatch → last of the N consoles, p50 / p99 / max (ms)", hub.toLastConsole().millis());
        row(b, "DispatchTask answered (durable), p50 / p99 / max (ms)", hub.dispatchAck().millis());
        row(b, "Every dispatch reached every console once, in sequence", yes(hub.everyDispatchReachedEveryConsole())
                + f(" (window: missing %d, extra %d; burst: missing %d, extra %d; sequence gaps %d, "
                        + "streams ended early %d)", hub.consoles().missing(), hub.consoles().extra(),
                hub.burst().missing(), hub.burst().extra(), hub.sequenceGaps(), hub.streamErrors()));
        row(b, "Every dispatch reached its unit, and no other", yes(hub.units().complete() && hub.burstUnits().complete())
                + f(" (missing %d, extra %d); failed DispatchTask calls %d", hub.units().missing()
                + hub.burstUnits().missing(), hub.units().extra() + hub.burstUnits().extra(), hub.dispatchErrors()));
        row(b, "Sustained events/s in the window (first dispatch → last delivery)",
                f("%.1f (%d events in %.2f s; offered %s/s)", hub.eventsPerSecond(), hub.eventsAppended(),
                        hub.consoles().nanos() / 1e9, num(options.rate())));
        row(b, "Stream deliveries/s in the window (N consoles + 1 unit per event)",
                f("%.0f", hub.deliveries() * 1e9 / Math.max(1, hub.consoles().nanos())));
        row(b, f("Burst: %d dispatches, %d in flight → all N consoles, events/s", options.dispatches(),
                options.inFlight()), f("%.0f (%.0f console deliveries/s)", hub.burst().messagesPerSecond(),
                hub.burst().messagesPerSecond() * options.consoles()));
        row(b, "Server-thread CPU per event / per delivery (µs)",
                f("%.0f / %.1f", hub.serverMicrosPerEvent(), hub.serverMicrosPerDelivery()));
        row(b, "Server-thread CPU per event by thread group (µs)", groups(hub.cpu(), hub.eventsAppended()));
        row(b, "Whole-process CPU per event (µs, includes the clients)", f("%.0f", hub.processMicrosPerEvent()));
        row(b, "CPU in window, cores: server / clients / other (GC, JIT, rest)", cores(hub.cpu()));

        b.append(f("%n### 2. Bare gRPC fan-out baseline (same TLS and transport, %d subscribers, %s/s)%n%n",
                options.consoles(), num(options.rate())));
        b.append("| Figure | Value |\n|---|---|\n");
        row(b, "Publish → each subscriber, p50 / p99 / max (ms)", bare.toSubscriber().millis());
        row(b, "Publish → last subscriber, p50 / p99 / max (ms)", bare.toLast().millis());
        row(b, "Publish answered, p50 / p99 / max (ms)", bare.publishAck().millis());
        row(b, "Every publish reached every subscriber once", yes(bare.window().complete() && bare.burst().complete())
                + f(" (missing %d, extra %d; failed publish calls %d)", bare.window().missing()
                + bare.burst().missing(), bare.window().extra() + bare.burst().extra(), bare.publishErrors()));
        row(b, f("Burst: %d publishes, %d in flight → all N subscribers, messages/s", options.dispatches(),
                options.inFlight()), f("%.0f (%.0f deliveries/s)", bare.burst().messagesPerSecond(),
                bare.burst().messagesPerSecond() * options.consoles()));
        row(b, "Server-thread CPU per delivery (µs)", f("%.1f", bare.serverMicrosPerDelivery()));
        row(b, "Server-thread CPU per message by thread group (µs)", groups(bare.cpu(), bare.window().messages()));
        row(b, "CPU in window, cores: server / clients / other", cores(bare.cpu()));
        row(b, "**Hub p99 / bare p99** (console deliveries; target ≤ 2×)", f("**%.2f×** — %s (p50 ratio %.2f×)",
                p99Ratio(), p99Ratio() <= RATIO_TARGET ? "meets the target" : "MISSES the target", p50Ratio()));

        b.append(f("%n### 3. Durable appends (ReportIncident, %d in flight, no subscribers; target ≥ %s/s)%n%n",
                options.inFlight(), num(DURABLE_TARGET)));
        b.append("| Database | Events/s | Events in window | Call p50 / p99 / max (ms) | Errors | Process CPU/event (µs) | Target |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (DurableAppendLoad.Figures d : durable) {
            b.append(f("| %s | %.0f | %d in %.1f s | %s | %d | %.0f | %s |%n", d.database(), d.eventsPerSecond(),
                    d.eventsAppended(), d.windowNanos() / 1e9, d.latency().millis(), d.errors(),
                    d.processMicrosPerEvent(), d.eventsPerSecond() >= DURABLE_TARGET ? "met" : "MISSED"));
        }
        if (durable.size() == 1) {
            b.append("\nPostgreSQL not measured (no --pg-url given).\n");
        }
        return b.append('\n').toString();
    }

    private static String cores(CpuMeter.Usage u) {
        return f("%.2f / %.2f / %.2f (process %.2f; in the window the JIT compiled for %d ms, GC took %d ms)",
                u.cores(u.serverNanos()), u.cores(u.clientNanos()), u.cores(u.otherNanos()),
                u.cores(u.processNanos()), u.jitMillis(), u.gcMillis());
    }

    private static String groups(CpuMeter.Usage u, long events) {
        StringBuilder s = new StringBuilder();
        u.serverGroups().forEach((group, nanos) -> {
            if (nanos > 0 && events > 0) {
                s.append(s.length() == 0 ? "" : ", ").append(group).append(' ').append(f("%.0f", nanos / 1e3 / events));
            }
        });
        return s.length() == 0 ? "n/a" : s.toString();
    }

    private static String yes(boolean ok) {
        return ok ? "yes" : "**NO**";
    }

    private static void row(StringBuilder b, String figure, String value) {
        b.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : f("%.1f", v);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
