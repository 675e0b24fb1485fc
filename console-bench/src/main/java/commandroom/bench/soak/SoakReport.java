package commandroom.bench.soak;

import commandroom.bench.LatencyRecorder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * What a soak measured, window by window, and its verdict against the targets: resident memory of
 * the hub and of the console grows by at most {@link #RSS_GROWTH_TARGET_PERCENT} % from the end of
 * the first window (after warm-up) to the end of the last, and no later window's p99 is more than
 * {@link #P99_FACTOR} times the first window's. Immutable; renders itself as markdown.
 *
 * @param options     the run
 * @param startedAt   when the harness started
 * @param setupSeconds hub start, log-ins, streams, incidents, real console and warm-up
 * @param windows     the measured windows, in order
 * @param progress    sign-for and arrive reports the units made (warm-up included)
 * @param consoleKind what the console RSS column measures
 * @param loadBefore  1-minute load average at the start
 * @param loadAfter   and at the end
 */
record SoakReport(SoakOptions options, OffsetDateTime startedAt, double setupSeconds, List<Window> windows,
                  long progress, String consoleKind, double loadBefore, double loadAfter) {

    static final double RSS_GROWTH_TARGET_PERCENT = 10;
    static final double P99_FACTOR = 2;

    /**
     * One window's figures. Times in nanoseconds (summaries), memory in KiB, -1 where not measured.
     *
     * @param number         1-based
     * @param seconds        first send → every dispatch of the window delivered everywhere (or timeout)
     * @param dispatches     dispatches sent in the window
     * @param answered       DispatchTask answers (call → answer, after the hub's commit)
     * @param toConsole      dispatch → each console's TaskDispatched, over all deliveries
     * @param toLastConsole  dispatch → the last console to get it
     * @param toUnit         dispatch → the named unit's TaskDispatched
     * @param missing        deliveries (consoles and units) that never came
     * @param extra          deliveries that came twice or to a unit the task does not name
     * @param errors         failed calls, ended streams, sequence gaps and failed token refreshes in the window
     * @param hubRssStart    hub RSS when the window started
     * @param hubRssEnd      hub RSS at its end
     * @param hubRssMax      highest hub RSS sampled in it (every 5 s)
     * @param consoleRssStart console RSS when the window started
     * @param consoleRssEnd   console RSS at its end
     * @param clientsRssEnd  this harness's own RSS at the end (the protocol-level clients)
     * @param load           1-minute load average at the end
     */
    record Window(int number, double seconds, int dispatches, LatencyRecorder.Summary answered,
                  LatencyRecorder.Summary toConsole, LatencyRecorder.Summary toLastConsole,
                  LatencyRecorder.Summary toUnit, long missing, long extra, long errors, long hubRssStart,
                  long hubRssEnd, long hubRssMax, long consoleRssStart, long consoleRssEnd, long clientsRssEnd,
                  double load) {

        String row() {
            return String.format(Locale.ROOT, "| %d | %.0f | %d | %s | %s | %s | %s | %d / %d | %d | %s → %s (max %s) | %s → %s | %s | %.1f |",
                    number, seconds, dispatches, p50p99(answered), p50p99(toConsole), ms(toLastConsole.p99()),
                    p50p99(toUnit), missing, extra, errors, mib(hubRssStart), mib(hubRssEnd), mib(hubRssMax),
                    mib(consoleRssStart), mib(consoleRssEnd), mib(clientsRssEnd), load);
        }
    }

    /** Every dispatch reached every console and its unit, once, and nothing failed. */
    boolean everythingDelivered() {
        return !windows.isEmpty() && windows.stream().allMatch(w -> w.missing == 0 && w.extra == 0 && w.errors == 0);
    }

    /** Hub RSS growth, %, end of the first window → end of the last; NaN with fewer than two windows. */
    double hubGrowthPercent() {
        return growth(windows.get(0).hubRssEnd, windows.get(windows.size() - 1).hubRssEnd);
    }

    /** The same for the console. */
    double consoleGrowthPercent() {
        return growth(windows.get(0).consoleRssEnd, windows.get(windows.size() - 1).consoleRssEnd);
    }

    /** No later window's p99 (answer, each console, unit) is over P99_FACTOR × the first window's. */
    boolean p99Stable() {
        Window first = windows.get(0);
        return windows.stream().skip(1).allMatch(w -> w.answered.p99() <= P99_FACTOR * first.answered.p99()
                && w.toConsole.p99() <= P99_FACTOR * first.toConsole.p99()
                && w.toUnit.p99() <= P99_FACTOR * first.toUnit.p99());
    }

    private double growth(long from, long to) {
        return windows.size() < 2 || from <= 0 || to <= 0 ? Double.NaN : 100.0 * (to - from) / from;
    }

    String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "#### Soak (%s)%n%n", startedAt.withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)));
        b.append(String.format(Locale.ROOT, "%s. Set-up %.0f s. Load average %.1f → %.1f. The hub is its own process "
                        + "(HubMain, -Xmx512m, default step clocks); the units sign for and arrive at each task "
                        + "(%,d reports). Console RSS: %s.%n%n", options.describe(), setupSeconds, loadBefore,
                loadAfter, progress, consoleKind));
        b.append("| window | s | dispatches | answered p50 / p99 (ms) | → each console p50 / p99 | → last console p99 "
                + "| → unit p50 / p99 | missing / extra | errors | hub RSS MiB, start → end | console RSS MiB | "
                + "harness RSS MiB | load |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        windows.forEach(w -> b.append(w.row()).append('\n'));
        b.append('\n');
        if (windows.size() < 2) {
            b.append("One window only: no growth or stability to judge.\n");
            return b.toString();
        }
        Window first = windows.get(0);
        Window last = windows.get(windows.size() - 1);
        b.append(String.format(Locale.ROOT, "- **Hub RSS growth** (end of window 1 → end of window %d): %s → %s MiB, "
                        + "**%+.1f %%** (target ≤ %.0f %%: %s)%n", last.number, mib(first.hubRssEnd), mib(last.hubRssEnd),
                hubGrowthPercent(), RSS_GROWTH_TARGET_PERCENT, verdict(hubGrowthPercent())));
        b.append(String.format(Locale.ROOT, "- **Console RSS growth**: %s → %s MiB, **%+.1f %%** (%s)%n",
                mib(first.consoleRssEnd), mib(last.consoleRssEnd), consoleGrowthPercent(),
                verdict(consoleGrowthPercent())));
        b.append(String.format(Locale.ROOT, "- **p99 stable** (every later window within %.0f× window 1's answer, "
                + "console and unit p99): %s%n", P99_FACTOR, p99Stable() ? "yes" : "**no**"));
        b.append(String.format(Locale.ROOT, "- Every dispatch reached every console and its unit once, nothing failed: %s%n",
                everythingDelivered() ? "yes" : "**no**"));
        return b.toString();
    }

    private static String verdict(double percent) {
        return Double.isNaN(percent) ? "not measured" : percent <= RSS_GROWTH_TARGET_PERCENT ? "met" : "**missed**";
    }

    private static String p50p99(LatencyRecorder.Summary s) {
        return s.count() == 0 ? "n/a" : ms(s.p50()) + " / " + ms(s.p99());
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", kib / 1024.0);
    }
}
