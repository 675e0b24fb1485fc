package commandroom.app.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.model.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outline being edited: corners moved, added and removed, and a ring that crosses itself found. */
class OutlineEditTest {

    private static final List<GeoPoint> SQUARE = List.of(new GeoPoint(30.54, 119.96), new GeoPoint(30.54, 119.97),
            new GeoPoint(30.55, 119.97), new GeoPoint(30.55, 119.96));

    @Test
    void aSquareIsSimpleAndABowTieCrossesOnItsTwoLongEdges() {
        OutlineEdit edit = new OutlineEdit(SQUARE);
        assertNull(edit.crossing(), "edges that only share a corner do not cross");
        assertFalse(edit.changed());
        // The south-west corner pulled east of the east edge: edge 4 (north-west to it) crosses edge 2.
        edit.move(0, new GeoPoint(30.545, 119.975));
        assertArrayEquals(new int[] {2, 4}, edit.crossing(), "the west edge now crosses the east one");
        assertTrue(edit.changed());
    }

    @Test
    void aCornerIsAddedOnAnEdgeAndARingKeepsThree() {
        OutlineEdit edit = new OutlineEdit(SQUARE.subList(0, 3));
        assertEquals(3, edit.corners().size());
        assertFalse(edit.remove(0), "three corners is the least");
        int added = edit.addOn(2, edit.middle(2));
        assertEquals(3, added);
        assertEquals(new GeoPoint(30.545, 119.965), edit.corners().get(3));
        assertTrue(edit.remove(3));
        assertFalse(edit.changed(), "back to the three it had");
    }
}
