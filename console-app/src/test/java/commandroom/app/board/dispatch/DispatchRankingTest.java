package commandroom.app.board.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.EventApplier;
import commandroom.app.model.IncidentItem;
import commandroom.app.travel.TravelModel;
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
 * The dispatch dialog ranks available units by travel time over the roads, not by distance: a
 * patrol car a kilometre down the main road beats a volunteer 300 m away across the fields; a drone,
 * first there but unable to take a case in hand, comes after the people.
 */
class DispatchRankingTest {

    private static final double LAT = 30.5;
    private static final double LON = 120.0;

    private static Position at(double east, double north) {
        return Position.newBuilder().setLatitude(LAT + north / 111_320)
                .setLongitude(LON + east / (111_320 * Math.cos(Math.toRadians(LAT)))).build();
    }

    @Test
    void theQuickestThereComesFirstAndSaysHowLong() {
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

        List<DispatchDialogViewModel.Candidate> byRoad = DispatchDialogViewModel.rank(incident,
                state.units().values(), new TravelModel(state));
        assertEquals(List.of("u-car", "u-vol", "u-drone"), byRoad.stream().map(c -> c.unit().id()).toList(),
                "72 s down the main road against 216 s on foot across the field; the drone, there in 10 s, last");
        assertEquals(72, byRoad.get(0).seconds(), 0.5);
        // About a minute, and the straight-line distance (999 m on the sphere) beside it.
        assertEquals("巡逻车 1（约 1 分钟，999 米，空闲）", byRoad.get(0).label());

        List<DispatchDialogViewModel.Candidate> straight = DispatchDialogViewModel.rank(incident,
                state.units().values(), null);
        assertEquals(List.of("u-vol", "u-car", "u-drone"), straight.stream().map(c -> c.unit().id()).toList(),
                "without travel times, the nearest first, drones still last");
    }
}
