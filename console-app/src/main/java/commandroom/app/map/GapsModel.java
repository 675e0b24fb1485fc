package commandroom.app.map;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.UnitItem;
import commandroom.app.travel.CoverageGaps;
import commandroom.app.travel.TravelModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.MapChangeListener;

/**
 * The map's coverage gaps, shown on demand: where no available police unit (patrol car, community
 * or auxiliary officer: those who can act on arrival, as the 1-3-5 minute rule means) reaches in 5
 * minutes, and the share of the county that some unit does. Volunteers, grid workers and drones
 * help but do not close a gap. Worked out by the hub over its roads, again as units move, at most
 * every two seconds (a unit's minute of driving changes little in two). Holds no Node. FX thread only.
 */
public final class GapsModel {

    /** The time the county promises (the outer 1-3-5 ring). */
    public static final double LIMIT_SECONDS = 300;
    /** Side of a cell, metres: a city block. */
    static final double CELL_METRES = 100;
    private static final long REFRESH_NANOS = 2_000_000_000L;
    private static final java.util.Set<String> RESPONDERS = java.util.Set.of("PATROL_CAR", "COMMUNITY_OFFICER",
            "AUXILIARY_OFFICER");

    private final ConsoleState state;
    private final TravelModel travel;
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final ReadOnlyDoubleWrapper covered = new ReadOnlyDoubleWrapper(Double.NaN);
    private CoverageGaps last;
    private boolean asking;
    private long lastAt;
    private boolean stale = true;

    GapsModel(ConsoleState state, TravelModel travel) {
        this.state = state;
        this.travel = travel;
        state.units().addListener((MapChangeListener<String, UnitItem>) c -> stale = true);
        state.zones().addListener((javafx.beans.InvalidationListener) o -> stale = true);
        state.roads().addListener((javafx.beans.InvalidationListener) o -> stale = true);
        shown.addListener((o, was, is) -> {
            if (is) {
                stale = true;
                current();
            } else {
                last = null;
            }
        });
    }

    /** Whether the gaps are shaded on the map. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Share of the county some available unit reaches in 5 minutes, 0–1; NaN until worked out. */
    public ReadOnlyDoubleProperty coveredProperty() {
        return covered.getReadOnlyProperty();
    }

    /**
     * The gaps as last worked out by the hub, or null when hidden or not yet known. Asked again off
     * the FX thread when units moved and two seconds passed (one question at a time); the last
     * answer shows meanwhile.
     */
    public CoverageGaps current() {
        if (!shown.get()) {
            return null;
        }
        long now = System.nanoTime();
        if (!asking && (last == null && stale || stale && now - lastAt >= REFRESH_NANOS)) {
            asking = true;
            stale = false;
            lastAt = now;
            travel.gaps(state.units().values().stream().filter(UnitItem::isAvailable)
                            .filter(u -> RESPONDERS.contains(u.kind())).toList(), state.zones().values(), CELL_METRES,
                    (int) LIMIT_SECONDS).whenComplete((g, failure) -> {
                        asking = false;
                        if (g != null && shown.get()) {
                            last = g;
                            covered.set(g.coveredShare());
                        }
                    });
        }
        return last;
    }
}
