package commandroom.app.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.app.model.StepClock;
import commandroom.app.model.TaskItem;
import commandroom.app.model.TaskStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The board's order and filters, without the toolkit. */
class BoardViewModelTest {

    @Test
    void overdueCardsComeFirstThenTheSoonestClock() {
        TaskItem later = task("T-1", "z1", false, 300);
        TaskItem sooner = task("T-2", "z1", false, 100);
        TaskItem late = task("T-3", "z1", true, 500);
        List<TaskItem> cards = new ArrayList<>(List.of(later, sooner, late));
        cards.sort(BoardViewModel.URGENCY);
        assertEquals(List.of("T-3", "T-2", "T-1"), cards.stream().map(TaskItem::id).toList());
    }

    @Test
    void filterByZoneOverdueAndSearchAndItSurvivesTheSavedLayout() {
        BoardFilter f = new BoardFilter(null, "z2", null, null, null, true, "李");
        assertEquals(f, BoardFilter.fromMap(f.toMap()), "the filter round-trips through the saved layout");
        TaskItem match = task("T-9", "z2", true, 10);
        assertEquals(true, f.accepts(match, directory("李明")));
        assertEquals(false, f.accepts(task("T-8", "z1", true, 10), directory("李明")), "other zone");
        assertEquals(false, f.accepts(task("T-7", "z2", false, 10), directory("李明")), "not overdue");
        assertEquals(false, f.accepts(match, directory("王强")), "search matches no unit, id or instruction");
        assertEquals(true, BoardFilter.ALL.accepts(match, directory("")));
        assertEquals(Map.of("overdue", "false", "search", ""), BoardFilter.ALL.toMap());
    }

    @Test
    void filterByStationAndAssigneeAndItSurvivesTheSavedLayout() {
        BoardFilter f = new BoardFilter("s-west", null, null, null, "u1", false, "");
        assertEquals(f, BoardFilter.fromMap(f.toMap()));
        assertEquals(true, f.accepts(task("T-1", "z2", false, 10), directory("李明")), "u1 in a zone of s-west");
        assertEquals(false, f.accepts(task("T-2", "z1", false, 10), directory("李明")), "a zone of another station");
        BoardFilter other = new BoardFilter(null, null, null, null, "u2", false, "");
        assertEquals(false, other.accepts(task("T-1", "z2", false, 10), directory("李明")), "held by u1 only");
        assertEquals(false, new BoardFilter("nowhere", null, null, null, null, false, "")
                .accepts(task("T-3", "z9", false, 10), directory("")), "a zone the console does not know");
    }

    /** Units all named the same; zone z2 in station s-west, z1 in s-east, others unknown. */
    private static BoardFilter.Directory directory(String unitName) {
        return new BoardFilter.Directory() {
            @Override
            public String unitName(String unitId) {
                return unitName;
            }

            @Override
            public String stationOf(String zoneId) {
                return switch (zoneId) {
                    case "z2" -> "s-west";
                    case "z1" -> "s-east";
                    default -> null;
                };
            }
        };
    }

    private static TaskItem task(String id, String zone, boolean overdue, long dueSeconds) {
        return new TaskItem(id, "RESPOND", "I-1", "CALL_110", "HIGH", List.of("u1"), zone, "到场", TaskStage.DISPATCHED, 1,
                List.of(new StepClock("SIGN_FOR", Instant.ofEpochSecond(dueSeconds), overdue, null)), 0,
                Instant.EPOCH, "", "", List.of());
    }
}
