package commandroom.geo.road;

/**
 * How long a unit takes to reach a place (metres: the straight line). noRoad: no road near the unit (or none from its
 * road to the place), so the time is the straight line at the kind's off-road pace, never a
 * guess that flatters it. beyond: the road search stopped at its horizon before it reached the
 * unit ({@link RoadNetwork#HORIZON_SECONDS}); the time is the horizon or the straight line,
 * whichever is longer, so such a unit ranks after every unit reached. Immutable.
 */
public record Arrival(String id, double seconds, double metres, boolean noRoad, boolean beyond) {

    public Arrival(String id, double seconds, double metres, boolean noRoad) {
        this(id, seconds, metres, noRoad, false);
    }
}
