package commandroom.app.workspace.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The layout a user gets when nothing is saved: which panels a role works with, spread over the
 * screens there are.
 *
 * <ul>
 *   <li>{@code DUTY_OFFICER}: wall, map. {@code SHIFT_LEADER}: map, board.
 *       {@code STATION_CHIEF}: board, review, stats. Any other role: board.</li>
 *   <li>Casework panels claim no screen of their own: they join the last window as tabs (duty
 *       officer and shift leader: dispute files; chief: dispute files, the key persons
 *       register and the registry; the IT administrator: the registry and the accounts).</li>
 *   <li>Several screens: one maximized window per screen, the role's panels in order, the first
 *       on the primary ({@code screens.get(0)}). When there are more panels than screens the last
 *       screen holds the rest; screens beyond the panels get no window.</li>
 *   <li>One screen: one maximized window holding all the role's panels (the view shows them as
 *       tabs or split panes).</li>
 * </ul>
 *
 * <p>Window ids are {@code window-1}, {@code window-2}, ... by screen. Pure; any thread.
 */
public final class DefaultLayouts {

    private DefaultLayouts() {}

    /** The panels of a role, in order of importance: those that claim a screen, then the casework. */
    public static List<String> panelsOf(String role) {
        List<String> all = new ArrayList<>(screenPanelsOf(role));
        all.addAll(caseworkOf(role));
        return List.copyOf(all);
    }

    /** The panels that each claim a screen while there are screens. */
    private static List<String> screenPanelsOf(String role) {
        return switch (role == null ? "" : role) {
            case "DUTY_OFFICER" -> List.of(Panels.WALL, Panels.MAP);
            case "SHIFT_LEADER" -> List.of(Panels.MAP, Panels.BOARD);
            case "STATION_CHIEF" -> List.of(Panels.BOARD, Panels.REVIEW, Panels.STATS);
            default -> List.of(Panels.BOARD);
        };
    }

    /** The casework panels of a role: tabs in the last window. */
    public static List<String> caseworkOf(String role) {
        return switch (role == null ? "" : role) {
            case "DUTY_OFFICER", "SHIFT_LEADER" -> List.of(Panels.DISPUTES);
            case "STATION_CHIEF" -> List.of(Panels.DISPUTES, Panels.KEY_PERSONS, Panels.REGISTRY);
            case "ADMIN" -> List.of(Panels.REGISTRY, Panels.ACCOUNTS);
            default -> List.of();
        };
    }

    /**
     * @param screens the current screens, primary first (never empty)
     */
    public static WorkspaceLayout forRole(String role, List<ScreenRect> screens) {
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("no screen");
        }
        List<String> panels = screenPanelsOf(role);
        int used = Math.min(panels.size(), screens.size());
        List<WindowLayout> windows = new ArrayList<>(used);
        for (int i = 0; i < used; i++) {
            List<String> own = new ArrayList<>(i < used - 1 ? List.of(panels.get(i)) : panels.subList(i, panels.size()));
            if (i == used - 1) {
                own.addAll(caseworkOf(role));
            }
            ScreenRect screen = screens.get(i);
            windows.add(new WindowLayout("window-" + (i + 1), own, screen, screen, true));
        }
        return new WorkspaceLayout(windows, Map.of());
    }
}
