package commandroom.app.review;

import commandroom.app.model.PhotoRef;
import commandroom.app.model.TaskItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import commandroom.app.ui.PhotoTile;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The review panel: the queue on the left, the feedback with its photos (fetched as shown) on the right; Ctrl+Enter
 * approves, Ctrl+R returns with the reason typed. Style classes: review-pane, section-title,
 * feedback-text.
 */
public final class ReviewView extends SplitPane {

    private final ReviewViewModel model;
    private final ListView<TaskItem> list;
    private final Label title = new Label();
    private final Label result = new Label();
    private final Label text = new Label();
    private final FlowPane photos = new FlowPane(8, 8);
    private final Label error = new Label();
    /** The task and photo descriptions the photo tiles show. */
    private List<Object> shownPhotos = List.of();

    public ReviewView(ReviewViewModel model) {
        this.model = model;
        list = new ListView<>(model.queue());
        list.setId("review-queue");
        list.setPlaceholder(new Label(Messages.get("review.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TaskItem t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : Messages.get("type." + t.incidentType()) + " · "
                        + t.assignees().stream().map(model::unitName).collect(Collectors.joining("、")) + " · " + t.id());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.currentProperty().set(b));
        model.currentProperty().addListener((o, a, b) -> show(b));

        title.getStyleClass().add("section-title");
        photos.setId("review-photos");
        text.getStyleClass().add("feedback-text");
        text.setWrapText(true);
        TextField reason = new TextField();
        reason.setId("review-reason");
        reason.setPromptText(Messages.get("review.reason"));
        reason.textProperty().bindBidirectional(model.reasonProperty());
        Button approve = new Button(Messages.get("action.approve"));
        approve.setId("review-approve");
        approve.getStyleClass().add("success");
        approve.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.ASSIGNMENT_TURNED_IN));
        Button sendBack = new Button(Messages.get("action.return"));
        sendBack.setId("review-return");
        sendBack.getStyleClass().add("danger");
        sendBack.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.ASSIGNMENT_RETURN));
        approve.disableProperty().bind(model.currentProperty().isNull());
        sendBack.disableProperty().bind(model.currentProperty().isNull().or(model.reasonProperty().isEmpty()));
        approve.setOnAction(e -> submit(model::approve));
        sendBack.setOnAction(e -> submit(model::sendBack));
        VBox detail = new VBox(title, result,
                new Label(Messages.get("review.feedback")), text, photos, reason, new HBox(12, approve, sendBack), error);
        detail.getStyleClass().add("review-pane");
        VBox left = new VBox(new Label(Messages.get("review.queue")), list);
        left.getStyleClass().add("review-pane");
        getItems().addAll(left, detail);
        setOrientation(Orientation.HORIZONTAL);
        setDividerPositions(0.35);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                        () -> { if (!approve.isDisabled() && isVisible()) approve.fire(); });
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                        () -> { if (!sendBack.isDisabled() && isVisible()) sendBack.fire(); });
            }
        });
        show(null);
    }

    private void show(TaskItem t) {
        // The same task comes back on each of its events: its photos stay as they are (no refetch, no flicker).
        List<Object> photosKey = t == null ? List.of() : List.of(t.id(), t.feedbackPhotos());
        if (!photosKey.equals(shownPhotos)) {
            shownPhotos = photosKey;
            photos.getChildren().clear();
            if (t != null) {
                for (PhotoRef p : t.feedbackPhotos()) {
                    photos.getChildren().add(new PhotoTile(p, 220, 165, model.photo(t, p)));
                }
            }
        }
        if (t == null) {
            title.setText(Messages.get("review.empty"));
            result.setText("");
            text.setText("");
            return;
        }
        title.setText(Messages.get("type." + t.incidentType()) + " · " + Messages.get("kind." + t.kind()) + " · " + t.id());
        result.setText(Messages.get("review.result", Messages.get("result." + t.feedbackResult())));
        text.setText(t.feedbackText());
    }

    private void submit(Supplier<CompletableFuture<Void>> action) {
        error.setText("");
        action.get().whenComplete((ok, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                error.setText(Dialogs.describe(failure));
            } else {
                model.reasonProperty().set("");
                list.getSelectionModel().clearSelection();
                if (!list.getItems().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                }
            }
        }));
    }
}
