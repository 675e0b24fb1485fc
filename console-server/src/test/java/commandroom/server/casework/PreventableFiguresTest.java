package commandroom.server.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.Figure;
import commandroom.v1.Figures;
import commandroom.v1.GetFiguresRequest;
import commandroom.v1.GetIncidentRequest;
import commandroom.v1.Incident;
import commandroom.v1.IncidentStatus;
import commandroom.v1.IncidentType;
import commandroom.v1.OffenceCategory;
import commandroom.v1.OffenceFigure;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.UpdateIncidentRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Preventable cases (可防性案件): incidents counted by the offence they were reported with, in the
 * period and the zone asked for; other offences, incidents that are no offence and dismissed ones
 * left out; the same after the hub replays its log.
 */
class PreventableFiguresTest {

    private static final Position EAST = TestCounty.pos(30.545, 119.965);
    private static final Position WEST = TestCounty.pos(30.545, 119.955);
    private static final List<OffenceCategory> PREVENTABLE = List.of(OffenceCategory.OFFENCE_CATEGORY_BURGLARY,
            OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT, OffenceCategory.OFFENCE_CATEGORY_PICKPOCKETING,
            OffenceCategory.OFFENCE_CATEGORY_OTHER_THEFT, OffenceCategory.OFFENCE_CATEGORY_FRAUD,
            OffenceCategory.OFFENCE_CATEGORY_ROBBERY);

    @Test
    void preventableCasesAreCountedByCategoryInThePeriodAndZoneAndSurviveAReplay() {
        MutableClock clock = new MutableClock();
        // Tokens that outlast the days the clock is moved on.
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock)
                .withTokens(Duration.ofDays(5), Duration.ofDays(5)));
             HubClient duty = hub.login("duty1"); HubClient chief = hub.login("chief1")) {
            Instant before = clock.instant();
            // The day before: four in the east zone, one in the west.
            report(duty, clock, EAST, OffenceCategory.OFFENCE_CATEGORY_BURGLARY);
            report(duty, clock, EAST, OffenceCategory.OFFENCE_CATEGORY_BURGLARY);
            report(duty, clock, EAST, OffenceCategory.OFFENCE_CATEGORY_FRAUD);
            report(duty, clock, EAST, OffenceCategory.OFFENCE_CATEGORY_OTHER_THEFT);
            report(duty, clock, WEST, OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT);

            Instant from = before.plus(Duration.ofDays(1));
            clock.advance(Duration.between(clock.instant(), from));
            // The day asked for: three in the east zone that count, three that do not; two in the west.
            report(duty, clock, EAST, OffenceCategory.OFFENCE_CATEGORY_BURGLARY);
            Incident bike = report(duty, clock, EAST, OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT);
            report(duty, clock, EAST, OffenceCategory.OFFENCE_CATEGORY_PICKPOCKETING);
            report(duty, clock, EAST, OffenceCategory.OFFENCE_CATEGORY_OTHER_OFFENCE);
            report(duty, clock, EAST, OffenceCategory.OFFENCE_CATEGORY_UNSPECIFIED);
            Incident falseAlarm = report(duty, clock, EAST, OffenceCategory.OFFENCE_CATEGORY_ROBBERY);
            duty.command().updateIncident(UpdateIncidentRequest.newBuilder().setIncidentId(falseAlarm.getId())
                    .setStatus(IncidentStatus.INCIDENT_STATUS_DISMISSED).setIdempotencyKey(Disputes.key()).build());
            report(duty, clock, WEST, OffenceCategory.OFFENCE_CATEGORY_FRAUD);
            report(duty, clock, WEST, OffenceCategory.OFFENCE_CATEGORY_FRAUD);

            Instant to = from.plus(Duration.ofDays(1));
            clock.advance(Duration.between(clock.instant(), to));
            report(duty, clock, EAST, OffenceCategory.OFFENCE_CATEGORY_BURGLARY);

            assertEquals("z-cd", bike.getZoneId());
            assertCounts(chief, from, to);

            hub.restart();
            try (HubClient again = hub.login("chief1")) {
                assertEquals(OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT, again.command().getIncident(
                        GetIncidentRequest.newBuilder().setIncidentId(bike.getId()).build()).getIncident().getOffence(),
                        "kept in the log");
                assertCounts(again, from, to);
            }
        }
    }

    private static void assertCounts(HubClient chief, Instant from, Instant to) {
        Figures east = figures(chief, from, to, "z-cd");
        assertFigure(3, 4, east.getPreventableCases());
        assertEquals(-0.25, east.getPreventableCases().getChange(), 1e-9);
        assertEquals(PREVENTABLE, east.getPreventableByCategoryList().stream().map(OffenceFigure::getCategory).toList(),
                "every preventable category, in order, and no other");
        assertFigure(1, 2, category(east, OffenceCategory.OFFENCE_CATEGORY_BURGLARY));
        assertFigure(1, 0, category(east, OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT));
        assertFigure(1, 0, category(east, OffenceCategory.OFFENCE_CATEGORY_PICKPOCKETING));
        assertFigure(0, 1, category(east, OffenceCategory.OFFENCE_CATEGORY_OTHER_THEFT));
        assertFigure(0, 1, category(east, OffenceCategory.OFFENCE_CATEGORY_FRAUD));
        assertFigure(0, 0, category(east, OffenceCategory.OFFENCE_CATEGORY_ROBBERY));

        Figures station = figures(chief, from, to, "");
        assertFigure(5, 5, station.getPreventableCases());
        assertFigure(2, 1, category(station, OffenceCategory.OFFENCE_CATEGORY_FRAUD));
        assertFigure(1, 1, category(station, OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT));
    }

    /** Reports a 110 call with the offence a minute after the last, at the position (its zone found by the hub). */
    private static Incident report(HubClient duty, MutableClock clock, Position where, OffenceCategory offence) {
        clock.advance(Duration.ofMinutes(1));
        Incident i = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_HIGH).setPosition(where)
                .setAddress("人民路 " + clock.instant().getEpochSecond() + " 号").setSummary("报案")
                .setOffence(offence).setIdempotencyKey(Disputes.key()).build()).getIncident();
        assertEquals(offence, i.getOffence(), "the answer carries the offence");
        return i;
    }

    private static Figures figures(HubClient chief, Instant from, Instant to, String zone) {
        return chief.cases().getFigures(GetFiguresRequest.newBuilder().setFrom(ts(from)).setTo(ts(to))
                .setZoneId(zone).build());
    }

    private static Figure category(Figures f, OffenceCategory c) {
        return f.getPreventableByCategoryList().stream().filter(o -> o.getCategory() == c).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + c)).getFigure();
    }

    private static void assertFigure(double value, double previous, Figure f) {
        assertEquals(value, f.getValue(), "this period");
        assertEquals(previous, f.getPrevious(), "the period before");
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }
}
