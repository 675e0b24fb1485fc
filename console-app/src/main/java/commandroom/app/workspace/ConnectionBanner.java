package commandroom.app.workspace;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.ConnectionState;
import commandroom.app.ui.Messages;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * A calm banner across the top while the console is not following the hub; it takes no focus and
 * moves no view except pushing the content down by its own height. A lost connection says it
 * comes back by itself; a refusal (the hub answers but the console cannot follow it) says what
 * happened and whom to ask, and is styled as such. Style classes: banner, banner-refused.
 */
final class ConnectionBanner extends HBox {

    private static final String REFUSED = "banner-refused";

    ConnectionBanner(ConsoleState state) {
        getStyleClass().add("banner");
        setId("connection-banner");
        Label text = new Label();
        text.setId("connection-banner-text");
        text.setWrapText(true);
        getChildren().add(text);
        setVisible(false);
        managedProperty().bind(visibleProperty());
        state.connectionProperty().addListener((o, a, c) -> {
            boolean down = c.status() == ConnectionState.Status.RECONNECTING
                    || c.status() == ConnectionState.Status.REFUSED;
            setVisible(down);
            getStyleClass().remove(REFUSED);
            if (c.status() == ConnectionState.Status.REFUSED) {
                getStyleClass().add(REFUSED);
                text.setText(refusalText(c));
            } else if (down) {
                text.setText(Messages.get("banner.lost", StatusBar.TIME.format(c.since())));
            }
        });
    }

    /** What the hub refused, in the user's language, and that the console keeps trying. */
    static String refusalText(ConnectionState c) {
        ConnectionState.Refusal r = c.refusal();
        return Messages.get("banner.refused", Messages.get("refused." + r.kind().name(), size(r.limitBytes()),
                size(r.sizeBytes()), Long.toString(c.lastSequence()), r.hubWords()),
                Messages.get("banner.retrying", StatusBar.TIME.format(c.since())));
    }

    /** A size as people read it: MB from one MB up, else KB. */
    static String size(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 1 ? String.format(Locale.ROOT, "%.1f MB", mb).replace(".0 ", " ")
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0).replace(".0 ", " ");
    }
}
