package commandroom.app.workspace.layout;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX side of the layout: reads the screens there are, puts a {@link Stage} where a
 * {@link Placement} says, and reads back where a stage actually is, for saving.
 *
 * <p>FX application thread only (each method checks).
 */
public final class WindowPlacer {

    private WindowPlacer() {}

    /** The screens there are now, in logical pixels, the primary first, then in JavaFX's order. */
    public static List<ScreenRect> currentScreens() {
        requireFxThread();
        Screen primary = Screen.getPrimary();
        List<ScreenRect> screens = new ArrayList<>();
        screens.add(rect(primary.getBounds()));
        for (Screen screen : Screen.getScreens()) {
            if (!screen.equals(primary)) {
                screens.add(rect(screen.getBounds()));
            }
        }
        return screens;
    }

    /**
     * Puts the stage on the placement's screen, before or after it is shown. A maximized placement
     * first gets the screen's visual bounds and then is maximized, so it covers the right screen
     * even where no window manager honours maximizing.
     */
    public static void apply(Stage stage, Placement placement) {
        requireFxThread();
        Screen screen = screenFor(placement.screen(), placement.bounds());
        if (placement.maximized()) {
            Rectangle2D visual = screen.getVisualBounds();
            stage.setMaximized(false);
            setBounds(stage, visual.getMinX(), visual.getMinY(), visual.getWidth(), visual.getHeight());
            stage.setMaximized(true);
        } else {
            stage.setMaximized(false);
            ScreenRect b = placement.bounds();
            setBounds(stage, b.x(), b.y(), b.width(), b.height());
        }
    }

    /**
     * Where a shown stage is now, to be saved: the screen it is on (the one its bounds overlap
     * most, {@link Screen#getScreensForRectangle}), its bounds and whether it is maximized.
     *
     * @param panels the panels the window holds now, in order
     */
    public static WindowLayout read(Stage stage, String windowId, List<String> panels) {
        requireFxThread();
        if (!stage.isShowing() || Double.isNaN(stage.getWidth()) || Double.isNaN(stage.getHeight())) {
            throw new IllegalStateException("window " + windowId + " is not shown");
        }
        ScreenRect bounds = new ScreenRect(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        Screen screen = screenFor(null, bounds);
        return new WindowLayout(windowId, panels, rect(screen.getBounds()), bounds, stage.isMaximized());
    }

    /** The screen with exactly these bounds if any, else the one {@code window} overlaps most, else the primary. */
    private static Screen screenFor(ScreenRect wanted, ScreenRect window) {
        if (wanted != null) {
            for (Screen screen : Screen.getScreens()) {
                if (rect(screen.getBounds()).sameAs(wanted)) {
                    return screen;
                }
            }
        }
        Screen best = Screen.getPrimary();
        double bestArea = 0;
        for (Screen screen : Screen.getScreensForRectangle(window.x(), window.y(), window.width(), window.height())) {
            double area = rect(screen.getBounds()).intersectionArea(window);
            if (area > bestArea) {
                best = screen;
                bestArea = area;
            }
        }
        return best;
    }

    private static void setBounds(Stage stage, double x, double y, double width, double height) {
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
    }

    private static ScreenRect rect(Rectangle2D r) {
        return new ScreenRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("WindowPlacer is for the FX application thread; called on "
                    + Thread.currentThread().getName());
        }
    }
}
