package commandroom.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Load harness of the dispatch hub. In one run: (1) a hub over TLS with N consoles and M units
 * streaming while a shift leader dispatches K tasks at R/s; (2) a bare gRPC fan-out server with the
 * same transport, N subscribers and the same rate, as the baseline, its window interleaved with the
 * hub's; (3) durable appends per second on H2 and, with --pg-url, on PostgreSQL. Prints a markdown report and appends it to --out.
 * Usage: see {@link BenchOptions#USAGE}. Runs on the calling thread.
 */
public final class LoadHarness {

    /** Slices the window is cut into, to interleave the hub's and the baseline's. */
    static final int SLICES = 10;

    private LoadHarness() {}

    public static void main(String[] args) throws Exception {
        // The hubs' and clients' INFO lines would drown the figures (the root logger is held by JUL).
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        BenchOptions options = BenchOptions.parse(args);
        Report report = run(options);
        String markdown = report.toMarkdown();
        System.out.print(markdown);
        System.out.flush();
        if (options.out() != null) {
            Files.writeString(options.out(), markdown + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /**
     * Runs the parts, each on a fresh hub or server in a scratch directory. The hub and the baseline
     * are both started and warmed up first; their windows then take turns in slices (hub first in
     * even slices, baseline first in odd ones), so that a neighbour's burst of work lands on both.
     */
    static Report run(BenchOptions o) throws Exception {
        OffsetDateTime started = OffsetDateTime.now();
        double loadBefore = MachineLoad.now();
        Path work = Files.createTempDirectory("commandroom-bench");
        try {
            HubLoad.Figures hubFigures;
            BareLoad.Figures bareFigures;
            try (DatabaseTarget db = o.db().equals("postgres")
                    ? DatabaseTarget.freshPostgres(o.pgUrl(), o.pgUser(), o.pgPassword()) : DatabaseTarget.h2();
                 HubLoad hub = HubLoad.start(o, work.resolve("fan-out"), db);
                 BareLoad bare = BareLoad.start(o, work.resolve("bare"), hub.sample())) {
                CpuMeter.awaitJitQuiet(30);
                int k = o.dispatches();
                int slices = Math.min(SLICES, k);
                for (int s = 0; s < slices; s++) {
                    int from = (int) ((long) k * s / slices);
                    int to = (int) ((long) k * (s + 1) / slices);
                    List<FanOutSession> order = s % 2 == 0 ? List.of(hub, bare) : List.of(bare, hub);
                    for (FanOutSession session : order) {
                        session.pacedSlice(from, to);
                    }
                }
                hub.burst();
                bare.burst();
                hubFigures = hub.figures();
                bareFigures = bare.figures();
            }
            List<DurableAppendLoad.Figures> durable = new ArrayList<>();
            try (DatabaseTarget h2 = DatabaseTarget.h2()) {
                durable.add(DurableAppendLoad.run(o, work.resolve("durable-h2"), h2));
            }
            if (o.pgUrl() != null) {
                try (DatabaseTarget pg = DatabaseTarget.freshPostgres(o.pgUrl(), o.pgUser(), o.pgPassword())) {
                    durable.add(DurableAppendLoad.run(o, work.resolve("durable-pg"), pg));
                }
            }
            return new Report(o, started, loadBefore, MachineLoad.now(), hubFigures, bareFigures,
                    List.copyOf(durable));
        } finally {
            ScratchDir.delete(work);
        }
    }
}
