package commandroom.app.testing;

import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import org.testfx.api.FxRobot;

/**
 * Picks an item of a combo box as a user does: opens it and clicks the item in its popup. A bare
 * {@code clickOn("城东警务区")} clicks the first node anywhere on screen with that text, which may be
 * a label on the map or in another window; the popup's cells are the only right target.
 */
public final class Choices {

    private Choices() {}

    public static void pick(FxRobot robot, String comboQuery, String item) {
        robot.clickOn(comboQuery);
        Waits.until(item + " offered in " + comboQuery, Duration.ofSeconds(10), () -> cell(robot, item) != null);
        robot.clickOn(cell(robot, item));
    }

    private static Node cell(FxRobot robot, String item) {
        return robot.lookup(".combo-box-popup .list-cell")
                .match(n -> n instanceof ListCell<?> c && item.equals(c.getText()) && n.isVisible())
                .tryQuery().orElse(null);
    }
}
