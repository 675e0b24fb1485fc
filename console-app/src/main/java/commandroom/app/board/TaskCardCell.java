package commandroom.app.board;

import commandroom.app.ui.PriorityMark;
import commandroom.app.model.TaskItem;
import commandroom.app.ui.Messages;
import java.time.Instant;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ObservableSet;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A task as a board card: incident type and priority, assignees, zone, and the clock of its
 * current step (amber when close, red when late). Style classes: task-card, card-title,
 * card-line, clock, priority (see {@link PriorityMark}); pseudo-classes :overdue and :flash on the
 * card, :amber and :red on the clock.
 *
 * <p>A cell keeps its card as its graphic for life, hidden while empty, and never changes a style
 * class or an id: either would detach or re-match the card against the whole theme, the biggest
 * cost of refilling the board's cells on every change (see BENCHMARKS.md).
 */
final class TaskCardCell extends ListCell<TaskItem> {

    private final BoardViewModel model;
    private final javafx.beans.value.ObservableValue<Instant> now;
    private final ObservableSet<String> flashing;
    /** Held by the cell, registered weakly: a cell the list drops must not stay listening. */
    private final ChangeListener<Instant> clockListener = (o, a, b) -> showClock(getItem());
    private final InvalidationListener flashListener = o -> showFlash(getItem());
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

    TaskCardCell(BoardViewModel model, javafx.beans.value.ObservableValue<Instant> now, ObservableSet<String> flashing) {
        this.model = model;
        this.now = now;
        this.flashing = flashing;
        card.getStyleClass().add("task-card");
        title.getStyleClass().add("card-title");
        units.getStyleClass().add("card-line");
        zone.getStyleClass().add("card-line");
        clock.getStyleClass().add("clock");
        PriorityMark.style(priority);
        priority.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        card.getChildren().addAll(new HBox(8, title, gap, priority), units, zone, clock);
        setPrefWidth(0);
        setGraphic(card);
        card.setVisible(false);
        // Only the clock changes each second, and only the flash on an alert: update those, not the list.
        now.addListener(new WeakChangeListener<>(clockListener));
        flashing.addListener(new WeakInvalidationListener(flashListener));
    }

    private void showFlash(TaskItem t) {
        card.pseudoClassStateChanged(FLASH, t != null && !isEmpty() && flashing.contains(t.id()));
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
        card.setVisible(!empty && t != null);
        if (empty || t == null) {
            return;
        }
        title.setText(Messages.get("type." + t.incidentType()));
        PriorityMark.show(priority, t.priority());
        units.setText(Messages.get("kind." + t.kind()) + " · "
                + t.assignees().stream().map(model::unitName).collect(Collectors.joining("、"))
                + (t.returnedCount() > 0 ? "  ·  " + Messages.get("card.returned", t.returnedCount()) : ""));
        zone.setText(model.zoneName(t.zoneId()) + "  ·  " + t.id());
        showClock(t);
        card.pseudoClassStateChanged(OVERDUE, t.isOverdue());
        showFlash(t);
    }
}
