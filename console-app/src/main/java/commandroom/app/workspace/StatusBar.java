package commandroom.app.workspace;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.ConnectionState;
import commandroom.app.model.UserProfile;
import commandroom.app.ui.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The bottom line: connection state, who is logged in, and the last event applied. */
final class StatusBar extends HBox {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    StatusBar(ConsoleState state, UserProfile user) {
        getStyleClass().add("status-bar");
        Label connection = new Label();
        connection.setId("status-connection");
        connection.textProperty().bind(Bindings.createStringBinding(() -> text(state.connectionProperty().get()),
                state.connectionProperty()));
        state.connectionProperty().addListener((o, a, b) -> connection.getStyleClass()
                .setAll("label", b.isLive() ? "status-live" : "status-down"));
        Label who = new Label(Messages.get("status.user", user.displayName(), Messages.get("role." + user.role().name())));
        Label seq = new Label();
        seq.setId("status-sequence");
        seq.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("status.sequence", state.lastSequenceProperty().get()), state.lastSequenceProperty()));
        getChildren().addAll(connection, who, seq);
    }

    static String text(ConnectionState c) {
        return switch (c.status()) {
            case LIVE -> Messages.get("status.live");
            case CONNECTING -> Messages.get("status.connecting");
            case RECONNECTING -> Messages.get("status.reconnecting", TIME.format(c.since()));
            case REFUSED -> Messages.get("status.refused");
        };
    }
}
