package commandroom.app.workspace.layout;

import java.util.List;
import java.util.Map;

/**
 * A user's whole workspace: the windows and, opaque to this package, the task board's filter
 * (whatever string keys and values the board puts there; they are saved and restored as they are).
 *
 * <p>Immutable; any thread.
 */
public record WorkspaceLayout(List<WindowLayout> windows, Map<String, String> boardFilter) {

    public WorkspaceLayout {
        windows = List.copyOf(windows);
        boardFilter = Map.copyOf(boardFilter);
    }

    /** The same windows with another board filter. */
    public WorkspaceLayout withBoardFilter(Map<String, String> filter) {
        return new WorkspaceLayout(windows, filter);
    }
}
