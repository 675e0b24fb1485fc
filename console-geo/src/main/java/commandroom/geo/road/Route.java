package commandroom.geo.road;

import commandroom.geo.LatLon;
import java.util.List;

/**
 * A way from one place to another for one kind: its time, its length and its line, from the start
 * to the destination (the walk to and from the road included). noRoad: the straight line at the
 * off-road pace, no road being near one end (a drone: its flight, and noRoad false).
 * Immutable.
 */
public record Route(double seconds, double metres, List<LatLon> line, boolean noRoad) {
    public Route {
        line = List.copyOf(line);
    }
}
