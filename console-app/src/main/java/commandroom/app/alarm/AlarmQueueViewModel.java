package commandroom.app.alarm;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.AlarmItem;
import commandroom.app.model.CameraItem;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.TaskItem;
import commandroom.app.model.UnitItem;
import commandroom.app.model.UserRole;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * The alarm queue of one console: the alarms in front of its user (the duty officers from the
 * start, the shift leaders once an alarm went up to them, the chief once it went up to the chief),
 * those nobody acknowledged first — urgent before high before normal, oldest first — then the last
 * ones acknowledged, newest first. It asks for a sound when an alarm comes in front of the user
 * (raised, or gone up a level); a muted console still sounds the urgent ones. FX thread; no
 * toolkit needed (tests drive it without one).
 */
public final class AlarmQueueViewModel {

    /** Acknowledges an alarm at the hub. */
    public interface Acknowledger {
        CompletableFuture<Void> acknowledge(String alarmId);
    }

    /** A sound asked for: the alarm's priority, the alarm, and a count that makes each one new. */
    public record Sound(String priority, String alarmId, long count) {}

    private static final Comparator<AlarmItem> WAITING = Comparator.comparingInt(AlarmItem::rank)
            .thenComparing(AlarmItem::raisedAt).thenComparing(AlarmItem::id);
    private static final Comparator<AlarmItem> DONE = Comparator.comparing(AlarmItem::acknowledgedAt).reversed();

    private final ConsoleState state;
    private final UserRole role;
    private final Clock clock;
    private final Acknowledger hub;
    private final ObservableList<AlarmItem> open = FXCollections.observableArrayList();
    private final ObservableList<AlarmItem> done = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Sound> sound = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    /** "id@level" of every alarm this console has sounded for. */
    private final Set<String> heard = new HashSet<>();
    private long sounds;

    public AlarmQueueViewModel(ConsoleState state, UserRole role, Clock clock, Acknowledger hub) {
        this.state = state;
        this.role = role;
        this.clock = clock;
        this.hub = hub;
        state.alarms().addListener((MapChangeListener<String, AlarmItem>) c -> {
            if (c.wasAdded()) {
                maybeSound(c.getValueAdded());
            }
            refresh();
        });
        state.alarms().values().forEach(this::maybeSound);
        refresh();
    }

    private void maybeSound(AlarmItem a) {
        if (a.acknowledged() || !a.reaches(role) || !heard.add(a.id() + "@" + a.level())) {
            return;
        }
        if (muted.get() && !a.priority().equals("URGENT")) {
            return;
        }
        sound.set(new Sound(a.priority(), a.id(), ++sounds));
    }

    private void refresh() {
        List<AlarmItem> mine = state.alarms().values().stream().filter(a -> a.reaches(role)).toList();
        open.setAll(mine.stream().filter(a -> !a.acknowledged()).sorted(WAITING).toList());
        done.setAll(mine.stream().filter(AlarmItem::acknowledged).sorted(DONE).limit(50).toList());
        waiting.set(open.size());
    }

    /** Alarms waiting for someone, the most urgent and oldest first. */
    public ObservableList<AlarmItem> open() {
        return FXCollections.unmodifiableObservableList(open);
    }

    /** The last alarms acknowledged, newest first. */
    public ObservableList<AlarmItem> done() {
        return FXCollections.unmodifiableObservableList(done);
    }

    /** How many wait for someone: what the status bar flashes. */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** The last sound asked for (null before the first). */
    public ReadOnlyObjectProperty<Sound> soundProperty() {
        return sound.getReadOnlyProperty();
    }

    /** Muted: no sound but for urgent alarms. */
    public BooleanProperty mutedProperty() {
        return muted;
    }

    /** What went wrong with the last acknowledgement, in words, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Acknowledges the alarm; pass the outcome to {@link #acknowledged} on the FX thread. */
    public CompletableFuture<Void> acknowledge(AlarmItem a) {
        problem.set("");
        return hub.acknowledge(a.id());
    }

    /** Takes the hub's answer to an acknowledgement (the queue itself follows the event). */
    public void acknowledged(Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            problem.set(Messages.get("alarm.ackFailed", cause.getMessage()));
        }
    }

    /** The alarm in words: what and where ("新警情 · 城关镇人民路12号"). */
    public String text(AlarmItem a) {
        String what = Messages.get("alarm.kind." + a.kind());
        String about = switch (a.kind()) {
            case "NEW_INCIDENT" -> name(state.incidents().get(a.subjectId()), IncidentItem::address, a.subjectId());
            case "STEP_OVERDUE" -> {
                TaskItem t = state.tasks().get(a.subjectId());
                IncidentItem i = t == null ? null : state.incidents().get(t.incidentId());
                yield name(i, IncidentItem::address, a.subjectId()) + " · " + Messages.get("step." + a.detail());
            }
            case "CAMERA_ALARM" -> name(state.cameras().get(a.subjectId()), CameraItem::name, a.subjectId()) + " · "
                    + Labels.alarmType(a.detail());
            case "EMERGENCY" -> name(state.units().get(a.subjectId()), UnitItem::name, a.subjectId());
            default -> a.subjectId();
        };
        // The priority is on the mark beside it.
        return what + " · " + about;
    }

    /** How long it has waited, or who acknowledged it and how long after. */
    public String state(AlarmItem a) {
        if (a.acknowledged()) {
            return Messages.get("alarm.acknowledged", a.acknowledgedBy(), seconds(Duration.between(a.raisedAt(),
                    a.acknowledgedAt())));
        }
        String waited = Messages.get("alarm.waiting", seconds(Duration.between(a.raisedAt(), clock.instant())));
        return a.level() > 0 ? waited + " · " + Messages.get("alarm.level." + a.level()) : waited;
    }

    private static String seconds(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? Messages.get("alarm.seconds", s) : Messages.get("alarm.minutes", s / 60);
    }

    private static <T> String name(T item, Function<T, String> name, String id) {
        return item == null ? id : name.apply(item);
    }
}
