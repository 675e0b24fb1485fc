package commandroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Load harness of the dispatch hub. In one run: (1) a hub over TLS with N consoles and M units
 * streaming while a shift leader dispatches K tasks at R/s; (2) a bare gRPC fan-out server with the
 * same transport, N subscribers and the same rate, as the baseline; (3) durable appends per second
 * on H2 and, with --pg-url, on PostgreSQL. Prints a markdown report and appends it to --out.
 * Usage: see {@link BenchOptions#USAGE}. Runs on the calling thread.
 */
public final class LoadHarness {

    private LoadHarness() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
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

    /** Runs the three parts in order, each on a fresh hub or server in a scratch directory. */
    static Report run(BenchOptions o) throws Exception {
        OffsetDateTime started = OffsetDateTime.now();
        double loadBefore = Report.loadAverage();
        Path work = Files.createTempDirectory("commandroom-bench");
        try {
            HubLoad.Figures hub;
            try (DatabaseTarget db = o.db().equals("postgres")
                    ? DatabaseTarget.freshPostgres(o.pgUrl(), o.pgUser(), o.pgPassword()) : DatabaseTarget.h2()) {
                hub = HubLoad.run(o, work.resolve("fan-out"), db);
            }
            if (hub.sample() == null) {
                throw new IllegalStateException("no TaskDispatched event reached a console; nothing to compare");
            }
            BareLoad.Figures bare = BareLoad.run(o, work.resolve("bare"), hub.sample());
            List<DurableAppendLoad.Figures> durable = new ArrayList<>();
            try (DatabaseTarget h2 = DatabaseTarget.h2()) {
                durable.add(DurableAppendLoad.run(o, work.resolve("durable-h2"), h2));
            }
            if (o.pgUrl() != null) {
                try (DatabaseTarget pg = DatabaseTarget.freshPostgres(o.pgUrl(), o.pgUser(), o.pgPassword())) {
                    durable.add(DurableAppendLoad.run(o, work.resolve("durable-pg"), pg));
                }
            }
            return new Report(o, started, loadBefore, Report.loadAverage(), hub, bare, List.copyOf(durable));
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
