package commandroom.app.workspace;

import commandroom.app.board.BoardView;
import commandroom.app.connection.ConsoleState;
import commandroom.app.ui.Messages;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Shows alerts (new incident, overdue step, returned feedback, lost connection) as ControlsFX
 * notifications in a corner and flashes the card; never takes focus, never moves a view.
 */
final class AlertPresenter {

    private final ConsoleState state;
    private final BoardView board;
    private final Window owner;
    private long lastShown;
    private int held;

    AlertPresenter(ConsoleState state, BoardView board, Window owner) {
        this.state = state;
        this.board = board;
        this.owner = owner;
    }

    void start() {
        state.onAlert(a -> {
            if (!a.subjectId().isEmpty()) {
                board.flash(a.subjectId());
            }
            if (owner.getScene() == null || !owner.isShowing()) {
                return;
            }
            // A burst (a shift change, a reconnect) can raise hundreds of alerts: show one pop-up
            // every two seconds at most and count the rest into the next one.
            long now = System.nanoTime();
            if (now - lastShown < 2_000_000_000L) {
                held++;
                return;
            }
            lastShown = now;
            String text = (a.kind() == ConsoleState.Alert.Kind.CAMERA_ALARM ? cameraAlarm(a)
                    : a.kind() == ConsoleState.Alert.Kind.DRONE_OUT ? droneOut(a)
                    : Messages.get("alert." + a.kind().name(), a.subjectId().isEmpty() ? a.text() : a.subjectId(), a.text()))
                    + (held > 0 ? "\n" + Messages.get("alert.more", held) : "");
            held = 0;
            Notifications n = Notifications.create().owner(owner).text(text).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(6)).darkStyle();
            switch (a.kind()) {
                case OVERDUE, CONNECTION_LOST, COUNTY_INSTRUCTION, CAMERA_ALARM -> n.showWarning();
                default -> n.showInformation();
            }
        });
    }

    /** A drone sent out: its camera by name, the incident by its address. */
    private String droneOut(ConsoleState.Alert a) {
        var camera = state.cameras().get(a.subjectId());
        var incident = state.incidents().get(a.text());
        return Messages.get("alert.DRONE_OUT", camera == null ? a.subjectId() : camera.name(),
                incident == null ? a.text() : incident.address());
    }

    /** A camera's alarm: the camera by its name, the alarm by its type in words. */
    private String cameraAlarm(ConsoleState.Alert a) {
        var camera = state.cameras().get(a.subjectId());
        return Messages.get("alert.CAMERA_ALARM", camera == null ? a.subjectId() : camera.name(),
                commandroom.app.ui.Labels.alarmType(a.text()));
    }
}
