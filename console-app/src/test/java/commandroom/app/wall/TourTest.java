package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A tour's groups, its dwell floor, and its saved form. */
class TourTest {

    private final Tour tour = new Tour("城东", List.of("a", "b", "c", "d", "e"), 5);

    @Test
    void eachStepMovesOneGroupOnAndWrapsAround() {
        assertEquals(List.of("a", "b"), tour.atStep(0, 2));
        assertEquals(List.of("c", "d"), tour.atStep(1, 2));
        assertEquals(List.of("e", "a"), tour.atStep(2, 2));
        assertEquals(List.of("a", "b", "c", "d", "e"), tour.atStep(3, 9), "more tiles than cameras: all at once");
    }

    @Test
    void aDwellUnderThreeSecondsIsRefusedAndATourSurvivesTheSavedLayout() {
        assertThrows(IllegalArgumentException.class, () -> new Tour("x", List.of("a"), 2));
        assertThrows(IllegalArgumentException.class, () -> new Tour("", List.of("a"), 5));
        assertEquals(tour, Tour.parse(tour.format()));
    }
}
