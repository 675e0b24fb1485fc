package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The order in which a falling-behind wall shows fewer pictures, and gives them back. */
class PaintBudgetTest {

    private static final int H = PaintBudget.HALF;
    private static final int P = PaintBudget.PAUSED;
    private static final int F = PaintBudget.FULL;

    @Test
    void slowSecondsHoldBackTheLastTilesFirstAndAlarmTilesLast() {
        PaintBudget b = new PaintBudget();
        boolean[] alarm = {true, false, false, false};
        boolean[] playing = {true, true, true, true};
        assertFalse(b.second(55, 4), "a good second changes nothing");
        assertTrue(b.second(18, 4));
        assertArrayEquals(new int[] {F, F, F, H}, b.intervals(alarm, playing), "the last tile at half rate");
        b.second(19, 4);
        assertArrayEquals(new int[] {F, F, F, P}, b.intervals(alarm, playing), "then paused");
        for (int i = 0; i < 4; i++) {
            b.second(10, 4);
        }
        assertArrayEquals(new int[] {F, P, P, P}, b.intervals(alarm, playing), "the alarm tile is still whole");
        b.second(10, 4);
        assertArrayEquals(new int[] {H, P, P, P}, b.intervals(alarm, playing), "and held back last");
        for (int i = 0; i < 5; i++) {
            b.second(5, 4);
        }
        assertEquals(8, b.steps(), "never more than two steps a tile");

        b.second(45, 4);
        b.second(45, 4);
        assertEquals(8, b.steps(), "room must last " + PaintBudget.CALM_SECONDS + " seconds");
        b.second(45, 4);
        assertEquals(7, b.steps(), "then a step comes back");
        b.second(45, 4);
        b.second(30, 4);
        b.second(45, 4);
        b.second(45, 4);
        assertEquals(7, b.steps(), "a middling second starts the count again");
        b.second(45, 4);
        assertEquals(6, b.steps());
    }

    @Test
    void aTileThatIsNotPlayingIsNeverHeldBack() {
        PaintBudget b = new PaintBudget();
        b.second(10, 3);
        boolean[] playing = {true, true, false};
        assertArrayEquals(new int[] {F, H, F}, b.intervals(new boolean[3], playing),
                "the offline last tile keeps saying so; the one before it is held back instead");
        b.second(10, 3);
        b.second(10, 3);
        assertArrayEquals(new int[] {H, P, F}, b.intervals(new boolean[3], playing));
    }
}
