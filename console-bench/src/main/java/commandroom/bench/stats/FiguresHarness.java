package commandroom.bench.stats;

import static commandroom.bench.HarnessArgs.intAfter;

import com.google.protobuf.Timestamp;
import commandroom.bench.HarnessOutput;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.sim.history.DisputeHistory;
import commandroom.sim.history.DisputeYear;
import commandroom.v1.Figures;
import commandroom.v1.GetFiguresRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How fast the chief's figures come over a long history: plays the year before and the published
 * year (times --scale) into a hub on H2 through its API, then measures GetFigures for the
 * published year over gRPC (warm: the projections are in memory), and a cold start: the hub
 * restarted (its whole log replayed and checked) and its first answer. Prints a markdown report.
 * Usage: FiguresHarness [--quick] [--scale N] [--calls K] [--out FILE]   (--quick: scale 1)
 */
public final class FiguresHarness {

    private static final ZoneId STATION = ZoneId.of("Asia/Shanghai");

    /** What one run measured. */
    public record Result(int scale, long events, double playSeconds, List<Double> warmMs, double restartMs,
                         double firstMs, Figures figures) {

        double percentile(int p) {
            List<Double> s = warmMs.stream().sorted().toList();
            return s.get(Math.max(0, (int) Math.ceil(p / 100.0 * s.size()) - 1));
        }

        String render() {
            return String.format(Locale.ROOT, """
                    #### FiguresHarness: scale %d (%d events in the log, played in %.0f s)
                    | measure | ms |
                    |---|---|
                    | GetFigures for a year over gRPC, warm, p50 | %.1f |
                    | GetFigures for a year over gRPC, warm, p99 (%d calls) | %.1f |
                    | hub restart: the whole log replayed, chain checked, projections rebuilt | %.0f |
                    | first GetFigures after the restart | %.1f |
                    | from a cold log to the figures (restart + first call) | %.0f |

                    Figures of the published year: %.0f disputes registered (%.0f the year before, %+.1f %%), resolution %.2f %%,
                    mediation success %.2f %% (%.0f of %.0f), repeat calls %.0f (%+.1f %%).
                    """, scale, events, playSeconds, percentile(50), warmMs.size(), percentile(99), restartMs, firstMs,
                    restartMs + firstMs, figures.getDisputesRegistered().getValue(),
                    figures.getDisputesRegistered().getPrevious(), 100 * figures.getDisputesRegistered().getChange(),
                    100 * figures.getResolutionRate().getValue(), 100 * figures.getMediationSuccessRate().getValue(),
                    figures.getMediationsAgreed().getValue(), figures.getMediations().getValue(),
                    figures.getRepeatCalls().getValue(), 100 * figures.getRepeatCalls().getChange());
        }
    }

    private FiguresHarness() {}

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        List<String> a = List.of(args);
        int scale = a.contains("--quick") ? 1 : intAfter(a, "--scale", 10);
        int calls = intAfter(a, "--calls", 30);
        HarnessOutput.emit(run(scale, calls).render(), HarnessOutput.outOf(args));
    }

    public static Result run(int scale, int calls) {
        MutableClock clock = new MutableClock();
        Instant y2024 = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, STATION).toInstant();
        Instant y2025 = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, STATION).toInstant();
        Instant y2026 = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, STATION).toInstant();
        GetFiguresRequest year = GetFiguresRequest.newBuilder().setFrom(ts(y2025)).setTo(ts(y2026)).build();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock).withClockPeriod(Duration.ofMillis(10))
                .withTokens(Duration.ofDays(800), Duration.ofDays(800)))) {
            long start = System.nanoTime();
            try (HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1");
                 HubClient officer = hub.login("u-cd-co1"); HubClient chief = hub.login("chief1")) {
                DisputeHistory history = new DisputeHistory(new DisputeHistory.Room(duty::command, duty::cases, leader::cases,
                    officer::field, chief::command),
                        t -> clock.advance(Duration.between(clock.instant(), t)), TestCounty.pos(30.5452, 119.9655),
                        TestCounty.pos(30.5452, 119.9555));
                history.play(DisputeYear.YEAR_BEFORE.times(scale), y2024, "2024");
                history.play(DisputeYear.PUBLISHED.times(scale), y2025, "2025");
            }
            double playSeconds = (System.nanoTime() - start) / 1e9;
            long events = hub.hub().lastSequence();
            List<Double> warm = new ArrayList<>();
            try (HubClient chief = hub.login("chief1")) {
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    chief.cases().getFigures(year);
                    warm.add((System.nanoTime() - t0) / 1e6);
                }
            }
            long r0 = System.nanoTime();
            hub.restart();
            double restartMs = (System.nanoTime() - r0) / 1e6;
            try (HubClient chief = hub.login("chief1")) {
                long t0 = System.nanoTime();
                Figures f = chief.cases().getFigures(year);
                double firstMs = (System.nanoTime() - t0) / 1e6;
                return new Result(scale, events, playSeconds, warm, restartMs, firstMs, f);
            }
        }
    }


    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }
}
