package commandroom.sim.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.sim.geo.GeoMath;
import commandroom.v1.Event;
import commandroom.v1.FeedbackSubmitted;
import commandroom.v1.Snapshot;
import commandroom.v1.Task;
import commandroom.v1.TaskClosed;
import commandroom.v1.TaskDispatched;
import commandroom.v1.TaskReturned;
import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import commandroom.v1.UnitPositionReported;
import commandroom.v1.UnitStatus;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UnitBoardTest {

    private static UnitBoard board() {
        UnitBoard board = new UnitBoard();
        board.apply(Snapshot.newBuilder()
                .addUnits(Unit.newBuilder().setId("u-a").setKind(UnitKind.UNIT_KIND_VOLUNTEER)
                        .setPosition(GeoMath.position(30.54, 119.96)).setStatus(UnitStatus.UNIT_STATUS_AVAILABLE))
                .addUnits(Unit.newBuilder().setId("u-off").setKind(UnitKind.UNIT_KIND_PATROL_CAR)
                        .setStatus(UnitStatus.UNIT_STATUS_OFF_DUTY))
                .build());
        return board;
    }

    private static Map<String, NearestUnitChooser.Candidate> candidates(UnitBoard board) {
        return board.candidates().stream().collect(Collectors.toMap(NearestUnitChooser.Candidate::unitId, c -> c));
    }

    @Test
    void aUnitIsBusyFromDispatchUntilItsFeedbackAndAgainWhenReturned() {
        UnitBoard board = board();
        Task task = Task.newBuilder().setId("T-1").setIncidentId("I-1").addAssigneeUnitIds("u-a").build();
        board.apply(Event.newBuilder().setSequence(5).setTaskDispatched(TaskDispatched.newBuilder().setTask(task)).build());
        assertEquals(1, candidates(board).get("u-a").openTasks());
        board.apply(Event.newBuilder().setSequence(6)
                .setFeedbackSubmitted(FeedbackSubmitted.newBuilder().setTaskId("T-1")).build());
        assertEquals(0, candidates(board).get("u-a").openTasks());
        board.apply(Event.newBuilder().setSequence(7).setTaskReturned(TaskReturned.newBuilder().setTaskId("T-1")).build());
        assertEquals(1, candidates(board).get("u-a").openTasks());
        board.apply(Event.newBuilder().setSequence(8).setTaskClosed(TaskClosed.newBuilder().setTaskId("T-1")).build());
        assertEquals(0, candidates(board).get("u-a").openTasks());
    }

    @Test
    void aUnitChosenForADispatchInFlightCountsAsBusyUntilTheHubAnswers() {
        UnitBoard board = board();
        board.choosing("I-9", "u-a");
        assertEquals(1, candidates(board).get("u-a").openTasks());
        board.dispatched(Task.newBuilder().setId("T-9").setIncidentId("I-9").addAssigneeUnitIds("u-a").build());
        assertEquals(1, candidates(board).get("u-a").openTasks());
        board.chosenInVain("I-10");
        assertEquals(1, candidates(board).get("u-a").openTasks());
    }

    @Test
    void reportedPositionsMoveUnitsAndOffDutyUnitsAreMarked() {
        UnitBoard board = board();
        board.apply(Event.newBuilder().setSequence(3).setUnitPositionReported(UnitPositionReported.newBuilder()
                .setUnitId("u-a").setPosition(GeoMath.position(30.55, 119.97))).build());
        assertEquals(30.55, candidates(board).get("u-a").position().getLatitude(), 1e-9);
        assertTrue(candidates(board).get("u-off").offDuty());
        assertEquals(null, candidates(board).get("u-off").position());
    }
}
