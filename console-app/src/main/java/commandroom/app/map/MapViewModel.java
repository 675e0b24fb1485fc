package commandroom.app.map;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.GeoPoint;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.travel.TravelModel;
import commandroom.app.travel.TravelRings;
import commandroom.app.travel.TravelTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.MapChangeListener;

/**
 * The incident map's state: what part of the county it shows, whether live updates may move it
 * (follow mode) or the operator has taken it over (view lock), which unit it follows, which
 * incident is picked (and its 1-3-5 minute rings), which layers show, and a short trail of each
 * unit's last positions. Reads
 * the console's projections; holds no Node. FX thread only.
 *
 * <p>View lock: any pan or zoom by the operator ends follow mode, and then nothing the hub sends
 * moves the view; {@link #resumeFollowing()} gives it back (to the followed unit, or the whole
 * county).
 */
public final class MapViewModel {

    /** Positions kept per unit for its trail. */
    static final int TRAIL = 8;
    /** How near (pixels) a click must be to pick a marker. */
    static final double PICK_RADIUS = 14;

    private final ConsoleState state;
    private final TravelModel travel;
    private final ReadOnlyObjectWrapper<MapViewport> viewport = new ReadOnlyObjectWrapper<>(
            new MapViewport(30.545, 119.96, 14, 800, 600));
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<String> followedUnit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<IncidentItem> selected = new ReadOnlyObjectWrapper<>();
    /** The unit whose own 1-3-5 minute coverage the map shows, or null. */
    private final ReadOnlyObjectWrapper<String> coverageUnit = new ReadOnlyObjectWrapper<>();
    /** The coverage unit's rings last drawn, shown while its new place is asked about. */
    private TravelRings lastCoverage;
    private final BooleanProperty base = new SimpleBooleanProperty(true);
    private final BooleanProperty zones = new SimpleBooleanProperty(true);
    private final BooleanProperty cameras = new SimpleBooleanProperty(true);
    private final BooleanProperty units = new SimpleBooleanProperty(true);
    private final BooleanProperty incidents = new SimpleBooleanProperty(true);
    private final Map<String, Deque<GeoPoint>> trails = new HashMap<>();
    private final GapsModel gaps;

    public MapViewModel(ConsoleState state, TravelModel travel) {
        this.state = state;
        this.travel = travel;
        this.gaps = new GapsModel(state, travel);
        state.units().values().forEach(this::remember);
        state.units().addListener((MapChangeListener<String, UnitItem>) c -> {
            if (c.wasAdded()) {
                remember(c.getValueAdded());
                if (following.get() && c.getKey().equals(followedUnit.get())) {
                    showFollowed();
                }
            } else {
                trails.remove(c.getKey());
            }
        });
        // The county arrives with the first snapshot: the view fits it, unless the operator moved it.
        state.zones().addListener((MapChangeListener<String, ZoneItem>) c -> {
            if (following.get() && followedUnit.get() == null) {
                home();
            }
        });
        state.incidents().addListener((MapChangeListener<String, IncidentItem>) c -> {
            IncidentItem s = selected.get();
            if (s != null && s.id().equals(c.getKey())) {
                selected.set(c.wasAdded() ? c.getValueAdded() : null);
            }
        });
        home();
    }

    private void remember(UnitItem u) {
        Deque<GeoPoint> t = trails.computeIfAbsent(u.id(), k -> new ArrayDeque<>());
        GeoPoint p = new GeoPoint(u.latitude(), u.longitude());
        if (!p.equals(t.peekLast())) {
            t.addLast(p);
            if (t.size() > TRAIL) {
                t.removeFirst();
            }
        }
    }

    /** A unit's last positions, oldest first (the last is where it is). */
    public List<GeoPoint> trail(String unitId) {
        Deque<GeoPoint> t = trails.get(unitId);
        return t == null ? List.of() : List.copyOf(t);
    }

    /** The direction a unit last moved in, degrees clockwise from north; NaN if it has not moved. */
    public double heading(String unitId) {
        List<GeoPoint> t = trail(unitId);
        if (t.size() < 2) {
            return Double.NaN;
        }
        GeoPoint a = t.get(t.size() - 2);
        GeoPoint b = t.get(t.size() - 1);
        double east = (b.longitude() - a.longitude()) * Math.cos(Math.toRadians(b.latitude()));
        double north = b.latitude() - a.latitude();
        return (Math.toDegrees(Math.atan2(east, north)) + 360) % 360;
    }

    /** The view's size changed (the window did): the centre stays. */
    public void resize(double width, double height) {
        viewport.set(viewport.get().sized(width, height));
        if (following.get() && followedUnit.get() == null) {
            home();
        }
    }

    /** The operator drags the map: the view is theirs until they resume following. */
    public void panBy(double dx, double dy) {
        following.set(false);
        viewport.set(viewport.get().pannedBy(dx, dy));
    }

    /** The operator zooms about a point of the view (wheel, pinch, keys): view lock as for a pan. */
    public void zoomAt(double steps, double x, double y) {
        following.set(false);
        viewport.set(viewport.get().zoomedAt(steps, x, y));
    }

    /** Follows a unit: the view centres on it now and whenever it moves. */
    public void follow(String unitId) {
        followedUnit.set(unitId);
        resumeFollowing();
    }

    /** Gives the view back to live updates: to the followed unit, or the whole county. */
    public void resumeFollowing() {
        following.set(true);
        if (followedUnit.get() != null && state.units().containsKey(followedUnit.get())) {
            showFollowed();
        } else {
            followedUnit.set(null);
            home();
        }
    }

    private void showFollowed() {
        UnitItem u = state.units().get(followedUnit.get());
        if (u != null) {
            viewport.set(viewport.get().centredOn(u.latitude(), u.longitude()));
        }
    }

    /** Fits the county's zones (or its units, before zones are known) in the view. */
    private void home() {
        List<GeoPoint> points = state.zones().values().stream().flatMap(z -> z.polygon().stream()).toList();
        if (points.isEmpty()) {
            points = state.units().values().stream().map(u -> new GeoPoint(u.latitude(), u.longitude())).toList();
        }
        if (points.isEmpty()) {
            return;
        }
        MapViewport v = viewport.get();
        viewport.set(MapViewport.fitting(points, v.width(), v.height(), 0.9));
    }

    /** Picks the open incident nearest a point of the view (within {@link #PICK_RADIUS}), or none. */
    public void pickAt(double x, double y) {
        selected.set(incidentAt(x, y));
    }

    /** The open incident nearest a point of the view, within {@link #PICK_RADIUS}; null if none. */
    public IncidentItem incidentAt(double x, double y) {
        return incidents.get() ? nearest(state.incidents().values().stream().filter(MapViewModel::isOpen).toList(),
                IncidentItem::latitude, IncidentItem::longitude, x, y) : null;
    }

    /** The cameras inside a rectangle of the view (two corners, any order), by id. */
    public List<String> camerasIn(double x0, double y0, double x1, double y1) {
        MapViewport v = viewport.get();
        double left = Math.min(x0, x1);
        double right = Math.max(x0, x1);
        double top = Math.min(y0, y1);
        double bottom = Math.max(y0, y1);
        return state.cameras().values().stream().filter(c -> {
            double x = v.screenX(c.longitude());
            double y = v.screenY(c.latitude());
            return x >= left && x <= right && y >= top && y <= bottom;
        }).map(c -> c.id()).sorted().toList();
    }

    /** The unit nearest a point of the view, within {@link #PICK_RADIUS}; null if none. */
    public UnitItem unitAt(double x, double y) {
        return units.get() ? nearest(state.units().values(), UnitItem::latitude, UnitItem::longitude, x, y) : null;
    }

    /** The marker nearest a point of the view, within {@link #PICK_RADIUS}; null if none. */
    private <T> T nearest(java.util.Collection<T> markers, java.util.function.ToDoubleFunction<T> lat,
                          java.util.function.ToDoubleFunction<T> lon, double x, double y) {
        MapViewport v = viewport.get();
        T best = null;
        double bestD = PICK_RADIUS;
        for (T m : markers) {
            double d = Math.hypot(v.screenX(lon.applyAsDouble(m)) - x, v.screenY(lat.applyAsDouble(m)) - y);
            if (d <= bestD) {
                bestD = d;
                best = m;
            }
        }
        return best;
    }

    /** An incident the map shows: not yet resolved or cancelled. */
    public static boolean isOpen(IncidentItem i) {
        return "OPEN".equals(i.status()) || "IN_HAND".equals(i.status());
    }

    /**
     * How many available units reach an incident within each of {@link TravelModel#RINGS} (1, 3 and
     * 5 minutes), each at its own kind's speed over the roads (a drone straight), as the hub timed
     * them; null until it has answered.
     */
    public int[] reachable(IncidentItem i) {
        Map<String, TravelTime> times = travel.timesTo(new GeoPoint(i.latitude(), i.longitude()));
        if (times == null) {
            return null;
        }
        int[] counts = new int[TravelModel.RINGS.length];
        for (UnitItem u : state.units().values()) {
            TravelTime t = times.get(u.id());
            if (!u.isAvailable() || t == null) {
                continue;
            }
            for (int k = 0; k < counts.length; k++) {
                if (t.seconds() <= TravelModel.RINGS[k]) {
                    counts[k]++;
                }
            }
        }
        return counts;
    }

    /** Goes up when travel times arrive from the hub: the map draws again. */
    public javafx.beans.property.ReadOnlyIntegerProperty travelRevisionProperty() {
        return travel.revisionProperty();
    }

    /** Shows (or, for the unit shown, hides) the area a unit covers within 1, 3 and 5 minutes. */
    public void toggleCoverage(String unitId) {
        coverageUnit.set(unitId.equals(coverageUnit.get()) ? null : unitId);
    }

    public ReadOnlyObjectProperty<String> coverageUnitProperty() {
        return coverageUnit.getReadOnlyProperty();
    }

    /**
     * The unit whose coverage shows and how far it gets from where it stands in 1, 3 and 5 minutes,
     * at its own kind's speeds; null when no coverage shows, the unit is gone, or the hub has not
     * answered yet. While the unit moves, its last rings show until the new ones come.
     */
    public TravelRings coverage() {
        UnitItem u = coverageUnit.get() == null ? null : state.units().get(coverageUnit.get());
        if (u == null) {
            lastCoverage = null;
            return null;
        }
        TravelRings now = travel.rings(new GeoPoint(u.latitude(), u.longitude()), u.kind());
        if (now != null) {
            lastCoverage = now;
        }
        return lastCoverage != null && lastCoverage.kind().equals(u.kind()) ? lastCoverage : null;
    }

    /** The rings drawn on the map: how far a patrol car gets to an incident over the roads; null until known. */
    public TravelRings rings(IncidentItem i) {
        return travel.rings(new GeoPoint(i.latitude(), i.longitude()), "PATROL_CAR");
    }

    public void clearSelection() {
        selected.set(null);
    }

    public ReadOnlyObjectProperty<MapViewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> followedUnitProperty() {
        return followedUnit.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IncidentItem> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Where no available unit reaches in 5 minutes, shaded on demand. */
    public GapsModel gaps() {
        return gaps;
    }

    /** Whether the base map (when the console has one) is drawn under the vector layers. */
    public BooleanProperty baseShownProperty() {
        return base;
    }

    public BooleanProperty zonesShownProperty() {
        return zones;
    }

    public BooleanProperty camerasShownProperty() {
        return cameras;
    }

    public BooleanProperty unitsShownProperty() {
        return units;
    }

    public BooleanProperty incidentsShownProperty() {
        return incidents;
    }

    public ConsoleState state() {
        return state;
    }
}
