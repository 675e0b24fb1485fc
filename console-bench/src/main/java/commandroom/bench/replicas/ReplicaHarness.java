package commandroom.bench.replicas;

import commandroom.bench.DatabaseTarget;
import commandroom.bench.HarnessOutput;
import commandroom.bench.MachineLoad;
import commandroom.bench.ScratchDir;
import commandroom.server.HubBootstrap;
import commandroom.server.HubConfig;
import commandroom.server.testing.TestCounty;
import commandroom.server.tls.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What hub replicas on one PostgreSQL cost and give, in one run: (1) write latency and throughput
 * of one hub against two replicas, two duty officers reporting incidents (with two replicas, one
 * through each), the windows interleaved slice by slice, then bursts with F in flight; (2) how
 * long an event answered on one replica takes to reach a subscriber on the other, against a
 * subscriber on the replica that wrote it; (3) failover: replicas as processes, the one a
 * console's subscriber uses SIGKILLed again and again, the time until the stream is up on the
 * other, and nothing lost, skipped or repeated. Parts 1 and 2 run their hubs in this JVM; part 3
 * in processes of their own. Prints a markdown report and appends it to --out.
 * Usage: see {@link ReplicaOptions#USAGE}. Runs on the calling thread.
 */
public final class ReplicaHarness {

    /** Slices each window is cut into, to interleave the set-ups. */
    private static final int SLICES = 10;

    /** What a run found. */
    public record Result(ReplicaOptions options, OffsetDateTime started, double loadBefore, double loadAfter,
                         WriteSetup.Figures one, WriteSetup.Figures two, double writeSeconds,
                         FailoverRun.Figures failover, double seconds) {

        /** Nothing lost, skipped, repeated or failed in any part. */
        public boolean clean() {
            return one.gaps() + one.duplicates() + one.missing() + one.errors() == 0
                    && two.gaps() + two.duplicates() + two.missing() + two.errors() == 0
                    && failover.lost() + failover.tasksTwice() + failover.gaps() + failover.duplicates()
                    + failover.refused() == 0;
        }

        /** Every figure of the report was measured (none n/a or zero). */
        public boolean everyFigureMeasured() {
            List<Latencies.Summary> all = List.of(one.ack(), one.sameReplica(), one.burstAck(), two.ack(),
                    two.sameReplica(), two.crossReplica(), two.burstAck(), failover.toLive(),
                    failover.toNewEvent(), failover.toDispatchAnswer(), failover.restart());
            return all.stream().allMatch(s -> s.count() > 0) && one.pacedPerSecond() > 0
                    && two.pacedPerSecond() > 0 && one.burstPerSecond() > 0 && two.burstPerSecond() > 0
                    && failover.toLive().count() == failover.kills() && failover.movedAway() == failover.kills()
                    && failover.answered() > 0;
        }

        public String render() {
            ReplicaOptions o = options;
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, """
                    #### Hub replicas on one PostgreSQL (%s), %.0f s, load %.1f → %.1f
                    Parts 1 and 2 (hubs in the harness's JVM): %.0f s. Part 3 (replicas as processes): %.0f s.
                    Reports: %d per set-up at %d/s (both officers together, 10 slices interleaved), \
                    %d warm-up, bursts of 2 × %d with %d in flight. Times in ms, p50 / p99 / max.

                    | set-up | call → answer (paced) | reports/s kept up (paced) | call → answer (burst) | burst reports/s |
                    |---|---|---|---|---|
                    """, started.truncatedTo(ChronoUnit.SECONDS), seconds, loadBefore, loadAfter, writeSeconds,
                    failover.seconds(), o.reports(),
                    o.rate(), o.warmUp(), o.burst() / 2, o.inFlight()));
            for (WriteSetup.Figures f : List.of(one, two)) {
                b.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %s | %.0f |%n", name(f), f.ack().millis(),
                        f.pacedPerSecond(), f.burstAck().millis(), f.burstPerSecond()));
            }
            b.append(String.format(Locale.ROOT, """

                    | delivery (paced window) | answer → subscriber on the hub that wrote it | answer → subscriber on the other replica |
                    |---|---|---|
                    | one hub | %s | — |
                    | two replicas | %s | %s |

                    Negative: the event reached the subscriber before the answer reached the writer.
                    Gaps / duplicates / answered but not delivered / failed calls or streams: \
                    one hub %d / %d / %d / %d; two replicas %d / %d / %d / %d.

                    | failover: %d SIGKILLs of the replica in use, %d dispatches/s | value |
                    |---|---|
                    | kill → subscriber's stream up on the other replica (first event) | %s |
                    | kill → subscriber's first new event | %s |
                    | kill → next dispatch answered | %s |
                    | killed replica restarted → ready | %s |
                    | subscriber found on the other replica after the kill | %d of %d |
                    | Subscribe calls for one failover, most; resumes refused, by code | %d; %s |
                    | dispatches answered (keys sent; calls sent again after a kill) | %d (%d; %d) |
                    | **answered dispatches lost** | **%d** |
                    | **tasks made twice for one key** | **%d** |
                    | **gaps / duplicates at the subscriber across the kills** | **%d / %d** |
                    | keys refused or given up (why) | %d %s |
                    | events in the log at the end | %d |
                    """, one.sameReplica().millis(), two.sameReplica().millis(), two.crossReplica().millis(),
                    one.gaps(), one.duplicates(), one.missing(), one.errors(), two.gaps(), two.duplicates(),
                    two.missing(), two.errors(), failover.kills(), o.dispatchRate(), failover.toLive().millis(),
                    failover.toNewEvent().millis(), failover.toDispatchAnswer().millis(),
                    failover.restart().millis(), failover.movedAway(), failover.kills(), failover.maxAttempts(),
                    failover.refusedResumes().isEmpty() ? "none" : failover.refusedResumes(), failover.answered(),
                    failover.keysSent(), failover.retries(), failover.lost(), failover.tasksTwice(),
                    failover.gaps(), failover.duplicates(), failover.refused(),
                    failover.refusedWhy().isEmpty() ? "" : failover.refusedWhy(), failover.lastSequence()));
            return b.toString();
        }

        private static String name(WriteSetup.Figures f) {
            return f.hubs() == 1 ? "one hub" : f.hubs() + " replicas";
        }
    }

    private ReplicaHarness() {}

    public static void main(String[] args) throws Exception {
        // The hubs' and clients' INFO lines would drown the figures (the root logger is held by JUL).
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        // A wrong option throws, its message saying what and how to call the harness.
        ReplicaOptions options = ReplicaOptions.parse(args);
        HarnessOutput.emit(run(options).render(), options.out());
    }

    public static Result run(ReplicaOptions o) throws Exception {
        OffsetDateTime started = OffsetDateTime.now();
        double loadBefore = MachineLoad.now();
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("commandroom-replicas");
        try {
            WriteSetup.Figures one;
            WriteSetup.Figures two;
            var tls = SelfSignedCertificate.ensure(work.resolve("tls"));
            try (DatabaseTarget single = DatabaseTarget.freshPostgres(o.pgUrl(), o.pgUser(), o.pgPassword());
                 DatabaseTarget shared = DatabaseTarget.freshPostgres(o.pgUrl(), o.pgUser(), o.pgPassword())) {
                List<HubBootstrap> hubs = new ArrayList<>();
                try {
                    hubs.add(HubBootstrap.start(config(work.resolve("one"), single, tls)));
                    hubs.add(HubBootstrap.start(config(work.resolve("a"), shared, tls)));
                    hubs.add(HubBootstrap.start(config(work.resolve("b"), shared, tls)));
                    try (WriteSetup oneHub = WriteSetup.start("one", List.of(hubs.get(0)));
                         WriteSetup replicas = WriteSetup.start("two", List.of(hubs.get(1), hubs.get(2)))) {
                        interleave(o, oneHub, replicas);
                        one = oneHub.figures();
                        two = replicas.figures();
                    }
                } finally {
                    hubs.forEach(HubBootstrap::close);
                }
            }
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            FailoverRun.Figures failover;
            try (DatabaseTarget db = DatabaseTarget.freshPostgres(o.pgUrl(), o.pgUser(), o.pgPassword())) {
                failover = FailoverRun.run(db.asDb(), work.resolve("failover"), o.kills(), o.dispatchRate(),
                        o.betweenMillis());
            }
            return new Result(o, started, loadBefore, MachineLoad.now(), one, two, writeSeconds, failover,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            ScratchDir.delete(work);
        }
    }

    /**
     * Warm-up, then the window's slices taking turns (one hub first in even slices, the replicas
     * first in odd ones, so a neighbour's burst of work lands on both), then the bursts in the order
     * one, two, two, one.
     */
    private static void interleave(ReplicaOptions o, WriteSetup oneHub, WriteSetup replicas)
            throws InterruptedException {
        oneHub.warmUp(o.warmUp(), 16);
        replicas.warmUp(o.warmUp(), 16);
        int k = o.reports();
        int slices = Math.min(SLICES, k);
        for (int s = 0; s < slices; s++) {
            int from = (int) ((long) k * s / slices);
            int to = (int) ((long) k * (s + 1) / slices);
            for (WriteSetup setup : s % 2 == 0 ? List.of(oneHub, replicas) : List.of(replicas, oneHub)) {
                setup.pacedSlice(from, to, o.rate());
            }
        }
        for (WriteSetup setup : List.of(oneHub, replicas, replicas, oneHub)) {
            setup.burst(o.burst() / 2, o.inFlight());
        }
    }

    private static HubConfig config(Path dir, DatabaseTarget db, SelfSignedCertificate.KeyFiles tls) {
        return db.apply(HubConfig.embedded(dir).withListener("127.0.0.1", 0).withSeed(TestCounty.seed())
                .withPasswordCost(4).withCertificate(tls.certificate(), tls.privateKey()).asDemo()
                // Replicas share the token keys, as they share the certificate.
                .withTokenKeyFile(tls.certificate().resolveSibling("token-keys"))
                .withSealKeyFile(tls.certificate().resolveSibling("seal-key"))
                .withPersonalKeyFile(tls.certificate().resolveSibling("personal-key")));
    }
}
