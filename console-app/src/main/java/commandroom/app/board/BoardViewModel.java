package commandroom.app.board;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.StepClock;
import commandroom.app.model.TaskItem;
import commandroom.app.model.TaskStage;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The task board's state: one sorted, filtered list per lifecycle stage (overdue first, then the
 * soonest clock), plus the new incidents still waiting for a unit. Follows the console's
 * projections; holds no Node. FX thread only.
 */
public final class BoardViewModel implements BoardFilter.Directory {

    /** Stages that get a column, in order. */
    public static final TaskStage[] COLUMNS = {TaskStage.DISPATCHED, TaskStage.DELIVERED, TaskStage.SIGNED_FOR,
            TaskStage.ARRIVED, TaskStage.IN_PROGRESS, TaskStage.FEEDBACK_SUBMITTED, TaskStage.CLOSED};

    private final ConsoleState state;
    private final ObjectProperty<BoardFilter> filter = new SimpleObjectProperty<>(BoardFilter.ALL);
    private final Map<TaskStage, ObservableList<TaskItem>> raw = new EnumMap<>(TaskStage.class);
    /** Where each task sits in its stage's raw list: updates and moves without a scan. */
    private final Map<String, Integer> position = new java.util.HashMap<>();
    private final Map<TaskStage, SortedList<TaskItem>> columns = new EnumMap<>(TaskStage.class);
    private final ObservableList<IncidentItem> rawIncidents = FXCollections.observableArrayList();
    private final SortedList<IncidentItem> newIncidents;
    private final ObservableList<ZoneItem> zones = FXCollections.observableArrayList();
    private final ObservableList<String> stations = FXCollections.observableArrayList();
    private final ObservableList<UnitItem> units = FXCollections.observableArrayList();

    public BoardViewModel(ConsoleState state) {
        this.state = state;
        for (TaskStage s : TaskStage.values()) {
            ObservableList<TaskItem> list = FXCollections.observableArrayList();
            raw.put(s, list);
            FilteredList<TaskItem> filtered = new FilteredList<>(list);
            filtered.predicateProperty().bind(Bindings.createObjectBinding(
                    () -> t -> filter.get().accepts(t, this), filter));
            columns.put(s, new SortedList<>(filtered, s == TaskStage.CLOSED
                    ? Comparator.comparing(TaskItem::dispatchedAt).reversed() : URGENCY));
        }
        FilteredList<IncidentItem> filteredIncidents = new FilteredList<>(rawIncidents);
        filteredIncidents.predicateProperty().bind(Bindings.createObjectBinding(
                () -> i -> filter.get().accepts(i, this), filter));
        newIncidents = new SortedList<>(filteredIncidents, Comparator.comparing((IncidentItem i) -> rank(i.priority()))
                .thenComparing(IncidentItem::reportedAt));
        state.tasks().values().forEach(this::place);
        state.incidents().values().forEach(this::placeIncident);
        state.tasks().addListener((MapChangeListener<String, TaskItem>) c -> {
            TaskItem old = c.wasRemoved() ? c.getValueRemoved() : null;
            TaskItem now = c.wasAdded() ? c.getValueAdded() : null;
            if (old != null && now != null && old.stage() == now.stage()) {
                raw.get(now.stage()).set(position.get(now.id()), now); // same column: replace in place
                return;
            }
            if (old != null) {
                unplace(old);
            }
            if (now != null) {
                place(now);
            }
        });
        showZones();
        state.zones().addListener((MapChangeListener<String, ZoneItem>) c -> showZones());
        showUnits();
        // Units change status and position all the time; the filter's list only cares who they are.
        state.units().addListener((MapChangeListener<String, UnitItem>) c -> {
            if (!c.wasAdded() || !c.wasRemoved() || !c.getValueAdded().name().equals(c.getValueRemoved().name())) {
                showUnits();
            }
        });
        state.incidents().addListener((MapChangeListener<String, IncidentItem>) c -> {
            rawIncidents.removeIf(i -> i.id().equals(c.getKey()));
            if (c.wasAdded()) {
                placeIncident(c.getValueAdded());
            }
        });
    }

    /** Overdue first, then the step clock that runs out soonest. */
    static final Comparator<TaskItem> URGENCY = Comparator.comparing((TaskItem t) -> !t.isOverdue())
            .thenComparing(t -> {
                StepClock c = t.currentClock();
                return c == null ? Instant.MAX : c.due();
            }).thenComparing(TaskItem::id);

    private void place(TaskItem t) {
        ObservableList<TaskItem> list = raw.get(t.stage());
        position.put(t.id(), list.size());
        list.add(t);
    }

    /** Removes by moving the last card into the hole (the raw lists are unordered; views sort). */
    private void unplace(TaskItem t) {
        ObservableList<TaskItem> list = raw.get(t.stage());
        int at = position.remove(t.id());
        TaskItem last = list.remove(list.size() - 1);
        if (at < list.size()) {
            list.set(at, last);
            position.put(last.id(), at);
        }
    }

    /** Urgent first. */
    static int rank(String priority) {
        return switch (priority) {
            case "URGENT" -> 0;
            case "HIGH" -> 1;
            case "NORMAL" -> 2;
            default -> 3;
        };
    }

    private void placeIncident(IncidentItem i) {
        if ("OPEN".equals(i.status())) {
            rawIncidents.add(i);
        }
    }

    public ObservableList<TaskItem> column(TaskStage stage) {
        return columns.get(stage);
    }

    public ObservableList<IncidentItem> newIncidents() {
        return newIncidents;
    }

    public ObjectProperty<BoardFilter> filterProperty() {
        return filter;
    }

    /** The zones, kept current (they arrive with the first snapshot). */
    public ObservableList<ZoneItem> zones() {
        return zones;
    }

    /** The stations the zones belong to, by id (a county hub's board spans several). */
    public ObservableList<String> stations() {
        return stations;
    }

    /** The units, by name, for the assignee filter. */
    public ObservableList<UnitItem> units() {
        return units;
    }

    private void showZones() {
        zones.setAll(state.zones().values().stream().sorted(Comparator.comparing(ZoneItem::name)).toList());
        stations.setAll(zones.stream().map(ZoneItem::stationId).filter(id -> !id.isEmpty()).distinct().sorted().toList());
    }

    private void showUnits() {
        units.setAll(state.units().values().stream().sorted(Comparator.comparing(UnitItem::name)).toList());
    }

    @Override
    public String stationOf(String zoneId) {
        ZoneItem z = state.zones().get(zoneId);
        return z == null ? null : z.stationId();
    }

    @Override
    public String unitName(String id) {
        return state.unitName(id);
    }

    public String zoneName(String id) {
        return state.zoneName(id);
    }

    /** The task's incident, for dispatch and the case file. */
    public IncidentItem incident(String id) {
        return state.incidents().get(id);
    }
}
