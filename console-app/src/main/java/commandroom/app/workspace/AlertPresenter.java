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
            String text = Messages.get("alert." + a.kind().name(), a.subjectId().isEmpty() ? a.text() : a.subjectId(), a.text());
            Notifications n = Notifications.create().owner(owner).text(text).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(6)).darkStyle();
            switch (a.kind()) {
                case OVERDUE, CONNECTION_LOST -> n.showWarning();
                default -> n.showInformation();
            }
        });
    }
}
