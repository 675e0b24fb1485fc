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

    private static final javafx.css.PseudoClass WAITING = javafx.css.PseudoClass.getPseudoClass("waiting");
    private static final javafx.css.PseudoClass FLASH = javafx.css.PseudoClass.getPseudoClass("flash");

    /**
     * The alarm queue's count, first in the bar: it flashes twice a second while alarms wait (on
     * every screen of the console, each window has the bar), steady when none do; a click opens the
     * queue.
     */
    void alarms(javafx.beans.property.ReadOnlyIntegerProperty waiting, Runnable open) {
        javafx.scene.control.Button count = new javafx.scene.control.Button();
        count.setId("status-alarms");
        count.getStyleClass().add("status-alarms");
        count.setFocusTraversable(false);
        count.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("status.alarms", waiting.get()), waiting));
        count.setOnAction(e -> open.run());
        javafx.animation.Timeline flash = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(500), e -> count.pseudoClassStateChanged(FLASH,
                        !count.getPseudoClassStates().contains(FLASH))));
        flash.setCycleCount(javafx.animation.Animation.INDEFINITE);
        Runnable show = () -> {
            boolean any = waiting.get() > 0;
            count.pseudoClassStateChanged(WAITING, any);
            if (any) {
                flash.play();
            } else {
                flash.stop();
                count.pseudoClassStateChanged(FLASH, false);
            }
        };
        waiting.addListener((o, a, b) -> show.run());
        show.run();
        getChildren().add(0, count);
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
