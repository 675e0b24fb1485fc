package commandroom.sim.terminal;

import commandroom.geo.Mover;
import commandroom.geo.SpeedProfiles;
import commandroom.v1.UnitKind;

/**
 * How fast each kind of unit gets about when the hub gives no route (no road network, or the hub
 * unreachable): the one speed table of console-geo, on a residential street, which the hub's
 * routes, the console's times and the simulator share. With a route the unit keeps the route's
 * own time ({@link Travel#along}).
 *
 * <p>Stateless and thread-safe.
 */
public final class UnitSpeeds {

    private UnitSpeeds() {
    }

    /** Travel speed of a unit kind on a town street, metres per second. */
    public static double metresPerSecond(UnitKind kind) {
        Mover m = mover(kind);
        return SpeedProfiles.metresPerSecond(SpeedProfiles.kmh(m, SpeedProfiles.RoadClass.RESIDENTIAL));
    }

    /** Whether the unit flies straight; everyone else keeps to the streets. */
    public static boolean fliesStraight(UnitKind kind) {
        return kind == UnitKind.UNIT_KIND_DRONE;
    }

    /** The routing kind of a unit kind (an unset kind walks, as a community officer does). */
    static Mover mover(UnitKind kind) {
        return kind == UnitKind.UNIT_KIND_UNSPECIFIED || kind == UnitKind.UNRECOGNIZED ? Mover.COMMUNITY_OFFICER
                : Mover.of(kind.name());
    }
}
