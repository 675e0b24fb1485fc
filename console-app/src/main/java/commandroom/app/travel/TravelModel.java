package commandroom.app.travel;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.GeoPoint;
import commandroom.app.model.RoadItem;
import commandroom.app.model.UnitItem;
import java.util.Map;
import javafx.collections.MapChangeListener;

/**
 * Travel times over the console's roads, for the map's 1-3-5 minute rings and the dispatch
 * dialog's ranking: the road graph, rebuilt when the roads change, and the last few searches by
 * place and unit kind (the map redraws an incident's rings and a unit's coverage every frame; a
 * dispatch asks for one incident once per kind). Without roads it answers infinity, and callers
 * fall back on straight-line distance. FX thread.
 */
public final class TravelModel {

    /** The rings, in seconds: the county's "1-3-5 minute" quick-response circles. */
    public static final int[] RINGS = {60, 180, 300};

    private final ConsoleState state;
    private RoadGraph graph;
    /** Searches kept: every kind towards one place, plus a few more. */
    private static final int KEPT = 16;

    private record Key(GeoPoint place, String kind) {}

    private final Map<Key, TravelTimes> searches = new java.util.LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, TravelTimes> eldest) {
            return size() > KEPT;
        }
    };

    public TravelModel(ConsoleState state) {
        this.state = state;
        state.roads().addListener((MapChangeListener<String, RoadItem>) c -> {
            graph = null;
            searches.clear();
        });
    }

    public RoadGraph graph() {
        if (graph == null) {
            graph = RoadGraph.of(state.roads().values());
        }
        return graph;
    }

    /** The search for a kind of unit towards a place. */
    public TravelTimes to(GeoPoint place, String kind) {
        return searches.computeIfAbsent(new Key(place, kind), k -> TravelTimes.to(graph(), place, kind));
    }

    /** Seconds for a unit to reach a place; infinite when no road leads there (or none are known). */
    public double seconds(UnitItem unit, GeoPoint place) {
        if (graph().isEmpty() && !Speeds.flies(unit.kind())) {
            return Double.POSITIVE_INFINITY;
        }
        return to(place, unit.kind()).secondsFrom(new GeoPoint(unit.latitude(), unit.longitude()));
    }
}
