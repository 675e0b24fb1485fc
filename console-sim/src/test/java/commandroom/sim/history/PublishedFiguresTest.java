package commandroom.sim.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.Figure;
import commandroom.v1.Figures;
import commandroom.v1.GetFiguresRequest;
import commandroom.v1.OffenceFigure;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The station's published figures are reproducible from the log: two years of dispute work played
 * into a real hub over gRPC (the year before, then the published year), and the chief's figures
 * for the published year say exactly what the station published: 410 disputes registered and all
 * resolved, 1,073 of 1,093 mediations agreed (98.17 %), disputes down 25 % and repeat calls down
 * 71 % on the year before; and in town, 121 preventable cases, down 9 % from 133. The test county's
 * east zone (z-cd 城东警务区, where the disputes are) stands for the town, its west zone for the rest
 * of the station.
 */
class PublishedFiguresTest {

    private static final ZoneId STATION = ZoneId.of("Asia/Shanghai");
    private static final String TOWN = "z-cd";

    @Test
    void aYearOfDisputeWorkGivesThePublishedFigures() {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock).withClockPeriod(Duration.ofMillis(10))
                .withTokens(Duration.ofDays(800), Duration.ofDays(800)));
             HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1");
             HubClient chief = hub.login("chief1"); HubClient officer = hub.login("u-cd-co1")) {
            Instant year2024 = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, STATION).toInstant();
            Instant year2025 = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, STATION).toInstant();
            Instant year2026 = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, STATION).toInstant();
            DisputeHistory history = new DisputeHistory(new DisputeHistory.Room(duty::command, duty::cases, leader::cases,
                    officer::field, chief::command),
                    t -> clock.advance(Duration.between(clock.instant(), t)), TestCounty.pos(30.5452, 119.9655),
                    TestCounty.pos(30.5452, 119.9555));
            history.play(DisputeYear.YEAR_BEFORE, year2024, "2024");
            history.play(DisputeYear.PUBLISHED, year2025, "2025");

            Figures f = chief.cases().getFigures(GetFiguresRequest.newBuilder().setFrom(ts(year2025))
                    .setTo(ts(year2026)).build());
            assertFigure(410, 547, f.getDisputesRegistered());
            assertFigure(410, 547, f.getDisputesResolved());
            assertEquals(1.0, f.getResolutionRate().getValue(), 1e-9, "all resolved: 100 %");
            assertFigure(1093, 1460, f.getMediations());
            assertFigure(1073, 1401, f.getMediationsAgreed());
            assertEquals("98.17", String.format("%.2f", 100 * f.getMediationSuccessRate().getValue()));
            // The town's community officer made the visits as they fell due: nearly all on time (the last
            // days' visits fall due after the history ends), each step within its clock.
            assertTrue(f.getVisitsDue().getValue() > 700, "visits due: " + f.getVisitsDue().getValue());
            assertTrue(f.getVisitsOnTime().getValue() >= 0.95 * f.getVisitsDue().getValue(),
                    f.getVisitsOnTime().getValue() + " of " + f.getVisitsDue().getValue() + " on time");
            assertTrue(f.getSignForMinutesP50().getValue() > 0, "signed for after some minutes");
            assertEquals("-25", String.format("%.0f", 100 * f.getDisputesRegistered().getChange()), "disputes fell 25 %");
            assertFigure(29, 100, f.getRepeatCalls());
            assertEquals("-71", String.format("%.0f", 100 * f.getRepeatCalls().getChange()), "repeat calls fell 71 %");

            Figures town = chief.cases().getFigures(GetFiguresRequest.newBuilder().setFrom(ts(year2025))
                    .setTo(ts(year2026)).setZoneId(TOWN).build());
            assertFigure(121, 133, town.getPreventableCases());
            assertEquals("-9.0", String.format("%.1f", 100 * town.getPreventableCases().getChange()),
                    "preventable cases in town fell 9 %");
            assertFigure(121, 133, sum(town.getPreventableByCategoryList()));
            assertTrue(town.getPreventableByCategoryList().stream().allMatch(c -> c.getFigure().getValue() > 0),
                    "spread over every category: " + town.getPreventableByCategoryList());
            assertFigure(410, 547, town.getDisputesRegistered());
            assertFigure(173, 174, f.getPreventableCases());
        }
    }

    private static Figure sum(List<OffenceFigure> byCategory) {
        return Figure.newBuilder().setValue(byCategory.stream().mapToDouble(c -> c.getFigure().getValue()).sum())
                .setPrevious(byCategory.stream().mapToDouble(c -> c.getFigure().getPrevious()).sum()).build();
    }

    private static void assertFigure(double value, double previous, Figure f) {
        assertEquals(value, f.getValue(), "this year");
        assertEquals(previous, f.getPrevious(), "the year before");
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }
}
