package commandroom.geo.road;

/**
 * How long a unit takes to reach a place (metres: the straight line). noRoad: no road near the unit (or none from its
 * road to the place), so the time is the straight line at the kind's off-road pace, never a
 * guess that flatters it. Immutable.
 */
public record Arrival(String id, double seconds, double metres, boolean noRoad) {}
