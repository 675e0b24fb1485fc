package commandroom.app.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * Labels and buttons whose words the layout cut off: the skin shows "…" where the text did not fit.
 * Cells are left out (a long address in a list is data, and the list scrolls or shows it in full
 * elsewhere); a label or a button is the interface's own words and must be read whole. FX thread.
 */
public final class CutOffText {

    private CutOffText() {}

    /** Every cut-off label or button in the showing windows: "window title: shown ⟵ whole". */
    public static List<String> inShowingWindows() {
        List<String> found = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null) {
                walk(w.getScene().getRoot(), found);
            }
        }
        return found;
    }

    /** Every cut-off label or button under a node. */
    public static List<String> under(Node root) {
        List<String> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && !(node instanceof Cell<?>)
                && (node instanceof Label || node instanceof ButtonBase) && !labeled.isWrapText()) {
            String whole = labeled.getText();
            String shown = shownText(labeled);
            if (whole != null && !whole.isEmpty() && shown != null && !shown.equals(whole)
                    && (shown.endsWith("…") || shown.endsWith("...") || shown.contains("…"))) {
                found.add(describe(labeled) + ": \"" + shown + "\" of \"" + whole + "\"");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, found);
            }
        }
    }

    /** The text node the skin draws (LabeledText), or null before the skin is made. */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text) {
                return text.getText();
            }
        }
        return null;
    }

    private static String describe(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName();
        Parent p = n.getParent();
        for (int i = 0; i < 3 && p != null && p.getId() == null; i++) {
            p = p.getParent();
        }
        return (p != null && p.getId() != null ? "#" + p.getId() + " " : "") + id;
    }
}
