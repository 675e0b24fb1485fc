package commandroom.app.board;

import commandroom.app.model.TaskItem;
import commandroom.app.ui.Messages;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A task as a board card: incident type and priority, assignees, zone, and the clock of its
 * current step (amber when close, red when late). Style classes: task-card, card-overdue,
 * card-flash, card-title, card-line, clock, clock-amber, clock-red, priority-*.
 */
final class TaskCardCell extends ListCell<TaskItem> {

    private final BoardViewModel model;
    private final Supplier<Instant> now;
    private final Set<String> flashing;
    private final VBox card = new VBox();
    private final Label title = new Label();
    private final Label priority = new Label();
    private final Label units = new Label();
    private final Label zone = new Label();
    private final Label clock = new Label();

    TaskCardCell(BoardViewModel model, Supplier<Instant> now, Set<String> flashing) {
        this.model = model;
        this.now = now;
        this.flashing = flashing;
        card.getStyleClass().add("task-card");
        title.getStyleClass().add("card-title");
        units.getStyleClass().add("card-line");
        zone.getStyleClass().add("card-line");
        clock.getStyleClass().add("clock");
        priority.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        card.getChildren().addAll(new HBox(8, title, gap, priority), units, zone, clock);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(TaskItem t, boolean empty) {
        super.updateItem(t, empty);
        if (empty || t == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        title.setText(Messages.get("type." + t.incidentType()));
        priority.setText(Messages.get("priority." + t.priority()));
        priority.getStyleClass().setAll("label", "priority-" + t.priority());
        units.setText(Messages.get("kind." + t.kind()) + " · "
                + t.assignees().stream().map(model::unitName).collect(Collectors.joining("、"))
                + (t.returnedCount() > 0 ? "  ·  " + Messages.get("card.returned", t.returnedCount()) : ""));
        zone.setText(model.zoneName(t.zoneId()) + "  ·  " + t.id());
        ClockText.Reading r = ClockText.read(t.currentClock(), now.get(), t.dispatchedAt());
        clock.setText(r.text());
        clock.getStyleClass().setAll("label", "clock");
        if (!r.styleClass().isEmpty()) {
            clock.getStyleClass().add(r.styleClass());
        }
        card.getStyleClass().setAll("task-card");
        if (t.isOverdue()) {
            card.getStyleClass().add("card-overdue");
        }
        if (flashing.contains(t.id())) {
            card.getStyleClass().add("card-flash");
        }
        setId("card-" + t.id());
        setGraphic(card);
    }
}
