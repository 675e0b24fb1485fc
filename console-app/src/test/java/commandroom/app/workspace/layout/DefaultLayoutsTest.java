package commandroom.app.workspace.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultLayoutsTest {

    static final ScreenRect ONE = new ScreenRect(0, 0, 1920, 1080);
    static final ScreenRect TWO = new ScreenRect(1920, 0, 1920, 1080);
    static final ScreenRect THREE = new ScreenRect(0, 1080, 1920, 1080);
    static final ScreenRect FOUR = new ScreenRect(1920, 1080, 1920, 1080);

    @Test
    void theChiefOnOneScreenGetsOneMaximizedWindowWithBoardReviewStatisticsAndCasework() {
        WorkspaceLayout layout = DefaultLayouts.forRole("STATION_CHIEF", List.of(ONE));

        assertEquals(List.of(new WindowLayout("window-1", List.of("board", "review", "stats", "disputes", "keypersons", "registry"), ONE, ONE, true)),
                layout.windows());
        assertTrue(layout.boardFilter().isEmpty());
    }

    @Test
    void theChiefOnTwoScreensGetsTheBoardOnThePrimaryAndTheRestOnTheOther() {
        WorkspaceLayout layout = DefaultLayouts.forRole("STATION_CHIEF", List.of(ONE, TWO));

        assertEquals(List.of(
                new WindowLayout("window-1", List.of("board"), ONE, ONE, true),
                new WindowLayout("window-2", List.of("review", "stats", "disputes", "keypersons", "registry"), TWO, TWO, true)), layout.windows());
    }

    @Test
    void theChiefOnFourScreensGetsOnePanelPerScreenCaseworkBesideTheLastAndTheFourthScreenStaysEmpty() {
        WorkspaceLayout layout = DefaultLayouts.forRole("STATION_CHIEF", List.of(ONE, TWO, THREE, FOUR));

        assertEquals(List.of(
                new WindowLayout("window-1", List.of("board"), ONE, ONE, true),
                new WindowLayout("window-2", List.of("review"), TWO, TWO, true),
                new WindowLayout("window-3", List.of("stats", "disputes", "keypersons", "registry"), THREE, THREE, true)), layout.windows());
    }

    @Test
    void theFirstPanelGoesOnThePrimaryWhereverThePrimaryIs() {
        WorkspaceLayout layout = DefaultLayouts.forRole("DUTY_OFFICER", List.of(TWO, ONE));

        assertEquals(List.of(
                new WindowLayout("window-1", List.of("wall"), TWO, TWO, true),
                new WindowLayout("window-2", List.of("map", "disputes"), ONE, ONE, true)), layout.windows());
    }

    @Test
    void theDutyOfficerOnOneScreenGetsWallMapAndDisputeFilesInOneWindow() {
        WorkspaceLayout layout = DefaultLayouts.forRole("DUTY_OFFICER", List.of(ONE));

        assertEquals(List.of(new WindowLayout("window-1", List.of("wall", "map", "disputes"), ONE, ONE, true)), layout.windows());
    }

    @Test
    void theShiftLeaderOnFourScreensGetsMapAndBoardOnTheFirstTwo() {
        WorkspaceLayout layout = DefaultLayouts.forRole("SHIFT_LEADER", List.of(ONE, TWO, THREE, FOUR));

        assertEquals(List.of(
                new WindowLayout("window-1", List.of("map"), ONE, ONE, true),
                new WindowLayout("window-2", List.of("board", "disputes"), TWO, TWO, true)), layout.windows());
    }

    @Test
    void anyOtherRoleGetsTheBoardOnThePrimaryOnly() {
        assertEquals(List.of(new WindowLayout("window-1", List.of("board"), ONE, ONE, true)),
                DefaultLayouts.forRole("AUDITOR", List.of(ONE, TWO)).windows());
        assertEquals(List.of("board"), DefaultLayouts.panelsOf(null));
    }

    @Test
    void withoutAnyScreenThereIsNoDefault() {
        assertThrows(IllegalArgumentException.class, () -> DefaultLayouts.forRole("STATION_CHIEF", List.of()));
    }
}
