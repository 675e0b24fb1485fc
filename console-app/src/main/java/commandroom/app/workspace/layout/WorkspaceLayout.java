package commandroom.app.workspace.layout;

import java.util.List;
import java.util.Map;

/**
 * A user's whole workspace: the windows and, opaque to this package, the task board's filter and
 * the panels' own state (a wall's layout and cameras; whatever string keys and values the panels
 * put there, saved and restored as they are).
 *
 * <p>Immutable; any thread.
 */
public record WorkspaceLayout(List<WindowLayout> windows, Map<String, String> boardFilter,
                              Map<String, String> panelState) {

    public WorkspaceLayout {
        windows = List.copyOf(windows);
        boardFilter = Map.copyOf(boardFilter);
        panelState = Map.copyOf(panelState);
    }

    /** Windows and a board filter, no panel state yet. */
    public WorkspaceLayout(List<WindowLayout> windows, Map<String, String> boardFilter) {
        this(windows, boardFilter, Map.of());
    }

    /** The same windows with another board filter. */
    public WorkspaceLayout withBoardFilter(Map<String, String> filter) {
        return new WorkspaceLayout(windows, filter, panelState);
    }

    /** The state a panel saved under a prefix (its keys without the prefix). */
    public Map<String, String> panelState(String prefix) {
        Map<String, String> out = new java.util.HashMap<>();
        panelState.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
