package commandroom.sim.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.sim.dispatch.NearestUnitChooser.Candidate;
import commandroom.sim.geo.GeoMath;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.UnitKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearestUnitChooserTest {
    private static final Position INCIDENT = GeoMath.position(30.5450, 119.9600);

    private static Candidate unit(String id, UnitKind kind, double eastMetres, int openTasks) {
        return new Candidate(id, kind, GeoMath.offset(INCIDENT, eastMetres, 0), false, openTasks);
    }

    @Test
    void theNearestAvailableUnitIsChosen() {
        List<Candidate> units = List.of(
                unit("u-far", UnitKind.UNIT_KIND_COMMUNITY_OFFICER, 900, 0),
                unit("u-near", UnitKind.UNIT_KIND_AUXILIARY_OFFICER, -300, 0),
                unit("u-mid", UnitKind.UNIT_KIND_PATROL_CAR, 500, 0));
        assertEquals("u-near", NearestUnitChooser.choose(units, INCIDENT, Priority.PRIORITY_NORMAL).orElseThrow().unitId());
    }

    @Test
    void withTheHubsTravelTimesTheQuickestByRoadGoesNotTheNearestByAir() {
        List<Candidate> units = List.of(
                unit("u-near", UnitKind.UNIT_KIND_VOLUNTEER, -300, 0),
                unit("u-car", UnitKind.UNIT_KIND_PATROL_CAR, 1000, 0),
                unit("u-drone", UnitKind.UNIT_KIND_DRONE, 100, 0));
        java.util.Map<String, Double> seconds = java.util.Map.of("u-near", 216.0, "u-car", 72.0, "u-drone", 7.0);
        assertEquals("u-car", NearestUnitChooser.choose(units, Priority.PRIORITY_NORMAL, c -> seconds.get(c.unitId()))
                .orElseThrow().unitId(), "the drone only goes to urgent incidents");
        assertEquals("u-drone", NearestUnitChooser.choose(units, Priority.PRIORITY_URGENT, c -> seconds.get(c.unitId()))
                .orElseThrow().unitId());
    }

    @Test
    void anAvailableUnitBeatsABusyOneThatIsNearer() {
        List<Candidate> units = List.of(
                unit("u-busy", UnitKind.UNIT_KIND_PATROL_CAR, 50, 1),
                unit("u-free", UnitKind.UNIT_KIND_VOLUNTEER, 1500, 0));
        assertEquals("u-free", NearestUnitChooser.choose(units, INCIDENT, Priority.PRIORITY_HIGH).orElseThrow().unitId());
    }

    @Test
    void whenEveryoneIsBusyTheLeastLoadedNearestUnitStillGetsTheJob() {
        List<Candidate> units = List.of(
                unit("u-two", UnitKind.UNIT_KIND_PATROL_CAR, 50, 2),
                unit("u-one-far", UnitKind.UNIT_KIND_VOLUNTEER, 1500, 1),
                unit("u-one-near", UnitKind.UNIT_KIND_VOLUNTEER, 700, 1));
        assertEquals("u-one-near",
                NearestUnitChooser.choose(units, INCIDENT, Priority.PRIORITY_NORMAL).orElseThrow().unitId());
    }

    @Test
    void theDroneIsSkippedUnlessTheIncidentIsUrgent() {
        List<Candidate> units = List.of(
                unit("u-drone1", UnitKind.UNIT_KIND_DRONE, 10, 0),
                unit("u-car1", UnitKind.UNIT_KIND_PATROL_CAR, 800, 0));
        assertEquals("u-car1", NearestUnitChooser.choose(units, INCIDENT, Priority.PRIORITY_HIGH).orElseThrow().unitId());
        assertEquals("u-drone1",
                NearestUnitChooser.choose(units, INCIDENT, Priority.PRIORITY_URGENT).orElseThrow().unitId());
    }

    @Test
    void offDutyUnitsAndUnitsWithoutAPositionAreNeverSent() {
        List<Candidate> units = List.of(
                new Candidate("u-off", UnitKind.UNIT_KIND_PATROL_CAR, INCIDENT, true, 0),
                new Candidate("u-lost", UnitKind.UNIT_KIND_PATROL_CAR, null, false, 0),
                unit("u-drone1", UnitKind.UNIT_KIND_DRONE, 10, 0));
        assertTrue(NearestUnitChooser.choose(units, INCIDENT, Priority.PRIORITY_NORMAL).isEmpty());
        assertTrue(NearestUnitChooser.choose(List.of(), INCIDENT, Priority.PRIORITY_URGENT).isEmpty());
    }

    @Test
    void equallyNearUnitsAreTakenInIdOrder() {
        List<Candidate> units = List.of(
                unit("u-b", UnitKind.UNIT_KIND_VOLUNTEER, 200, 0),
                unit("u-a", UnitKind.UNIT_KIND_VOLUNTEER, 200, 0));
        assertEquals("u-a", NearestUnitChooser.choose(units, INCIDENT, Priority.PRIORITY_LOW).orElseThrow().unitId());
    }
}
