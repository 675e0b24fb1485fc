package commandroom.app.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * How a record reads in a panel (a dispute file, a person on the register): a grid of named facts
 * and titled sections. Style classes: case-fact (the names), section-title. FX thread only.
 */
public final class FactSheet {

    private FactSheet() {}

    /** An empty grid of facts. */
    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(8);
        return grid;
    }

    /** One fact: its name (a message key) and its value, which wraps. */
    public static void row(GridPane grid, int row, String key, String value) {
        Label name = new Label(Messages.get(key));
        name.getStyleClass().add("case-fact");
        Label v = new Label(value);
        v.setWrapText(true);
        grid.addRow(row, name, v);
    }

    /** A section's title (a message key). */
    public static Label section(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("section-title");
        return l;
    }
}
