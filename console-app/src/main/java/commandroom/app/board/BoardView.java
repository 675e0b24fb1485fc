package commandroom.app.board;

import commandroom.app.model.IncidentItem;
import commandroom.app.model.TaskItem;
import commandroom.app.model.TaskStage;
import commandroom.app.ui.Messages;
import java.time.Clock;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The task board: a filter bar, the new incidents, and one column per lifecycle stage. Cards
 * count down each second; an alerted card flashes for a few seconds without taking focus.
 */
public final class BoardView extends BorderPane {

    /** Heights of a card with its gap, in the console's 17 px type (see console.css). */
    static final double TASK_CARD_HEIGHT = 156;
    static final double INCIDENT_CARD_HEIGHT = 124;

    private final BoardViewModel model;
    private final Clock clock;
    /** The time the cards' clocks show; ticks once a second. */
    private final javafx.beans.property.ObjectProperty<java.time.Instant> now = new javafx.beans.property.SimpleObjectProperty<>();
    /** Ids of the cards flashing now; each shown card follows it. */
    private final ObservableSet<String> flashing = FXCollections.observableSet();
    private final ReadOnlyObjectWrapper<TaskItem> selectedTask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<IncidentItem> selectedIncident = new ReadOnlyObjectWrapper<>();
    private Runnable onOpen = () -> { };

    public BoardView(BoardViewModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
        getStyleClass().add("board-view");
        setTop(new BoardFilterBar(model));
        HBox columns = new HBox();
        columns.getStyleClass().add("board");
        columns.getChildren().add(column("NEW", Messages.get("stage.NEW"), incidentList(), model.newIncidents()));
        for (TaskStage s : BoardViewModel.COLUMNS) {
            columns.getChildren().add(column(s.name(), Messages.get("stage." + s.name()), taskList(s), model.column(s)));
        }
        setCenter(columns);
        tick();
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    private VBox column(String id, String title, ListView<?> list, ObservableList<?> items) {
        Label header = new Label();
        header.getStyleClass().add("column-header");
        header.textProperty().bind(javafx.beans.binding.Bindings.size(items).asString(title + "  %d"));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(header, list);
        box.getStyleClass().add("board-column");
        box.setId("column-" + id);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private ListView<IncidentItem> incidentList() {
        ListView<IncidentItem> list = new ListView<>(model.newIncidents());
        list.setFixedCellSize(INCIDENT_CARD_HEIGHT);
        list.setCellFactory(v -> new IncidentCardCell(model));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                selectedIncident.set(b);
                selectedTask.set(null);
            }
        });
        return list;
    }

    private ListView<TaskItem> taskList(TaskStage stage) {
        ListView<TaskItem> list = new ListView<>(model.column(stage));
        // Every card has the same four lines: a fixed height spares the list measuring cells, the
        // biggest cost of a layout pass over thousands of cards.
        list.setFixedCellSize(TASK_CARD_HEIGHT);
        list.setCellFactory(v -> new TaskCardCell(model, now, flashing));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                selectedTask.set(b);
                selectedIncident.set(model.incident(b.incidentId()));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                onOpen.run();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                onOpen.run();
            }
        });
        return list;
    }

    /** Moves the cards' clocks to the present: each visible card updates its clock line, nothing else. */
    public void tick() {
        now.set(clock.instant());
    }

    /**
     * Flashes a card for a few seconds (an alert), without selecting it or moving the view. Only
     * the shown cards look at the change (no list refresh: a burst can raise hundreds of alerts).
     */
    public void flash(String taskId) {
        flashing.add(taskId);
        PauseTransition off = new PauseTransition(Duration.seconds(6));
        off.setOnFinished(e -> flashing.remove(taskId));
        off.play();
    }

    public ReadOnlyObjectProperty<TaskItem> selectedTaskProperty() {
        return selectedTask.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IncidentItem> selectedIncidentProperty() {
        return selectedIncident.getReadOnlyProperty();
    }

    /** What to do when a card is opened (double-click or Enter): show its case file. */
    public void setOnOpen(Runnable r) {
        onOpen = r;
    }
}
