package commandroom.app.connection;

import commandroom.app.model.ShiftItem;
import commandroom.app.model.ConnectionState;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.TaskItem;
import commandroom.app.model.UnitItem;
import commandroom.app.model.CameraItem;
import commandroom.app.model.ZoneItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The hub's state as this console sees it: observable projections of the event log, and the
 * connection's state. Changed only by the {@link EventApplier} on the FX thread; views bind to it.
 */
public final class ConsoleState {

    /** Something a person should be alerted to. */
    public record Alert(Kind kind, String subjectId, String text) {
        /** What happened. */
        public enum Kind { NEW_INCIDENT, OVERDUE, RETURNED, CONNECTION_LOST, CONNECTION_BACK, COUNTY_INSTRUCTION,
            /** A camera source's alarm that is not an incident: the subject is the camera, the text the alarm's type. */
            CAMERA_ALARM,
            /** A drone was sent to an incident: the subject is its camera, the text the incident. */
            DRONE_OUT }
    }

    final ObservableMap<String, TaskItem> tasks = FXCollections.observableHashMap();
    final ObservableMap<String, IncidentItem> incidents = FXCollections.observableHashMap();
    final ObservableMap<String, UnitItem> units = FXCollections.observableHashMap();
    final ObservableMap<String, ZoneItem> zones = FXCollections.observableHashMap();
    final ObservableMap<String, CameraItem> cameras = FXCollections.observableHashMap();
    final ObservableMap<String, commandroom.app.model.RoadItem> roads = FXCollections.observableHashMap();
    /** The alarm queue: open alarms and the last ones acknowledged, by id (stale ones never come). */
    final ObservableMap<String, commandroom.app.model.AlarmItem> alarms = FXCollections.observableHashMap();
    /** The shift plan from now on (the snapshot's week ahead, then each import), by {@link ShiftItem#key}. */
    final ObservableMap<String, ShiftItem> shifts = FXCollections.observableHashMap();
    /** Names of retired zones, units and cameras by id: what old incidents and case files still name. */
    final java.util.Map<String, String> retiredNames = new java.util.HashMap<>();
    final ReadOnlyLongWrapper lastSequence = new ReadOnlyLongWrapper();
    /** The sequence of the last event that may have changed a case file (the console keeps no copy of them). */
    final ReadOnlyLongWrapper casesChanged = new ReadOnlyLongWrapper();
    final ReadOnlyObjectWrapper<ConnectionState> connection = new ReadOnlyObjectWrapper<>(
            new ConnectionState(ConnectionState.Status.CONNECTING, Instant.now(), 0, ""));
    private final List<Consumer<Alert>> alertListeners = new ArrayList<>();
    private final ObservableMap<String, Instant> camerasOffline = FXCollections.observableHashMap();
    /** Who controls each PTZ camera now (cameras nobody holds are absent). */
    private final ObservableMap<String, PtzHolder> ptzHolders = FXCollections.observableHashMap();
    // Read-only views made once: an unmodifiable wrapper listens to its map weakly, so a wrapper
    // made per call would be collected and silently drop its listeners.
    private final ObservableMap<String, TaskItem> tasksView = FXCollections.unmodifiableObservableMap(tasks);
    private final ObservableMap<String, IncidentItem> incidentsView = FXCollections.unmodifiableObservableMap(incidents);
    private final ObservableMap<String, UnitItem> unitsView = FXCollections.unmodifiableObservableMap(units);
    private final ObservableMap<String, ZoneItem> zonesView = FXCollections.unmodifiableObservableMap(zones);
    private final ObservableMap<String, CameraItem> camerasView = FXCollections.unmodifiableObservableMap(cameras);
    private final ObservableMap<String, commandroom.app.model.RoadItem> roadsView =
            FXCollections.unmodifiableObservableMap(roads);
    private final ObservableMap<String, ShiftItem> shiftsView = FXCollections.unmodifiableObservableMap(shifts);
    private final ObservableMap<String, commandroom.app.model.AlarmItem> alarmsView =
            FXCollections.unmodifiableObservableMap(alarms);

    /** The alarm queue, by id. */
    public ObservableMap<String, commandroom.app.model.AlarmItem> alarms() {
        return alarmsView;
    }

    /** The name a retired zone, unit or camera had, if the id is one. */
    public java.util.Optional<String> retiredName(String id) {
        return java.util.Optional.ofNullable(retiredNames.get(id));
    }

    public ObservableMap<String, TaskItem> tasks() {
        return tasksView;
    }

    public ObservableMap<String, IncidentItem> incidents() {
        return incidentsView;
    }

    public ObservableMap<String, UnitItem> units() {
        return unitsView;
    }

    public ObservableMap<String, ZoneItem> zones() {
        return zonesView;
    }

    /** The camera registry, by id. */
    public ObservableMap<String, CameraItem> cameras() {
        return camerasView;
    }

    /**
     * Cameras this console's walls have seen go dark, with since when; a camera live again leaves.
     * Only cameras someone watches are known (the hub does not probe streams). FX thread.
     */
    /** A PTZ camera's holder: their login name and the name to show. */
    public record PtzHolder(String userId, String displayName) {}

    /** Who holds each PTZ camera, as the hub's PtzControlChanged events said. FX thread. */
    public ObservableMap<String, PtzHolder> ptzHolders() {
        return ptzHolders;
    }

    public ObservableMap<String, Instant> camerasOffline() {
        return camerasOffline;
    }

    /** The roads, for the map (they change only when the registry does). */
    public ObservableMap<String, commandroom.app.model.RoadItem> roads() {
        return roadsView;
    }

    public ObservableMap<String, ShiftItem> shifts() {
        return shiftsView;
    }

    /**
     * Changes when an event may have changed a dispute case file: filed, mediated, settled, a
     * repeat call, a visit handed out or closed. Views that show case files reload on it.
     */
    public ReadOnlyLongProperty casesChangedProperty() {
        return casesChanged.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty lastSequenceProperty() {
        return lastSequence.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** A unit's name to show, or its id when the console does not know it. */
    public String unitName(String id) {
        UnitItem u = units.get(id);
        return u == null ? id : u.name();
    }

    /** A zone's name to show, or its id when the console does not know it. */
    public String zoneName(String id) {
        ZoneItem z = zones.get(id);
        return z == null ? id : z.name();
    }

    /** Listens for alerts; called on the FX thread. */
    public void onAlert(Consumer<Alert> listener) {
        alertListeners.add(listener);
    }

    void alert(Alert a) {
        alertListeners.forEach(l -> l.accept(a));
    }
}
