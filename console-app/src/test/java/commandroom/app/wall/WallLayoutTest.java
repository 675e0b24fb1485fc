package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every layout covers its grid exactly once, with the tile counts a duty officer asks for. */
class WallLayoutTest {

    @Test
    void eachLayoutHasItsTileCountAndCoversItsGridExactlyOnce() {
        int[] expected = {1, 4, 9, 16, 25, 36, 6, 8, 13};
        WallLayout[] layouts = WallLayout.values();
        for (int i = 0; i < layouts.length; i++) {
            WallLayout l = layouts[i];
            assertEquals(expected[i], l.tiles(), l.id());
            Set<Integer> covered = new HashSet<>();
            for (WallLayout.Cell c : l.cells()) {
                for (int dx = 0; dx < c.span(); dx++) {
                    for (int dy = 0; dy < c.span(); dy++) {
                        assertEquals(true, covered.add((c.row() + dy) * l.grid() + c.column() + dx),
                                l.id() + ": a cell covered twice");
                    }
                }
            }
            assertEquals(l.grid() * l.grid(), covered.size(), l.id() + ": every cell covered");
            assertEquals(l, WallLayout.of(l.id()), "saved and restored by id");
        }
        assertEquals(WallLayout.GRID_4, WallLayout.of("unknown"));
    }
}
