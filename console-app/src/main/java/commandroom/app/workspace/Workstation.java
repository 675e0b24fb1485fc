package commandroom.app.workspace;

import commandroom.app.board.BoardView;
import commandroom.app.board.BoardViewModel;
import commandroom.app.board.CaseFileView;
import commandroom.app.board.dispatch.DispatchDialogView;
import commandroom.app.board.dispatch.DispatchDialogViewModel;
import commandroom.app.board.report.ReportIncidentDialogView;
import commandroom.app.board.report.ReportIncidentDialogViewModel;
import commandroom.app.connection.CommandClient;
import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.EventFeed;
import commandroom.app.connection.HubSession;
import commandroom.app.model.UserProfile;
import commandroom.app.review.ReviewView;
import commandroom.app.review.ReviewViewModel;
import commandroom.app.stats.StatsView;
import commandroom.app.ui.Messages;
import commandroom.app.ui.Theme;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One logged-in console: the session, its projections and feed, and the views of its role. The
 * composition root of a workstation. Create, {@link #show} and {@link #close} on the FX thread.
 */
public final class Workstation implements AutoCloseable {

    private final HubSession session;
    private final ConsoleState state = new ConsoleState();
    private final EventFeed feed;
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "console-background");
        t.setDaemon(true);
        return t;
    });
    private final CommandClient client;
    private final UserProfile user;
    private final BoardViewModel boardModel;
    private final BoardView board;
    private final double[] centre;
    private Stage stage;

    /** Builds the console for a logged-in session; centre is where new incidents start (lat, lon). */
    public Workstation(HubSession session, Clock clock, double[] centre) {
        this.session = session;
        this.user = session.user();
        this.centre = centre;
        this.client = new CommandClient(session, background);
        this.feed = new EventFeed(session, state);
        this.boardModel = new BoardViewModel(state);
        this.board = new BoardView(boardModel, clock);
    }

    /** Opens the console in the stage and starts following the hub. */
    public Stage show(Stage target) {
        this.stage = target;
        WorkstationView view = new WorkstationView(state, user, board,
                user.role().mayReview() ? new ReviewView(new ReviewViewModel(state, client)) : null,
                new StatsView(state));
        view.setOnReport(this::report);
        view.setOnDispatch(this::dispatch);
        board.setOnOpen(this::openCaseFile);
        new AlertPresenter(state, board, target).start();
        target.setTitle(Messages.get("app.title") + " · " + user.displayName());
        target.setScene(Theme.style(new Scene(view, 1600, 900)));
        target.show();
        feed.start();
        return target;
    }

    void report() {
        if (!user.role().mayReport()) {
            return;
        }
        new ReportIncidentDialogView(new ReportIncidentDialogViewModel(client, centre[0], centre[1]), stage).showAndWait();
    }

    void dispatch() {
        var incident = board.selectedIncidentProperty().get();
        if (!user.role().mayDispatch() || incident == null) {
            return;
        }
        new DispatchDialogView(new DispatchDialogViewModel(incident, state.units().values(), client), stage).showAndWait();
    }

    /** Opens the case file of the selected card's incident (also Enter or double-click on a card). */
    public void openCaseFile() {
        var incident = board.selectedIncidentProperty().get();
        if (incident != null) {
            new CaseFileView(client, incident.id(), stage).show();
        }
    }

    public ConsoleState state() {
        return state;
    }

    public UserProfile user() {
        return user;
    }

    public CommandClient client() {
        return client;
    }

    public BoardView board() {
        return board;
    }

    @Override
    public void close() {
        feed.close();
        background.shutdownNow();
        session.close();
        if (stage != null) {
            stage.close();
        }
    }
}
