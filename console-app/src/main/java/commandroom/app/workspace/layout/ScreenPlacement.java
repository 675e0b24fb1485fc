package commandroom.app.workspace.layout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides where the windows of a saved layout go on the screens there are now.
 *
 * <ol>
 *   <li>A window whose saved screen is still there (same bounds, in any order) goes back to it at
 *       its saved bounds. Failing that, a window goes to the screen that overlaps its saved bounds
 *       most (the screen changed resolution), its bounds clamped inside.</li>
 *   <li>A window that overlaps no current screen (its screen was unplugged) goes to the primary,
 *       {@code screens.get(0)}, keeping its offset from its old screen's corner, shrunk to the
 *       primary if larger and moved inside it.</li>
 *   <li>On each screen, windows that were saved on that very screen stay separate windows (the
 *       user put them there). Windows that arrived from another screen are merged into the first
 *       window on that screen: their panels are appended to it, in saved order.</li>
 *   <li>No panel is lost: every panel of the saved layout is in exactly one placement (a panel
 *       saved twice is kept where it appears first). Windows without panels are dropped.</li>
 * </ol>
 *
 * <p>An empty result means there is nothing to restore: use {@link DefaultLayouts}. Pure; any thread.
 */
public final class ScreenPlacement {

    private ScreenPlacement() {}

    /**
     * @param saved the layout as saved (or as made by {@link DefaultLayouts})
     * @param screens the current screens, primary first (never empty)
     */
    public static List<Placement> place(WorkspaceLayout saved, List<ScreenRect> screens) {
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("no screen");
        }
        Set<String> seenPanels = new HashSet<>();
        // Per landing screen (by index), the windows landing there, in saved order.
        Map<Integer, List<Landing>> byScreen = new LinkedHashMap<>();
        for (int order = 0; order < saved.windows().size(); order++) {
            WindowLayout window = saved.windows().get(order);
            List<String> panels = new ArrayList<>();
            for (String panel : window.panels()) {
                if (seenPanels.add(panel)) {
                    panels.add(panel);
                }
            }
            if (panels.isEmpty()) {
                continue;
            }
            Landing landing = land(order, window, panels, screens);
            byScreen.computeIfAbsent(landing.screenIndex, k -> new ArrayList<>()).add(landing);
        }

        List<Landing> kept = new ArrayList<>();
        for (List<Landing> group : byScreen.values()) {
            Landing host = group.stream().filter(l -> l.home).findFirst().orElse(group.get(0));
            for (Landing landing : group) {
                if (landing == host || landing.home) {
                    kept.add(landing);
                } else {
                    host.panels.addAll(landing.panels);
                }
            }
        }
        kept.sort((a, b) -> Integer.compare(a.order, b.order));
        return kept.stream().map(l -> new Placement(l.windowId, l.panels, screens.get(l.screenIndex), l.bounds,
                l.maximized)).toList();
    }

    private static Landing land(int order, WindowLayout window, List<String> panels, List<ScreenRect> screens) {
        for (int i = 0; i < screens.size(); i++) {
            if (screens.get(i).sameAs(window.screen())) {
                return new Landing(order, window, panels, i, true, window.bounds().clampInto(screens.get(i)));
            }
        }
        int best = -1;
        double bestArea = 0;
        for (int i = 0; i < screens.size(); i++) {
            double area = screens.get(i).intersectionArea(window.bounds());
            if (area > bestArea) {
                best = i;
                bestArea = area;
            }
        }
        if (best >= 0) {
            return new Landing(order, window, panels, best, false, window.bounds().clampInto(screens.get(best)));
        }
        ScreenRect primary = screens.get(0);
        ScreenRect moved = window.bounds().moveBetween(window.screen(), primary).clampInto(primary);
        return new Landing(order, window, panels, 0, false, moved);
    }

    /** A window on the screen it lands on; {@code home} when that is the screen it was saved on. */
    private static final class Landing {
        final int order;
        final String windowId;
        final List<String> panels;
        final int screenIndex;
        final boolean home;
        final ScreenRect bounds;
        final boolean maximized;

        Landing(int order, WindowLayout window, List<String> panels, int screenIndex, boolean home, ScreenRect bounds) {
            this.order = order;
            this.windowId = window.windowId();
            this.panels = panels;
            this.screenIndex = screenIndex;
            this.home = home;
            this.bounds = bounds;
            this.maximized = window.maximized();
        }
    }
}
