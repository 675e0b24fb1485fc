package commandroom.app.review;

import commandroom.app.connection.CommandClient;
import commandroom.app.connection.ConsoleState;
import commandroom.app.model.PhotoRef;
import commandroom.app.model.TaskItem;
import commandroom.app.model.TaskStage;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

/**
 * The station chief's review queue: every task whose feedback waits, oldest first; approve, or
 * return with a reason (required). Holds no Node; FX thread only.
 */
public final class ReviewViewModel {

    private final ConsoleState state;
    private final CommandClient client;
    private final ObservableList<TaskItem> waiting = FXCollections.observableArrayList();
    private final SortedList<TaskItem> queue = new SortedList<>(waiting, Comparator.comparing(TaskItem::dispatchedAt));
    private final ObjectProperty<TaskItem> current = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");

    public ReviewViewModel(ConsoleState state, CommandClient client) {
        this.state = state;
        this.client = client;
        state.tasks().values().stream().filter(ReviewViewModel::waits).forEach(waiting::add);
        state.tasks().addListener((MapChangeListener<String, TaskItem>) c -> {
            waiting.removeIf(t -> t.id().equals(c.getKey()));
            if (c.wasAdded() && waits(c.getValueAdded())) {
                waiting.add(c.getValueAdded());
            }
            TaskItem cur = current.get();
            if (cur != null && cur.id().equals(c.getKey())) {
                current.set(c.wasAdded() && waits(c.getValueAdded()) ? c.getValueAdded() : null);
            }
        });
    }

    private static boolean waits(TaskItem t) {
        return t.stage() == TaskStage.FEEDBACK_SUBMITTED;
    }

    public ObservableList<TaskItem> queue() {
        return queue;
    }

    public ObjectProperty<TaskItem> currentProperty() {
        return current;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** One of the task's feedback photos, fetched off the FX thread (recent ones from the client's cache). */
    public CompletableFuture<byte[]> photo(TaskItem t, PhotoRef photo) {
        return client.photo(t.id(), photo);
    }

    public String unitName(String id) {
        return state.unitName(id);
    }

    public CompletableFuture<Void> approve() {
        TaskItem t = current.get();
        return t == null ? CompletableFuture.completedFuture(null) : client.review(t.id(), t.version(), true, reason.get().trim());
    }

    /** Returns the feedback; the reason is required (the view says so before asking the hub). */
    public CompletableFuture<Void> sendBack() {
        TaskItem t = current.get();
        return t == null ? CompletableFuture.completedFuture(null) : client.review(t.id(), t.version(), false, reason.get().trim());
    }
}
