package commandroom.bench.board;

import static commandroom.bench.board.Samples.ms;

import commandroom.app.model.TaskStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run of the board harness, with the targets of issue 3, printed as aligned
 * tables for a terminal or as markdown. Filled by the harness on its own thread.
 */
final class BoardReport {

    static final double FILTER_P99_TARGET_MS = 50;
    static final double PULSE_TARGET_MS = 16;

    /** One column: what the county says it should show, what the list holds, what its header says. */
    record ColumnCheck(String id, int expected, int items, int header) {
        boolean ok() {
            return expected == items && expected == header;
        }
    }

    String title;
    String machine;
    int tasks;
    int incidents;
    int units;
    int zones;
    int snapshotBytes;
    double snapshotApplyMs;
    double snapshotLayoutMs;
    double snapshotCpuMs;
    FilterBench filters;
    List<FilterBench.Anatomy> anatomy = List.of();
    final Samples tick = new Samples();
    final Samples tickCpu = new Samples();
    int tickCells;
    final List<BurstBench.Burst> bursts = new ArrayList<>();
    /** Bursts run before the measured ones, while the JIT still compiles the apply path. */
    final List<BurstBench.Burst> warmUpBursts = new ArrayList<>();
    long heapBeforeToolkit;
    long heapEmptyBoard;
    long heapFullBoard;
    final List<ColumnCheck> columns = new ArrayList<>();
    /** Tasks the county holds at the end (snapshot plus dispatches in the bursts; none cancelled). */
    int tasksAtEnd;

    /** The end-of-run check of every column against the county's own count. */
    void check(List<BoardScene.Column> shown, Map<TaskStage, Integer> expected, int waitingIncidents) {
        columns.clear();
        for (BoardScene.Column c : shown) {
            int want = c.id().equals("NEW") ? waitingIncidents : expected.getOrDefault(TaskStage.valueOf(c.id()), 0);
            columns.add(new ColumnCheck(c.id(), want, c.items(), c.header()));
        }
    }

    double heapDeltaMb() {
        return (heapFullBoard - heapEmptyBoard) / 1048576.0;
    }

    List<BurstBench.Burst> plainBursts() {
        return bursts.stream().filter(b -> !b.flashes()).toList();
    }

    /** The worst frame of all plain bursts, in milliseconds. */
    double worstPulseMs() {
        return plainBursts().stream().mapToDouble(b -> b.worst().nanos() / 1e6).max().orElse(0);
    }

    String verdict(double value, double target) {
        return value <= target ? "met" : String.format(Locale.ROOT, "MISSED by %.1f ms (%.1f×)", value - target,
                value / target);
    }

    /** Everything, as sections of tables; markdown when asked, aligned text otherwise. */
    String render(boolean markdown) {
        StringBuilder b = new StringBuilder();
        b.append(markdown ? "#### " : "== ").append(title).append('\n').append(machine).append("\n\n");
        section(b, markdown, "Board built from the snapshot", new TextTable("what", "value")
                .row("tasks / incidents / units / zones", tasks + " / " + incidents + " / " + units + " / " + zones)
                .row("snapshot size on the wire", String.format(Locale.ROOT, "%.2f MB", snapshotBytes / 1048576.0))
                .row("applySnapshot on the FX thread (wall)", ms(snapshotApplyMs) + " ms")
                .row("first layout with the cards (wall)", ms(snapshotLayoutMs) + " ms")
                .row("both, FX thread CPU", ms(snapshotCpuMs) + " ms"));
        TextTable f = new TextTable("filter change", "n", "p50 ms", "p99 ms", "max ms");
        filters.byKind.forEach((k, s) -> f.row(k, s.count(), ms(s.p50()), ms(s.p99()), ms(s.max())));
        f.row("all changes: set() + layout", filters.total.count(), ms(filters.total.p50()), ms(filters.total.p99()),
                ms(filters.total.max()));
        f.row("  of which set(): filter + sort", "", ms(filters.model.p50()), ms(filters.model.p99()),
                ms(filters.model.max()));
        f.row("  of which CSS + layout of cells", "", ms(filters.layout.p50()), ms(filters.layout.p99()),
                ms(filters.layout.max()));
        f.row("FX thread CPU per change", "", ms(filters.cpu.p50()), ms(filters.cpu.p99()), ms(filters.cpu.max()));
        f.row("cells made per change (count)", "", filters.cells.percentile(50), filters.cells.percentile(99),
                filters.cells.percentile(100));
        f.row("warm-up changes, not counted above", filters.warmUpTotal.count(), ms(filters.warmUpTotal.p50()),
                ms(filters.warmUpTotal.p99()), ms(filters.warmUpTotal.max()));
        section(b, markdown, "Filter and sort (target p99 ≤ 50 ms: wall " + verdict(filters.total.p99(),
                FILTER_P99_TARGET_MS) + "; FX thread CPU alone " + verdict(filters.cpu.p99(), FILTER_P99_TARGET_MS) + ")", f);
        TextTable a = new TextTable("kind", "filter", "tasks shown", "set() ms", "predicate pass ms",
                "sort alone ms", "list plumbing ms", "layout ms");
        for (FilterBench.Anatomy x : anatomy) {
            a.row(x.kind(), describe(x), x.shown(), ms(x.set()), ms(x.predicate()), ms(x.sort()),
                    ms(Math.max(0, x.set() - x.predicate() - x.sort())), ms(x.layout()));
        }
        section(b, markdown, "Where a filter change goes (median of 5; plumbing = set() − predicate − sort)", a);
        TextTable t = new TextTable("burst", "alerts flash", "events", "frames", "FX total ms", "FX CPU ms",
                "worst ms", "worst: apply ms", "worst: layout ms", "worst: CPU ms");
        for (BurstBench.Burst x : bursts) {
            BurstBench.Pulse w = x.worst();
            t.row(x.index(), x.flashes() ? "yes" : "no", x.events(), x.pulses().size(), ms(x.totalMs()), ms(x.cpuMs()),
                    ms(w.nanos() / 1e6), ms(w.applyNanos() / 1e6), ms(w.layoutNanos() / 1e6), ms(w.cpuNanos() / 1e6));
        }
        Samples total = new Samples();
        Samples worst = new Samples();
        plainBursts().forEach(x -> {
            total.add(Math.round(x.totalMs() * 1e6));
            worst.add(x.worst().nanos());
        });
        for (BurstBench.Burst x : warmUpBursts) {
            BurstBench.Pulse w = x.worst();
            t.row("warm-up " + -x.index() + ", not counted", "no", x.events(), x.pulses().size(), ms(x.totalMs()),
                    ms(x.cpuMs()), ms(w.nanos() / 1e6), ms(w.applyNanos() / 1e6), ms(w.layoutNanos() / 1e6),
                    ms(w.cpuNanos() / 1e6));
        }
        t.row("p50 of plain", "", "", "", ms(total.p50()), "", ms(worst.p50()));
        t.row("max of plain", "", "", "", ms(total.max()), "", ms(worst.max()));
        double worstCpu = plainBursts().stream().mapToDouble(x -> x.worst().cpuNanos() / 1e6).max().orElse(0);
        section(b, markdown, "Bursts through FxBatcher (target ≤ 16 ms per pulse: wall " + verdict(worstPulseMs(),
                PULSE_TARGET_MS) + "; FX thread CPU alone " + verdict(worstCpu, PULSE_TARGET_MS) + ")", t);
        section(b, markdown, "Other FX work", new TextTable("what", "wall p50 ms", "wall max ms", "CPU p50 ms",
                "cells made")
                .row("the board's 1 s tick (every shown card's clock + layout)",
                        ms(tick.p50()), ms(tick.max()), ms(tickCpu.p50()), tickCells));
        section(b, markdown, "Heap (used, after System.gc() ×3)", new TextTable("when", "MB")
                .row("JVM before the toolkit started", mb(heapBeforeToolkit))
                .row("empty board shown", mb(heapEmptyBoard))
                .row(tasks + "-task board shown", mb(heapFullBoard))
                .row("the board's data and cards: difference", String.format(Locale.ROOT, "%.1f (%.1f KB per task)",
                        heapDeltaMb(), heapDeltaMb() * 1024 / tasks)));
        TextTable c = new TextTable("column", "expected", "list items", "header", "check");
        columns.forEach(x -> c.row(x.id(), x.expected(), x.items(), x.header(), x.ok() ? "ok" : "WRONG"));
        section(b, markdown, "Board at the end of the run", c);
        return b.toString();
    }

    private static String describe(FilterBench.Anatomy x) {
        var f = x.filter();
        if (f.zoneId() != null) {
            return "zone " + f.zoneId();
        }
        if (f.type() != null) {
            return "type " + f.type();
        }
        if (f.priority() != null) {
            return "priority " + f.priority();
        }
        if (f.assigneeId() != null) {
            return "assignee " + f.assigneeId();
        }
        if (f.overdueOnly()) {
            return "overdue only";
        }
        return f.search().isEmpty() ? "all" : "search \"" + f.search() + "\"";
    }

    private static void section(StringBuilder b, boolean markdown, String heading, TextTable table) {
        b.append(markdown ? "**" + heading + "**\n\n" + table.markdown() : heading + "\n" + table.plain()).append('\n');
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
