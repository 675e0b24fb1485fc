package commandroom.app.alarm;

import atlantafx.base.theme.Styles;
import commandroom.app.model.AlarmItem;
import commandroom.app.ui.Messages;
import commandroom.app.ui.PriorityMark;
import commandroom.app.ui.Theme;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The alarm queue's window: what waits for someone on top (each with its priority, what and where,
 * how long it has waited and whom it went up to, and 确认), the last acknowledged below (who, and
 * how long it took). Opened from the status bar of any of the console's windows; never takes
 * focus from the work behind it on its own. Ids: alarm-queue, alarm-open, alarm-done, alarm-mute,
 * alarm-problem, alarm-ack-ID. FX thread.
 */
public final class AlarmQueueView extends VBox {

    private final AlarmQueueViewModel model;

    public AlarmQueueView(AlarmQueueViewModel model, String soundProblem) {
        this.model = model;
        setId("alarm-queue");
        getStyleClass().add("alarm-queue");
        setSpacing(10);
        setPadding(new Insets(14));
        Label title = new Label(Messages.get("alarm.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        CheckBox mute = new CheckBox(Messages.get("alarm.mute"));
        mute.setId("alarm-mute");
        mute.selectedProperty().bindBidirectional(model.mutedProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(16, title, gap, mute);
        head.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("alarm-problem");
        problem.getStyleClass().add("alarm-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                !model.problemProperty().get().isEmpty() ? model.problemProperty().get()
                        : soundProblem.isEmpty() ? "" : Messages.get("alarm.noSound", soundProblem), model.problemProperty()));
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        ListView<AlarmItem> open = new ListView<>(model.open());
        open.setId("alarm-open");
        open.setCellFactory(v -> new Cell(true));
        open.setPlaceholder(new Label(Messages.get("alarm.none")));
        VBox.setVgrow(open, Priority.ALWAYS);
        Label doneTitle = new Label(Messages.get("alarm.done"));
        doneTitle.getStyleClass().add(Styles.TITLE_4);
        ListView<AlarmItem> done = new ListView<>(model.done());
        done.setId("alarm-done");
        done.setCellFactory(v -> new Cell(false));
        done.setPrefHeight(200);
        getChildren().addAll(head, problem, open, doneTitle, done);
        // Ages count on by the second.
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> open.refresh()));
        tick.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                tick.stop();
            } else {
                tick.play();
            }
        });
    }

    /** Opens the queue in a window of its own over the owner (or brings it to the front). */
    public static Stage show(Window owner, AlarmQueueViewModel model, String soundProblem, Stage existing) {
        if (existing != null) {
            existing.show();
            existing.toFront();
            return existing;
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Messages.get("alarm.title"));
        stage.setScene(Theme.style(new Scene(new AlarmQueueView(model, soundProblem), 760, 620)));
        stage.show();
        return stage;
    }

    private final class Cell extends ListCell<AlarmItem> {
        private final boolean waiting;
        private final Label priority = new Label();
        private final Label what = new Label();
        private final Label state = new Label();
        private final Button ack = new Button(Messages.get("alarm.ack"));
        private final HBox row;

        Cell(boolean waiting) {
            this.waiting = waiting;
            PriorityMark.style(priority);
            priority.setMinWidth(Region.USE_PREF_SIZE);
            what.getStyleClass().add("alarm-what");
            state.getStyleClass().add("alarm-state");
            VBox text = new VBox(2, what, state);
            HBox.setHgrow(text, Priority.ALWAYS);
            ack.getStyleClass().add(Styles.ACCENT);
            ack.setMinWidth(Region.USE_PREF_SIZE);
            ack.setFocusTraversable(false);
            row = new HBox(12, priority, text);
            row.setAlignment(Pos.CENTER_LEFT);
            if (waiting) {
                row.getChildren().add(ack);
            }
        }

        @Override
        protected void updateItem(AlarmItem a, boolean empty) {
            super.updateItem(a, empty);
            if (empty || a == null) {
                setGraphic(null);
                return;
            }
            PriorityMark.show(priority, a.priority());
            what.setText(model.text(a));
            state.setText(model.state(a));
            if (waiting) {
                ack.setId("alarm-ack-" + a.id());
                ack.setOnAction(e -> {
                    ack.setDisable(true);
                    model.acknowledge(a).whenComplete((ok, failure) -> Platform.runLater(() -> {
                        ack.setDisable(false);
                        model.acknowledged(failure);
                    }));
                });
            }
            setGraphic(row);
        }
    }
}
