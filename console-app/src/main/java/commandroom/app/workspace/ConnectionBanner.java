package commandroom.app.workspace;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.ConnectionState;
import commandroom.app.ui.Messages;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * A calm banner across the top while the hub is unreachable; it takes no focus and moves no view
 * except pushing the content down by its own height. Style class: banner.
 */
final class ConnectionBanner extends HBox {

    ConnectionBanner(ConsoleState state) {
        getStyleClass().add("banner");
        setId("connection-banner");
        Label text = new Label();
        text.setWrapText(true);
        getChildren().add(text);
        setVisible(false);
        managedProperty().bind(visibleProperty());
        state.connectionProperty().addListener((o, a, c) -> {
            boolean down = c.status() == ConnectionState.Status.RECONNECTING;
            setVisible(down);
            if (down) {
                text.setText(Messages.get("banner.lost", StatusBar.TIME.format(c.since())));
            }
        });
    }
}
