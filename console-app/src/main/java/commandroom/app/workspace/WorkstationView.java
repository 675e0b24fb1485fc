package commandroom.app.workspace;

import commandroom.app.board.BoardView;
import commandroom.app.connection.ConsoleState;
import commandroom.app.model.UserProfile;
import commandroom.app.model.UserRole;
import commandroom.app.review.ReviewView;
import commandroom.app.stats.StatsView;
import commandroom.app.ui.Messages;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The workstation's window content on one screen: the banner and tool bar, the role's panels as
 * tabs (the camera wall and the map keep their places until their issues land), the status bar.
 * What the role may not do is not offered.
 */
public final class WorkstationView extends BorderPane {

    private Runnable onReport = () -> { };
    private Runnable onDispatch = () -> { };

    public WorkstationView(ConsoleState state, UserProfile user, BoardView board, ReviewView review, StatsView stats) {
        getStyleClass().add("workstation");
        ToolBar tools = new ToolBar();
        UserRole role = user.role();
        if (role.mayReport()) {
            Button report = new Button(Messages.get("action.report"));
            report.setId("action-report");
            report.setOnAction(e -> onReport.run());
            tools.getItems().add(report);
        }
        if (role.mayDispatch()) {
            Button dispatch = new Button(Messages.get("action.dispatch"));
            dispatch.setId("action-dispatch");
            dispatch.disableProperty().bind(board.selectedIncidentProperty().isNull());
            dispatch.setOnAction(e -> onDispatch.run());
            tools.getItems().add(dispatch);
        }
        setTop(new VBox(new ConnectionBanner(state), tools));
        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (String panel : panels(role)) {
            Node content = switch (panel) {
                case "board" -> board;
                case "review" -> review;
                case "stats" -> stats;
                default -> placeholder(panel);
            };
            if (content != null) {
                Tab tab = new Tab(Messages.get("panel." + panel), content);
                tab.setId("tab-" + panel);
                tabs.getTabs().add(tab);
            }
        }
        setCenter(tabs);
        setBottom(new StatusBar(state, user));
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> onReport.run());
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), () -> onDispatch.run());
            }
        });
    }

    /** The role's panels, most used first; every role also sees the board. */
    static List<String> panels(UserRole role) {
        return switch (role) {
            case DUTY_OFFICER -> List.of("wall", "map", "board");
            case SHIFT_LEADER -> List.of("board", "map", "stats");
            case STATION_CHIEF -> List.of("board", "review", "stats");
            default -> List.of("board", "stats");
        };
    }

    private static Node placeholder(String panel) {
        Label l = new Label(Messages.get("panel.placeholder", Messages.get("panel." + panel)));
        l.getStyleClass().add("placeholder");
        return new StackPane(l);
    }

    public void setOnReport(Runnable r) {
        onReport = r;
    }

    public void setOnDispatch(Runnable r) {
        onDispatch = r;
    }
}
