package commandroom.app.stats;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.TaskItem;
import commandroom.app.model.TaskStage;
import commandroom.app.ui.Messages;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableMap;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The statistics panel: live counts (open, overdue, waiting for review, closed) for everyone, and
 * for the chief the period figures below them ({@link FiguresView}). Style classes: stats,
 * stat-tile, stat-value, stat-label.
 */
public final class StatsView extends VBox {

    /** figures: the chief's period figures, or null for a role that may not read them. */
    public StatsView(ConsoleState state, FiguresView figures) {
        super(18);
        getStyleClass().add("stats");
        ObservableMap<String, TaskItem> tasks = state.tasks();
        FlowPane live = new FlowPane(16, 16);
        live.getChildren().addAll(
                tile("stats.open", tasks, t -> t.stage().isOpen()),
                tile("stats.overdue", tasks, TaskItem::isOverdue),
                tile("stats.review", tasks, t -> t.stage() == TaskStage.FEEDBACK_SUBMITTED),
                tile("stats.closed", tasks, t -> t.stage() == TaskStage.CLOSED));
        getChildren().add(live);
        if (figures != null) {
            // The figures take the rest of the height, and scroll within it.
            VBox.setVgrow(figures, Priority.ALWAYS);
            getChildren().add(figures);
        }
    }

    private static VBox tile(String key, ObservableMap<String, TaskItem> tasks, Predicate<TaskItem> p) {
        Label value = new Label();
        value.getStyleClass().add("stat-value");
        value.textProperty().bind(Bindings.createStringBinding(
                () -> Long.toString(tasks.values().stream().filter(p).count()), tasks));
        value.setId(key.replace('.', '-'));
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("stat-label");
        VBox box = new VBox(value, label);
        box.getStyleClass().add("stat-tile");
        return box;
    }
}
