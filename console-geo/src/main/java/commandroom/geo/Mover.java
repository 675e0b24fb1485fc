package commandroom.geo;

import java.util.Locale;

/**
 * The kinds of field unit as routing sees them, named as the hub's {@code UnitKind} without its
 * prefix, so the console's strings, the proto enum and this meet by name. Each has its own speed
 * profile ({@link SpeedProfiles}) and, on the road network, its own routing profile.
 */
public enum Mover {
    /** 巡逻车: drives, keeps to roads a car may use. */
    PATROL_CAR,
    /** 社区民警: on foot in his zone. */
    COMMUNITY_OFFICER,
    /** 辅警: an e-bike. */
    AUXILIARY_OFFICER,
    /** 网格员: his own e-bike, slower than the auxiliary's. */
    GRID_WORKER,
    /** 义警: a bicycle. */
    VOLUNTEER,
    /** 无人机: flies straight over everything. */
    DRONE;

    /** The kind of a name such as "PATROL_CAR" or "UNIT_KIND_PATROL_CAR"; IllegalArgumentException naming it otherwise. */
    public static Mover of(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("UNIT_KIND_")) {
            n = n.substring("UNIT_KIND_".length());
        }
        for (Mover m : values()) {
            if (m.name().equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown kind of unit: " + name);
    }

    /** Whether this kind flies straight rather than following roads. */
    public boolean flies() {
        return this == DRONE;
    }

    /** The routing profile's name (lower case, as GraphHopper stores it). */
    public String profile() {
        return name().toLowerCase(Locale.ROOT);
    }
}
