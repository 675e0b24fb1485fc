package commandroom.app.workspace.layout;

import java.util.List;
import java.util.Objects;

/**
 * One workstation window as saved: its id, the panels it holds in order ("wall", "map", "board",
 * "review", "stats"; see {@link Panels}), the bounds of the screen it was on, its own bounds, and
 * whether it was maximized.
 *
 * <p>Immutable; any thread.
 */
public record WindowLayout(String windowId, List<String> panels, ScreenRect screen, ScreenRect bounds,
                           boolean maximized) {

    public WindowLayout {
        Objects.requireNonNull(windowId, "windowId");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(bounds, "bounds");
        panels = List.copyOf(panels);
    }
}
