package commandroom.app.ui;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * Shows a priority on a card's label: its name, and its colour through the pseudo-classes
 * :urgent, :high, :normal and :low on the style class {@code priority} (see console.css).
 * Pseudo-classes rather than style classes, because a style-class change makes JavaFX match the
 * node against the whole theme again, and cards are refilled on every board change. FX thread.
 */
public final class PriorityMark {

    private static final String[] CODES = {"URGENT", "HIGH", "NORMAL", "LOW"};
    private static final PseudoClass[] STATES = {PseudoClass.getPseudoClass("urgent"),
            PseudoClass.getPseudoClass("high"), PseudoClass.getPseudoClass("normal"), PseudoClass.getPseudoClass("low")};

    private PriorityMark() {}

    /** Prepares a label to show priorities. */
    public static void style(Label label) {
        label.getStyleClass().add("priority");
    }

    /** Shows this priority (a hub code such as URGENT) on a label prepared by {@link #style}. */
    public static void show(Label label, String priority) {
        label.setText(Messages.get("priority." + priority));
        for (int i = 0; i < CODES.length; i++) {
            label.pseudoClassStateChanged(STATES[i], CODES[i].equals(priority));
        }
    }
}
