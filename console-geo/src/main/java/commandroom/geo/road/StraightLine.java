package commandroom.geo.road;

import commandroom.geo.Earth;
import commandroom.geo.LatLon;
import commandroom.geo.Mover;
import commandroom.geo.SpeedProfiles;
import java.util.List;

/**
 * Times without roads: a drone's flight (its real way), and for anyone else the straight line at
 * the kind's off-road pace, flagged as no road. Slow on purpose: a unit whose way is unknown is
 * never ranked ahead of one whose road is known by a speed it may not have. Stateless.
 */
public final class StraightLine {

    private StraightLine() {}

    /** How long a unit takes straight to a place. */
    public static Arrival arrival(Traveller u, LatLon place) {
        double metres = Earth.metres(u.at(), place);
        double kmh = u.kind().flies() ? SpeedProfiles.DRONE_KMH : SpeedProfiles.offRoadKmh(u.kind());
        return new Arrival(u.id(), metres / SpeedProfiles.metresPerSecond(kmh), metres, !u.kind().flies());
    }

    /** The straight way from one place to another. */
    public static Route route(Mover kind, LatLon from, LatLon to) {
        double metres = Earth.metres(from, to);
        double kmh = kind.flies() ? SpeedProfiles.DRONE_KMH : SpeedProfiles.offRoadKmh(kind);
        return new Route(metres / SpeedProfiles.metresPerSecond(kmh), metres, List.of(from, to), !kind.flies());
    }
}
