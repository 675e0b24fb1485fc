package commandroom.sim.terminal;

import commandroom.v1.UnitKind;

/**
 * How fast each kind of unit gets about in town, in metres per second, before the demo's speed
 * factor: community officers walk, auxiliary officers, grid workers and volunteers ride
 * e-bikes, patrol cars drive at town speed, the drone flies straight.
 *
 * <p>Stateless and thread-safe.
 */
public final class UnitSpeeds {
    /** A brisk walk. */
    public static final double ON_FOOT = 1.4;
    /** An e-bike in town traffic. */
    public static final double E_BIKE = 4.0;
    /** A patrol car in town, lights off (36 km/h). */
    public static final double PATROL_CAR = 10.0;
    /** A small police drone in cruise. */
    public static final double DRONE = 15.0;

    private UnitSpeeds() {
    }

    /** Travel speed of a unit kind, metres per second. */
    public static double metresPerSecond(UnitKind kind) {
        return switch (kind) {
            case UNIT_KIND_AUXILIARY_OFFICER, UNIT_KIND_GRID_WORKER, UNIT_KIND_VOLUNTEER -> E_BIKE;
            case UNIT_KIND_PATROL_CAR -> PATROL_CAR;
            case UNIT_KIND_DRONE -> DRONE;
            default -> ON_FOOT;
        };
    }

    /** Whether the unit flies straight; everyone else keeps to the (mostly north-south and east-west) streets. */
    public static boolean fliesStraight(UnitKind kind) {
        return kind == UnitKind.UNIT_KIND_DRONE;
    }
}
