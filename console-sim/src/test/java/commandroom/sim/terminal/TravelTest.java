package commandroom.sim.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.sim.geo.GeoMath;
import commandroom.v1.Position;
import commandroom.v1.UnitKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TravelTest {
    private static final Position START = GeoMath.position(30.5450, 119.9600);

    @Test
    void eachKindOfUnitMovesAtTheSpeedOfTheOneTableConsoleAndHubUse() {
        // The street speeds of console-geo's table, km/h: the console's minutes are these.
        assertEquals(5 / 3.6, UnitSpeeds.metresPerSecond(UnitKind.UNIT_KIND_COMMUNITY_OFFICER), 1e-9);
        assertEquals(18 / 3.6, UnitSpeeds.metresPerSecond(UnitKind.UNIT_KIND_AUXILIARY_OFFICER), 1e-9);
        assertEquals(18 * 0.8 / 3.6, UnitSpeeds.metresPerSecond(UnitKind.UNIT_KIND_GRID_WORKER), 1e-9);
        assertEquals(18 * 0.65 / 3.6, UnitSpeeds.metresPerSecond(UnitKind.UNIT_KIND_VOLUNTEER), 1e-9);
        assertEquals(25 / 3.6, UnitSpeeds.metresPerSecond(UnitKind.UNIT_KIND_PATROL_CAR), 1e-9);
        assertEquals(15.0, UnitSpeeds.metresPerSecond(UnitKind.UNIT_KIND_DRONE), 1e-9);
    }

    @Test
    void aPatrolCarCoversItsStreetSpeedEachSecond() {
        Position target = GeoMath.offset(START, 1000, 0);
        Travel travel = Travel.plan(UnitKind.UNIT_KIND_PATROL_CAR, START, target, 1.0);
        double v = UnitSpeeds.metresPerSecond(UnitKind.UNIT_KIND_PATROL_CAR);
        Travel.Step step = null;
        for (int i = 0; i < 10; i++) {
            step = travel.advance(1.0);
        }
        assertEquals(10 * v, GeoMath.distanceMetres(START, step.position()), 0.5);
        assertEquals(1000 - 10 * v, travel.remainingMetres(), 0.5);
        assertEquals(90, step.headingDegrees(), 0.1);
        assertEquals(v, step.speedMps(), 1e-9);
        assertFalse(step.arrived());
    }

    @Test
    void aJourneyAlongTheHubsRouteArrivesInTheRoutesTime() {
        Position corner = GeoMath.offset(START, 300, 0);
        Position target = GeoMath.offset(START, 300, 400);
        commandroom.v1.PlanRouteReply route = commandroom.v1.PlanRouteReply.newBuilder().setSeconds(70).setMetres(700)
                .addLine(START).addLine(corner).addLine(target).build();
        Travel travel = Travel.along(route, START, 1.0);
        int ticks = 0;
        Travel.Step step;
        do {
            step = travel.advance(1.0);
            ticks++;
        } while (!step.arrived() && ticks < 1000);
        // 700 m in 70 s: the 70th tick lands on the target; the 71st reports the arrival.
        assertTrue(ticks >= 70 && ticks <= 71, "ticks " + ticks);
        assertEquals(0, GeoMath.distanceMetres(step.position(), target), 0.01);
    }

    @Test
    void theSpeedFactorShortensTheJourneyButNotTheReportedSpeed() {
        Position target = GeoMath.offset(START, 0, 700);
        Travel travel = new Travel(START, List.of(target), 1.4, 10.0);
        int ticks = 0;
        Travel.Step step;
        do {
            step = travel.advance(1.0);
            ticks++;
            if (!step.arrived()) {
                assertEquals(1.4, step.speedMps());
            }
        } while (!step.arrived() && ticks < 1000);
        // 700 m at 1.4 m/s is 500 s of walking; ten times faster is 50 one-second ticks.
        assertEquals(50, ticks);
        assertEquals(0.0, step.speedMps());
        assertEquals(0, GeoMath.distanceMetres(step.position(), target), 0.01);
    }

    @Test
    void groundUnitsKeepToTheStreetGridWhileTheDroneFliesStraight() {
        Position target = GeoMath.offset(START, 300, 400);
        List<Position> street = Travel.route(UnitKind.UNIT_KIND_AUXILIARY_OFFICER, START, target);
        List<Position> air = Travel.route(UnitKind.UNIT_KIND_DRONE, START, target);
        assertEquals(2, street.size());
        assertEquals(List.of(target), air);
        assertEquals(700, new Travel(START, street, 4, 1).remainingMetres(), 1.0);
        assertEquals(500, new Travel(START, air, 15, 1).remainingMetres(), 1.0);
    }

    @Test
    void aStreetJourneyTurnsAtTheCornerAndArrivesOnTime() {
        Position target = GeoMath.offset(START, 200, -200);
        Travel travel = new Travel(START, Travel.route(UnitKind.UNIT_KIND_VOLUNTEER, START, target), 4, 1.0);
        Travel.Step first = travel.advance(10);
        assertEquals(90, first.headingDegrees(), 0.5);
        Travel.Step second = travel.advance(50);
        assertEquals(180, second.headingDegrees(), 0.5);
        assertFalse(second.arrived());
        // 400 m at 4 m/s takes 100 s: not there a second early, there a second late.
        assertFalse(travel.advance(39).arrived());
        Travel.Step last = travel.advance(2);
        assertTrue(last.arrived());
        assertEquals(0, GeoMath.distanceMetres(last.position(), target), 0.01);
    }

    @Test
    void aUnitAlreadyThereArrivesOnTheFirstTick() {
        Travel travel = Travel.plan(UnitKind.UNIT_KIND_PATROL_CAR, START, START, 1.0);
        assertTrue(travel.advance(1).arrived());
    }
}
