package commandroom.app.workspace.layout;

import java.util.List;
import java.util.Objects;

/**
 * Where one window goes now: the panels it holds, the current screen it belongs on, its bounds
 * (inside that screen) and whether to maximize it on that screen.
 *
 * <p>Immutable; any thread.
 */
public record Placement(String windowId, List<String> panels, ScreenRect screen, ScreenRect bounds,
                        boolean maximized) {

    public Placement {
        Objects.requireNonNull(windowId, "windowId");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(bounds, "bounds");
        panels = List.copyOf(panels);
    }

    /** What to save for this window if the user leaves it where it was placed. */
    public WindowLayout toWindowLayout() {
        return new WindowLayout(windowId, panels, screen, bounds, maximized);
    }
}
