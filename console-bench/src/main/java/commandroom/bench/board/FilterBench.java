package commandroom.bench.board;

import commandroom.app.board.BoardFilter;
import commandroom.app.model.StepClock;
import commandroom.app.model.TaskItem;
import commandroom.app.model.TaskStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Filter changes on the board as a duty officer makes them (zone, type, priority, assignee, overdue only,
 * search text, back to all), each timed on the FX thread from the model's filter being set to the
 * end of the layout pass that shows it; and an anatomy of one change of each kind (predicate,
 * sort, list plumbing, cell layout). Call from any thread but the FX thread.
 */
final class FilterBench {

    /** One change of filter and its kind. */
    record Change(String kind, BoardFilter filter) {}

    /** Where the time of one kind of change goes, median of a few, in milliseconds. */
    record Anatomy(String kind, BoardFilter filter, int shown, double set, double predicate, double sort,
                   double layout) {}

    static final String[] KINDS = {"zone", "type", "priority", "assignee", "overdue", "search", "all"};
    private static final String[] TYPES = {"CALL_110", "DISPUTE", "KEY_PERSON_ALERT", "PATROL_FINDING",
            "INFO_COLLECTION", "OTHER"};
    private static final String[] PRIORITIES = {"URGENT", "HIGH", "NORMAL", "LOW"};
    /** What people type: a unit, a unit id, part of a task number, a road, a kind of work. */
    private static final String[] SEARCHES = {"巡逻车", "u-0012", "0042", "解放路1", "回访", "城关辅警 2", "t-2"};
    /**
     * A copy of the board's order (BoardViewModel.URGENCY is package-private): overdue first, then
     * the soonest clock, then id. Used only to time the sort on its own.
     */
    private static final Comparator<TaskItem> URGENCY = Comparator.comparing((TaskItem t) -> !t.isOverdue())
            .thenComparing(t -> {
                StepClock c = t.currentClock();
                return c == null ? Instant.MAX : c.due();
            }).thenComparing(TaskItem::id);
    private static final Comparator<TaskItem> NEWEST = Comparator.comparing(TaskItem::dispatchedAt).reversed();

    final Samples total = new Samples();
    final Samples model = new Samples();
    final Samples layout = new Samples();
    /** FX thread CPU time of each change (set() + layout): the cost without a busy neighbour's share. */
    final Samples cpu = new Samples();
    /** Cells the lists made per change. */
    final Samples cells = new Samples();
    final Map<String, Samples> byKind = new LinkedHashMap<>();
    /** The warm-up changes (set() + layout), kept apart: what the first changes after start cost. */
    final Samples warmUpTotal = new Samples();

    /** n changes cycling through the kinds with varied values, ending back at "all". */
    static List<Change> plan(int n, long seed) {
        Random r = new Random(seed);
        List<Change> plan = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            String kind = KINDS[i % KINDS.length];
            BoardFilter f = switch (kind) {
                case "zone" -> new BoardFilter(null, BoardCounty.zoneId(r.nextInt(BoardCounty.ZONES)), null, null, null, false, "");
                case "type" -> new BoardFilter(null, null, TYPES[r.nextInt(TYPES.length)], null, null, false, "");
                case "priority" -> new BoardFilter(null, null, null, PRIORITIES[r.nextInt(PRIORITIES.length)], null, false, "");
                case "assignee" -> new BoardFilter(null, null, null, null,
                        BoardCounty.unitId(r.nextInt(BoardCounty.ZONES * BoardCounty.UNITS_PER_ZONE)), false, "");
                case "overdue" -> new BoardFilter(null, null, null, null, null, true, "");
                case "search" -> BoardFilter.ALL.withSearch(SEARCHES[r.nextInt(SEARCHES.length)]);
                default -> BoardFilter.ALL;
            };
            plan.add(new Change(kind, f));
        }
        plan.add(new Change("all", BoardFilter.ALL));
        return plan;
    }

    /** Applies the changes, one per pulse; the first warmUp are kept apart. */
    void run(BoardScene s, List<Change> plan, int warmUp) throws InterruptedException {
        for (int i = 0; i < plan.size() + warmUp; i++) {
            Change c = plan.get(i < warmUp ? i % plan.size() : i - warmUp);
            long[] t = HeadlessFx.call(() -> {
                int cells0 = s.cellsCreated;
                long c0 = BoardScene.cpuNanos();
                long t0 = System.nanoTime();
                s.model.filterProperty().set(c.filter());
                long t1 = System.nanoTime();
                long lay = s.layoutNanos();
                return new long[] {t1 - t0, lay, BoardScene.cpuNanos() - c0, s.cellsCreated - cells0};
            });
            if (i < warmUp) {
                warmUpTotal.add(t[0] + t[1]);
            } else {
                model.add(t[0]);
                layout.add(t[1]);
                cpu.add(t[2]);
                cells.add(t[3]);
                total.add(t[0] + t[1]);
                byKind.computeIfAbsent(c.kind(), k -> new Samples()).add(t[0] + t[1]);
            }
            HeadlessFx.awaitPulses(1);
        }
        HeadlessFx.run(() -> s.model.filterProperty().set(BoardFilter.ALL));
    }

    /** One change of each kind of the plan, taken apart; leaves the board on "all". */
    static List<Anatomy> anatomy(BoardScene s, List<Change> plan, int repeats) throws InterruptedException {
        List<Anatomy> out = new ArrayList<>();
        for (String kind : KINDS) {
            BoardFilter f = plan.stream().filter(c -> c.kind().equals(kind)).findFirst().orElseThrow().filter();
            double[][] runs = new double[repeats][];
            int[] shown = new int[1];
            for (int r = 0; r < repeats; r++) {
                if (f.equals(BoardFilter.ALL)) {
                    HeadlessFx.run(() -> {
                        s.model.filterProperty().set(new BoardFilter(null, null, null, null, null, true, ""));
                        s.layoutNanos();
                    });
                }
                runs[r] = HeadlessFx.call(() -> {
                    long t0 = System.nanoTime();
                    s.model.filterProperty().set(f);
                    long t1 = System.nanoTime();
                    long lay = s.layoutNanos();
                    long p0 = System.nanoTime();
                    List<TaskItem> accepted = s.state.tasks().values().stream()
                            .filter(t -> f.accepts(t, s.model)).toList();
                    long p1 = System.nanoTime();
                    Map<TaskStage, List<TaskItem>> byStage = new EnumMap<>(TaskStage.class);
                    accepted.forEach(t -> byStage.computeIfAbsent(t.stage(), k -> new ArrayList<>()).add(t));
                    byStage.forEach((stage, list) -> list.sort(stage == TaskStage.CLOSED ? NEWEST : URGENCY));
                    long p2 = System.nanoTime();
                    shown[0] = accepted.size();
                    return new double[] {(t1 - t0) / 1e6, (p1 - p0) / 1e6, (p2 - p1) / 1e6, lay / 1e6};
                });
                if (!f.equals(BoardFilter.ALL)) {
                    HeadlessFx.run(() -> {
                        s.model.filterProperty().set(BoardFilter.ALL);
                        s.layoutNanos();
                    });
                }
                HeadlessFx.awaitPulses(1);
            }
            out.add(new Anatomy(kind, f, shown[0], median(runs, 0), median(runs, 1), median(runs, 2), median(runs, 3)));
        }
        HeadlessFx.run(() -> s.model.filterProperty().set(BoardFilter.ALL));
        return out;
    }

    private static double median(double[][] runs, int field) {
        double[] v = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            v[i] = runs[i][field];
        }
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }
}
