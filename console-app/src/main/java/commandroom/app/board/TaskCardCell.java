package commandroom.app.board;

import commandroom.app.model.TaskItem;
import commandroom.app.ui.Messages;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A task as a board card: incident type and priority, assignees, zone, and the clock of its
 * current step (amber when close, red when late). Style classes: task-card, card-overdue,
 * card-title, card-line, clock, priority-*; pseudo-classes :overdue and :flash on the card,
 * :amber and :red on the clock.
 */
final class TaskCardCell extends ListCell<TaskItem> {

    private final BoardViewModel model;
    private final javafx.beans.value.ObservableValue<Instant> now;
    private final Set<String> flashing;
    private final VBox card = new VBox();
    private final Label title = new Label();
    private final Label priority = new Label();
    private final Label units = new Label();
    private final Label zone = new Label();
    private final Label clock = new Label();
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    private static final PseudoClass FLASH = PseudoClass.getPseudoClass("flash");
    private static final PseudoClass AMBER = PseudoClass.getPseudoClass("amber");
    private static final PseudoClass RED = PseudoClass.getPseudoClass("red");
    private String priorityClass = "";

    TaskCardCell(BoardViewModel model, javafx.beans.value.ObservableValue<Instant> now, Set<String> flashing) {
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
        // Only the clock changes each second: update that label, not the whole list.
        now.addListener((o, a, b) -> showClock(getItem()));
    }

    /**
     * Pseudo-classes, not style-class lists, carry the states: changing a style class re-matches
     * the whole card against the theme, which cost most of a board refresh (see BENCHMARKS.md).
     */
    private void showClock(TaskItem t) {
        if (t == null || isEmpty()) {
            return;
        }
        ClockText.Reading r = ClockText.read(t.currentClock(), now.getValue(), t.dispatchedAt());
        clock.setText(r.text());
        clock.pseudoClassStateChanged(AMBER, r.styleClass().equals("clock-amber"));
        clock.pseudoClassStateChanged(RED, r.styleClass().equals("clock-red"));
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
        if (!priorityClass.equals("priority-" + t.priority())) {
            priority.getStyleClass().remove(priorityClass);
            priorityClass = "priority-" + t.priority();
            priority.getStyleClass().add(priorityClass);
        }
        units.setText(Messages.get("kind." + t.kind()) + " · "
                + t.assignees().stream().map(model::unitName).collect(Collectors.joining("、"))
                + (t.returnedCount() > 0 ? "  ·  " + Messages.get("card.returned", t.returnedCount()) : ""));
        zone.setText(model.zoneName(t.zoneId()) + "  ·  " + t.id());
        showClock(t);
        card.pseudoClassStateChanged(OVERDUE, t.isOverdue());
        card.pseudoClassStateChanged(FLASH, flashing.contains(t.id()));
        setId("card-" + t.id());
        setGraphic(card);
    }
}
