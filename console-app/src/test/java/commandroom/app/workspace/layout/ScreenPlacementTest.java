package commandroom.app.workspace.layout;

import static commandroom.app.workspace.layout.DefaultLayoutsTest.FOUR;
import static commandroom.app.workspace.layout.DefaultLayoutsTest.ONE;
import static commandroom.app.workspace.layout.DefaultLayoutsTest.THREE;
import static commandroom.app.workspace.layout.DefaultLayoutsTest.TWO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScreenPlacementTest {

    private static WorkspaceLayout layout(WindowLayout... windows) {
        return new WorkspaceLayout(List.of(windows), Map.of());
    }

    private static WindowLayout window(String id, ScreenRect screen, ScreenRect bounds, boolean maximized,
                                       String... panels) {
        return new WindowLayout(id, List.of(panels), screen, bounds, maximized);
    }

    private static Placement placement(String id, ScreenRect screen, ScreenRect bounds, boolean maximized,
                                       String... panels) {
        return new Placement(id, List.of(panels), screen, bounds, maximized);
    }

    @Test
    void theDefaultLayoutIsPlacedAsItIs() {
        List<ScreenRect> screens = List.of(ONE, TWO, THREE, FOUR);
        WorkspaceLayout defaults = DefaultLayouts.forRole("STATION_CHIEF", screens);

        List<Placement> placed = ScreenPlacement.place(defaults, screens);

        assertEquals(defaults.windows(), placed.stream().map(Placement::toWindowLayout).toList());
    }

    @Test
    void onTheSameScreensEveryWindowGoesBackToItsScreenAtItsSavedBounds() {
        ScreenRect small = new ScreenRect(2120, 100, 800, 600);
        WorkspaceLayout saved = layout(
                window("window-1", ONE, ONE, true, "board"),
                window("window-2", TWO, small, false, "review", "stats"));

        assertEquals(List.of(
                placement("window-1", ONE, ONE, true, "board"),
                placement("window-2", TWO, small, false, "review", "stats")),
                ScreenPlacement.place(saved, List.of(ONE, TWO)));
    }

    @Test
    void reorderedScreensKeepEachWindowOnItsOwnScreen() {
        WorkspaceLayout saved = layout(
                window("window-1", ONE, ONE, true, "board"),
                window("window-2", TWO, TWO, true, "review"));

        // The second monitor is now the primary.
        assertEquals(List.of(
                placement("window-1", ONE, ONE, true, "board"),
                placement("window-2", TWO, TWO, true, "review")),
                ScreenPlacement.place(saved, List.of(TWO, ONE)));
    }

    @Test
    void theWindowOfAnUnpluggedScreenJoinsTheWindowOnThePrimary() {
        WorkspaceLayout saved = layout(
                window("window-1", ONE, ONE, true, "board"),
                window("window-2", TWO, TWO, true, "review", "stats"));

        assertEquals(List.of(placement("window-1", ONE, ONE, true, "board", "review", "stats")),
                ScreenPlacement.place(saved, List.of(ONE)));
    }

    @Test
    void onFourScreensOnlyTheUnpluggedScreensWindowMoves() {
        WorkspaceLayout saved = layout(
                window("window-1", ONE, ONE, true, "board"),
                window("window-2", TWO, TWO, true, "review"),
                window("window-3", THREE, THREE, true, "stats"));

        assertEquals(List.of(
                placement("window-1", ONE, ONE, true, "board", "stats"),
                placement("window-2", TWO, TWO, true, "review")),
                ScreenPlacement.place(saved, List.of(ONE, TWO, FOUR)));
    }

    @Test
    void aWindowAloneOnAnUnpluggedScreenComesBackOnThePrimaryAtTheSameOffsetInsideIt() {
        WorkspaceLayout saved = layout(window("window-2", TWO, new ScreenRect(2020, 50, 800, 600), false, "map"));

        assertEquals(List.of(placement("window-2", ONE, new ScreenRect(100, 50, 800, 600), false, "map")),
                ScreenPlacement.place(saved, List.of(ONE)));
    }

    @Test
    void aWindowNearTheFarEdgeOfAnUnpluggedLargerScreenIsPushedBackInsideThePrimary() {
        ScreenRect wide = new ScreenRect(1920, 0, 3840, 2160);
        WorkspaceLayout saved = layout(window("window-2", wide, new ScreenRect(4800, 1800, 900, 300), false, "map"));

        assertEquals(List.of(placement("window-2", ONE, new ScreenRect(1020, 780, 900, 300), false, "map")),
                ScreenPlacement.place(saved, List.of(ONE)));
    }

    @Test
    void aWindowBiggerThanTheRemainingScreenIsShrunkToFitIt() {
        ScreenRect uhd = new ScreenRect(1920, 0, 3840, 2160);
        WorkspaceLayout saved = layout(window("window-2", uhd, new ScreenRect(2000, 100, 3000, 2000), false, "review"));
        ScreenRect small = new ScreenRect(0, 0, 1280, 720);

        assertEquals(List.of(placement("window-2", small, small, false, "review")),
                ScreenPlacement.place(saved, List.of(small)));
    }

    @Test
    void aScreenThatChangedResolutionKeepsItsWindowClampedInsideIt() {
        ScreenRect smaller = new ScreenRect(1920, 0, 1280, 720);
        WorkspaceLayout saved = layout(
                window("window-1", ONE, ONE, true, "board"),
                window("window-2", TWO, new ScreenRect(2620, 100, 1000, 700), false, "review"));

        assertEquals(List.of(
                placement("window-1", ONE, ONE, true, "board"),
                placement("window-2", smaller, new ScreenRect(2200, 20, 1000, 700), false, "review")),
                ScreenPlacement.place(saved, List.of(ONE, smaller)));
    }

    @Test
    void twoWindowsTheUserPutOnOneScreenStayTwoWindows() {
        ScreenRect left = new ScreenRect(0, 0, 960, 1080);
        ScreenRect right = new ScreenRect(960, 0, 960, 1080);
        WorkspaceLayout saved = layout(
                window("window-1", ONE, left, false, "board"),
                window("window-2", ONE, right, false, "review"));

        assertEquals(List.of(
                placement("window-1", ONE, left, false, "board"),
                placement("window-2", ONE, right, false, "review")),
                ScreenPlacement.place(saved, List.of(ONE, TWO)));
    }

    @Test
    void noPanelIsLostWhenEveryScreenButThePrimaryIsGone() {
        WorkspaceLayout saved = layout(
                window("window-1", ONE, ONE, true, "wall"),
                window("window-2", TWO, TWO, true, "map"),
                window("window-3", THREE, THREE, true, "board", "review"),
                window("window-4", FOUR, FOUR, true, "stats"));

        List<Placement> placed = ScreenPlacement.place(saved, List.of(ONE));

        assertEquals(List.of(placement("window-1", ONE, ONE, true, "wall", "map", "board", "review", "stats")), placed);
    }

    @Test
    void windowsFromUnpluggedScreensShareOneWindowWhenThePrimaryHadNone() {
        WorkspaceLayout saved = layout(
                window("window-2", TWO, TWO, true, "map"),
                window("window-3", THREE, THREE, true, "board"));

        assertEquals(List.of(placement("window-2", ONE, ONE, true, "map", "board")),
                ScreenPlacement.place(saved, List.of(ONE)));
    }

    @Test
    void aPanelSavedTwiceIsPlacedOnceWhereItFirstAppears() {
        WorkspaceLayout saved = layout(
                window("window-1", ONE, ONE, true, "board", "board"),
                window("window-2", TWO, TWO, true, "board", "stats"),
                window("window-3", THREE, THREE, true));

        assertEquals(List.of(
                placement("window-1", ONE, ONE, true, "board"),
                placement("window-2", TWO, TWO, true, "stats")),
                ScreenPlacement.place(saved, List.of(ONE, TWO, THREE)));
    }

    @Test
    void anEmptyLayoutPlacesNothingAndNoScreenIsAnError() {
        assertTrue(ScreenPlacement.place(layout(), List.of(ONE)).isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> ScreenPlacement.place(layout(window("w", ONE, ONE, true, "board")), List.of()));
    }

    @Test
    void rectanglesClampIntoAScreenAndSurviveTheirTextForm() {
        assertEquals(new ScreenRect(0, 0, 1920, 1080), new ScreenRect(-50, -50, 4000, 3000).clampInto(ONE));
        assertEquals(new ScreenRect(1120, 480, 800, 600), new ScreenRect(1500, 900, 800, 600).clampInto(ONE));
        ScreenRect odd = new ScreenRect(-1920.5, 0.25, 1366, 768);
        assertEquals(odd, ScreenRect.parse(odd.format()));
        assertTrue(ONE.sameAs(new ScreenRect(0.2, 0, 1920.3, 1080)));
        assertThrows(IllegalArgumentException.class, () -> new ScreenRect(0, 0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ScreenRect(Double.NaN, 0, 10, 10));
    }
}
