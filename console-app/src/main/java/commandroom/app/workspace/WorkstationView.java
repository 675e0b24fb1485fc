package commandroom.app.workspace;

import commandroom.app.board.BoardView;
import commandroom.app.connection.ConsoleState;
import commandroom.app.model.UserProfile;
import commandroom.app.model.UserRole;
import commandroom.app.ui.Messages;
import java.util.List;
import javafx.scene.Node;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
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
 * tabs (the map keeps its place until its issue lands), the status bar.
 * What the role may not do is not offered.
 */
public final class WorkstationView extends BorderPane {

    private Runnable onReport = () -> { };
    private Runnable onDispatch = () -> { };
    private Runnable onReassign = () -> { };
    private Runnable onCancel = () -> { };
    private Runnable onBroadcast = () -> { };
    private Runnable onHandover = () -> { };
    private Runnable onFraudList = () -> { };
    private Runnable onRoster = () -> { };

    /**
     * One window's content: the tool bar and banner, the given panels as tabs (made by the
     * factory; a panel id it does not know gets a placeholder), the status bar.
     */
    private final StatusBar statusBar;

    /** Shows the alarm queue's count in the status bar, flashing while alarms wait; a click opens it. */
    public void showAlarms(javafx.beans.property.ReadOnlyIntegerProperty waiting, Runnable open) {
        statusBar.alarms(waiting, open);
    }

    public WorkstationView(ConsoleState state, UserProfile user, BoardView board, List<String> panelIds,
                           java.util.function.Function<String, Node> panelFactory) {
        getStyleClass().add("workstation");
        ToolBar tools = new ToolBar();
        UserRole role = user.role();
        if (role.mayReport()) {
            Button report = new Button(Messages.get("action.report"));
            report.setId("action-report");
            report.setGraphic(new FontIcon(Material2AL.ADD_ALERT));
            report.setOnAction(e -> onReport.run());
            tools.getItems().add(report);
        }
        if (role.mayReport()) {
            Button handover = new Button(Messages.get("action.handover"));
            handover.setId("action-handover");
            handover.setGraphic(new FontIcon(Material2MZ.SWAP_VERT));
            handover.setOnAction(e -> onHandover.run());
            tools.getItems().add(handover);
        }
        if (role.mayDispatch()) {
            Button dispatch = new Button(Messages.get("action.dispatch"));
            dispatch.setId("action-dispatch");
            dispatch.setGraphic(new FontIcon(Material2MZ.SEND));
            dispatch.disableProperty().bind(board.selectedIncidentProperty().isNull());
            dispatch.setOnAction(e -> onDispatch.run());
            tools.getItems().add(dispatch);
            var taskOpen = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
                var t = board.selectedTaskProperty().get();
                return t != null && t.stage().isOpen() && t.stage() != commandroom.app.model.TaskStage.FEEDBACK_SUBMITTED;
            }, board.selectedTaskProperty());
            Button reassign = new Button(Messages.get("action.reassign"));
            reassign.setId("action-reassign");
            reassign.setGraphic(new FontIcon(Material2MZ.SWAP_HORIZ));
            reassign.disableProperty().bind(taskOpen.not());
            reassign.setOnAction(e -> onReassign.run());
            Button cancel = new Button(Messages.get("action.cancelTask"));
            cancel.setId("action-cancel");
            cancel.setGraphic(new FontIcon(Material2AL.CANCEL));
            cancel.disableProperty().bind(taskOpen.not());
            cancel.setOnAction(e -> onCancel.run());
            Button broadcast = new Button(Messages.get("action.broadcast"));
            broadcast.setId("action-broadcast");
            broadcast.setGraphic(new FontIcon(Material2AL.ANNOUNCEMENT));
            broadcast.setOnAction(e -> onBroadcast.run());
            tools.getItems().addAll(reassign, cancel, broadcast);
        }
        if (role.mayKeepRoster()) {
            Button roster = new Button(Messages.get("action.roster"));
            roster.setId("action-roster");
            roster.setGraphic(new FontIcon(Material2AL.ASSIGNMENT_IND));
            roster.setOnAction(e -> onRoster.run());
            tools.getItems().add(roster);
        }
        if (role.mayImportWarnings()) {
            Button fraud = new Button(Messages.get("action.fraud"));
            fraud.setId("action-fraud");
            fraud.setGraphic(new FontIcon(Material2MZ.PHONELINK_ERASE));
            fraud.setOnAction(e -> onFraudList.run());
            tools.getItems().add(fraud);
        }
        setTop(new VBox(new ConnectionBanner(state), tools));
        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab firstReal = null;
        for (String panel : panelIds) {
            Node content = panelFactory.apply(panel);
            boolean real = content != null;
            Tab tab = new Tab(Messages.get("panel." + panel), real ? content : placeholder(panel));
            tab.setId("tab-" + panel);
            tabs.getTabs().add(tab);
            if (real && firstReal == null) {
                firstReal = tab;
            }
        }
        // The board, where the window has one (a leader's and a chief's daily work), else the first panel.
        Tab start = tabs.getTabs().stream().filter(t -> t.getId().equals("tab-board")).findFirst().orElse(firstReal);
        if (start != null) {
            tabs.getSelectionModel().select(start);
        }
        setCenter(tabs);
        statusBar = new StatusBar(state, user);
        setBottom(statusBar);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> onReport.run());
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), () -> onDispatch.run());
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), () -> onReassign.run());
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), () -> onCancel.run());
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), () -> onBroadcast.run());
            }
        });
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

    public void setOnReassign(Runnable r) {
        onReassign = r;
    }

    public void setOnCancel(Runnable r) {
        onCancel = r;
    }

    public void setOnHandover(Runnable r) {
        onHandover = r;
    }

    public void setOnFraudList(Runnable r) {
        onFraudList = r;
    }

    public void setOnRoster(Runnable r) {
        onRoster = r;
    }

    public void setOnBroadcast(Runnable r) {
        onBroadcast = r;
    }
}
