package commandroom.bench.board;

import commandroom.app.ui.Messages;
import commandroom.v1.Snapshot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.ListView;

/**
 * Measures the console's task board with a county's worth of tasks, headless on the software
 * pipeline: filter and sort latency, the FX time bursts of events cost, the per-second tick, and
 * the heap the board takes. Prints tables; with --out FILE also appends them as markdown.
 *
 * <pre>
 * ./mvnw -q -B -o -pl console-bench exec:java -Dexec.mainClass=commandroom.bench.board.BoardHarness \
 *     [-Dexec.args="--quick --out FILE"]
 * </pre>
 *
 * Runs on the caller's thread; FX work is handed to the FX thread and waited for.
 */
public final class BoardHarness {

    /** How big a run is. */
    record Options(boolean quick, int tasks, int filterChanges, int warmUp, int warmUpBursts, int bursts,
                   int burstSize, int flashBursts, int ticks, Path out) {

        static Options parse(String[] args) {
            boolean quick = false;
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("usage: BoardHarness [--quick] [--out FILE]");
                }
            }
            // Warm-up long enough for the JIT to settle (the first ~40 changes and the first burst
            // ran 2-4x slower in a run that printed every change); warm-up figures are reported apart.
            return quick ? new Options(true, 2_000, 30, 5, 1, 3, 500, 1, 5, out)
                    : new Options(false, 10_000, 200, 60, 3, 20, 1_000, 5, 20, out);
        }
    }

    private static final long SEED = 20_240_603L;

    private BoardHarness() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        try {
            BoardReport report = run(options);
            System.out.print(report.render(false));
            System.out.flush();
            if (options.out() != null) {
                Files.writeString(options.out(), report.render(true) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } finally {
            Platform.exit();
        }
    }

    /** One run: builds the board, measures it, and checks what it shows at the end. */
    static BoardReport run(Options o) throws InterruptedException, IOException {
        BoardReport r = new BoardReport();
        String loadBefore = loadAverage();
        r.heapBeforeToolkit = usedHeapAfterGc();
        HeadlessFx.start();
        // The bureau's consoles run in Chinese: measure with CJK glyphs on the cards.
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        // The mirror lives through both heap readings, so it cancels out of the difference.
        BoardCounty county = BoardCounty.build(o.tasks(), SEED, Instant.now());
        BoardScene scene = HeadlessFx.call(BoardScene::new);
        HeadlessFx.awaitPulses(3);
        HeadlessFx.run(scene::layoutNanos);
        r.heapEmptyBoard = usedHeapAfterGc();

        progress("snapshot of %,d tasks", o.tasks());
        loadSnapshot(county, scene, r);
        HeadlessFx.awaitPulses(3);
        r.heapFullBoard = usedHeapAfterGc();

        progress("%d filter changes", o.filterChanges());
        List<FilterBench.Change> plan = FilterBench.plan(o.filterChanges(), SEED);
        r.filters = new FilterBench();
        r.filters.run(scene, plan, o.warmUp());
        r.anatomy = FilterBench.anatomy(scene, plan, 5);

        progress("%d ticks", o.ticks());
        for (int i = 0; i < o.ticks(); i++) {
            long[] t = HeadlessFx.call(() -> {
                int cells0 = scene.cellsCreated;
                long c0 = BoardScene.cpuNanos();
                long t0 = System.nanoTime();
                scene.view.tick();
                long wall = System.nanoTime() - t0 + scene.layoutNanos();
                return new long[] {wall, BoardScene.cpuNanos() - c0, scene.cellsCreated - cells0};
            });
            r.tick.add(t[0]);
            r.tickCpu.add(t[1]);
            r.tickCells = (int) t[2];
            HeadlessFx.awaitPulses(1);
        }

        progress("%d bursts of %,d events", o.bursts() + o.flashBursts(), o.burstSize());
        BurstBench bursts = new BurstBench(scene, new EventBursts(county));
        for (int i = 0; i < o.warmUpBursts(); i++) {
            r.warmUpBursts.add(bursts.run(-(i + 1), o.burstSize(), false));
            Thread.sleep(300);
        }
        for (int i = 0; i < o.bursts() + o.flashBursts(); i++) {
            r.bursts.add(bursts.run(i + 1, o.burstSize(), i >= o.bursts()));
            Thread.sleep(300); // bursts come in waves, not back to back: pulses and the tick run between

        }

        HeadlessFx.awaitPulses(2);
        r.check(HeadlessFx.call(scene::columns), county.expectedColumns(), county.waiting.size());
        r.tasksAtEnd = county.jobs.size();
        HeadlessFx.run(scene.stage::close);
        r.title = String.format(Locale.ROOT, "Task board, %,d tasks%s (%s)", o.tasks(), o.quick() ? ", quick mode" : "",
                LocalDate.now());
        r.machine = String.format(Locale.ROOT, "%d cores seen by the JVM, load average %s at the start and %s at the "
                        + "end; Java %s, JavaFX %s, Monocle headless, software pipeline, 1920x1080; filter changes "
                        + "%d (+%d warm-up), bursts %d × %d events (+%d warm-up, +%d with alert flashes)",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version"), o.filterChanges(), o.warmUp(), o.bursts(), o.burstSize(), o.warmUpBursts(),
                o.flashBursts());
        return r;
    }

    /** The snapshot through the wire format (as GetSnapshot delivers it), applied on the FX thread. */
    private static void loadSnapshot(BoardCounty county, BoardScene scene, BoardReport r) throws IOException {
        Snapshot built = county.snapshot();
        r.tasks = built.getTasksCount();
        r.incidents = built.getIncidentsCount();
        r.units = built.getUnitsCount();
        r.zones = built.getZonesCount();
        byte[] wire = built.toByteArray();
        r.snapshotBytes = wire.length;
        Snapshot received = Snapshot.parseFrom(wire);
        long[] t = HeadlessFx.call(() -> {
            long c0 = BoardScene.cpuNanos();
            long t0 = System.nanoTime();
            scene.applier.applySnapshot(received);
            long t1 = System.nanoTime();
            return new long[] {t1 - t0, scene.layoutNanos(), BoardScene.cpuNanos() - c0};
        });
        r.snapshotApplyMs = t[0] / 1e6;
        r.snapshotLayoutMs = t[1] / 1e6;
        r.snapshotCpuMs = t[2] / 1e6;
    }

    /** A log line so that a person watching knows which phase runs (stdout is the report). */
    private static void progress(String format, Object... args) {
        LOG.info("board harness: {}", String.format(Locale.ROOT, format, args));
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BoardHarness.class);

    /** The 1-minute load average (Linux), to tell a quiet machine from a shared busy one. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Used heap right after a full collection: System.gc() three times, reading straight after
     * each, lowest reading (the FX thread keeps allocating for pulses and the tick in between).
     */
    private static long usedHeapAfterGc() throws InterruptedException {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            lowest = Math.min(lowest, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            Thread.sleep(100);
        }
        return lowest;
    }
}
