package commandroom.app.board.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.EventApplier;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.GeoPoint;
import commandroom.app.testing.LocalTravel;
import commandroom.app.travel.TravelModel;
import commandroom.app.travel.TravelTime;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertTrue;
import commandroom.v1.Position;
import commandroom.v1.Road;
import commandroom.v1.Snapshot;
import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import commandroom.v1.UnitStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dispatch dialog ranks available units by travel time over the roads (GraphHopper over the
 * roads as OSM, as the hub routes), not by distance: a patrol car a kilometre down the main road
 * beats a volunteer 300 m away across the fields; a drone, first there but unable to take a case in
 * hand, comes after the people. Every unit gets minutes: one far from any road the straight line
 * at a walking pace, said so, and never ahead of a routed unit that is quicker.
 */
class DispatchRankingTest {

    private static final double LAT = 30.5;
    private static final double LON = 120.0;

    private static Position at(double east, double north) {
        return Position.newBuilder().setLatitude(LAT + north / 111_320)
                .setLongitude(LON + east / (111_320 * Math.cos(Math.toRadians(LAT)))).build();
    }

    @Test
    void theQuickestThereComesFirstAndSaysHowLong() throws Exception {
        ConsoleState state = new ConsoleState();
        new EventApplier(state).applySnapshot(Snapshot.newBuilder().setAsOfSequence(1)
                .addRoads(Road.newBuilder().setId("r1").setName("人民路").setRoadClass("primary")
                        .addLine(at(0, 0)).addLine(at(2000, 0)))
                .addUnits(Unit.newBuilder().setId("u-car").setName("巡逻车 1").setKind(UnitKind.UNIT_KIND_PATROL_CAR)
                        .setStatus(UnitStatus.UNIT_STATUS_AVAILABLE).setPosition(at(1000, 0)))
                .addUnits(Unit.newBuilder().setId("u-vol").setName("义警 王").setKind(UnitKind.UNIT_KIND_VOLUNTEER)
                        .setStatus(UnitStatus.UNIT_STATUS_AVAILABLE).setPosition(at(0, 300)))
                .addUnits(Unit.newBuilder().setId("u-drone").setName("无人机 1").setKind(UnitKind.UNIT_KIND_DRONE)
                        .setStatus(UnitStatus.UNIT_STATUS_AVAILABLE).setPosition(at(100, 100)))
                .build());
        Position p = at(0, 0);
        IncidentItem incident = new IncidentItem("I-1", "CALL_110", "URGENT", p.getLatitude(), p.getLongitude(),
                "人民路 1 号", "", "", "OPEN", Instant.EPOCH, 1);

        try (LocalTravel roads = new LocalTravel(state.roads().values())) {
            TravelModel travel = new TravelModel(state, roads, Runnable::run);
            Map<String, TravelTime> times = travel.arrivals(new GeoPoint(p.getLatitude(), p.getLongitude()),
                    state.units().values()).get();
            List<DispatchDialogViewModel.Candidate> byRoad = DispatchDialogViewModel.rank(incident,
                    state.units().values(), times);
            assertEquals(List.of("u-car", "u-vol", "u-drone"), byRoad.stream().map(c -> c.unit().id()).toList(),
                    "72 s down the main road against 216 s on foot across the field; the drone, there in 10 s, last");
            assertEquals(72, byRoad.get(0).seconds(), 0.5);
            // About a minute, and the straight-line distance (999 m on the sphere) beside it.
            assertEquals("巡逻车 1（约 1 分钟，999 米，空闲）", byRoad.get(0).label());
            assertEquals(216, byRoad.get(1).seconds(), 1);

            // The dialog shows the distances at once and the hub's ranking when it comes.
            DispatchDialogViewModel dialog = new DispatchDialogViewModel(incident, state.units().values(), travel, null);
            assertEquals(List.of("u-car", "u-vol", "u-drone"), dialog.candidates().stream().map(c -> c.unit().id())
                    .toList());
        }

        List<DispatchDialogViewModel.Candidate> straight = DispatchDialogViewModel.rank(incident,
                state.units().values(), null);
        assertEquals(List.of("u-vol", "u-car", "u-drone"), straight.stream().map(c -> c.unit().id()).toList(),
                "before the travel times come, the nearest first, drones still last");
        assertEquals("义警 王（300 米，空闲）", straight.get(0).label());
    }

    @Test
    void aUnitFarFromAnyRoadGetsMinutesSaysSoAndDoesNotJumpTheQueue() throws Exception {
        // The case: a volunteer 688 m away (no road near him) was offered above an
        // auxiliary officer 367 m away along the road, and a patrol car showed no minutes at all.
        ConsoleState state = new ConsoleState();
        new EventApplier(state).applySnapshot(Snapshot.newBuilder().setAsOfSequence(1)
                .addRoads(Road.newBuilder().setId("r1").setName("人民路").setRoadClass("primary")
                        .addLine(at(-3000, 0)).addLine(at(3000, 0)))
                .addRoads(Road.newBuilder().setId("r2").setName("解放街").setRoadClass("residential")
                        .addLine(at(0, -2000)).addLine(at(0, 2000)))
                .addUnits(Unit.newBuilder().setId("u-vol").setName("义警 张").setKind(UnitKind.UNIT_KIND_VOLUNTEER)
                        .setStatus(UnitStatus.UNIT_STATUS_AVAILABLE).setPosition(at(-486, 486)))
                .addUnits(Unit.newBuilder().setId("u-aux").setName("辅警 李").setKind(UnitKind.UNIT_KIND_AUXILIARY_OFFICER)
                        .setStatus(UnitStatus.UNIT_STATUS_AVAILABLE).setPosition(at(367, 0)))
                .addUnits(Unit.newBuilder().setId("u-car").setName("巡逻车 2").setKind(UnitKind.UNIT_KIND_PATROL_CAR)
                        .setStatus(UnitStatus.UNIT_STATUS_AVAILABLE).setPosition(at(0, 718)))
                .build());
        Position p = at(0, 0);
        IncidentItem incident = new IncidentItem("I-2", "CALL_110", "URGENT", p.getLatitude(), p.getLongitude(),
                "人民路与解放街口", "", "", "OPEN", Instant.EPOCH, 1);
        try (LocalTravel roads = new LocalTravel(state.roads().values())) {
            Map<String, TravelTime> times = new TravelModel(state, roads, Runnable::run)
                    .arrivals(new GeoPoint(p.getLatitude(), p.getLongitude()), state.units().values()).get();
            List<DispatchDialogViewModel.Candidate> ranked = DispatchDialogViewModel.rank(incident,
                    state.units().values(), times);
            // The auxiliary rides 367 m of main road (66 s), the car drives 718 m of side street
            // (103 s; 717 m on the sphere); the volunteer walks 688 m straight (495 s), offered last.
            assertEquals(List.of("u-aux", "u-car", "u-vol"), ranked.stream().map(c -> c.unit().id()).toList(),
                    ranked.toString());
            for (DispatchDialogViewModel.Candidate c : ranked) {
                assertTrue(c.timed() && c.seconds() > 0, "every unit gets minutes: " + c);
            }
            DispatchDialogViewModel.Candidate vol = ranked.get(2);
            assertTrue(vol.noRoad());
            assertTrue(vol.label().contains("附近无道路"), vol.label());
            assertTrue(ranked.get(1).label().startsWith("巡逻车 2（约 2 分钟，717 米"), ranked.get(1).label());
        }
    }
}
