package commandroom.geo;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one table of how fast each kind of unit moves, used by the hub's routing, the console's
 * figures and the simulator's units alike, so that a time shown is the time a unit takes. Figures
 * of a county town by day, km/h: a patrol car 50 on a main road and 25 in a residential street; an
 * auxiliary officer's e-bike 20 (the national limit is 25, town traffic and crossings take their
 * share); a grid worker's e-bike 16; a volunteer's bicycle 13 (both a share of the e-bike's); a community officer walks at 5; a
 * drone cruises at 54 straight. Between a place and its road everyone walks (a car crawls out of a
 * yard at 10). Stateless.
 */
public final class SpeedProfiles {

    /** Road classes, as OpenStreetMap's {@code highway} tag (and GraphHopper's road_class) name them. */
    public enum RoadClass {
        MOTORWAY, TRUNK, PRIMARY, SECONDARY, TERTIARY, UNCLASSIFIED, RESIDENTIAL, LIVING_STREET, SERVICE, TRACK,
        PEDESTRIAN, FOOTWAY, CYCLEWAY, PATH, STEPS, OTHER
    }

    /** A drone's cruise, straight over everything. */
    public static final double DRONE_KMH = 54;

    /** A grid worker's e-bike against the auxiliary's: 16 km/h where the auxiliary rides 20. */
    private static final double GRID_WORKER_SHARE = 0.8;
    /** A volunteer's bicycle against the auxiliary's e-bike: 13 km/h where the auxiliary rides 20. */
    private static final double VOLUNTEER_SHARE = 0.65;

    private static final Map<Mover, double[]> KMH = new EnumMap<>(Mover.class);

    static {
        // MOTORWAY TRUNK PRIMARY SECONDARY TERTIARY UNCLASSIFIED RESIDENTIAL LIVING_STREET SERVICE TRACK
        // PEDESTRIAN FOOTWAY CYCLEWAY PATH STEPS OTHER. Where a kind may not go at all (a car on a
        // footway, a bicycle on a motorway) the access tags decide, not this table.
        KMH.put(Mover.PATROL_CAR, new double[] {80, 65, 50, 40, 35, 30, 25, 10, 15, 15, 10, 10, 10, 10, 5, 20});
        KMH.put(Mover.COMMUNITY_OFFICER, new double[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 4.5, 5, 5, 5, 4.5, 2.5, 5});
        KMH.put(Mover.AUXILIARY_OFFICER, new double[] {20, 20, 20, 20, 20, 20, 18, 12, 15, 12, 8, 8, 18, 10, 2.5, 15});
        // A grid worker's e-bike and a volunteer's bicycle go where the auxiliary's e-bike goes, at a
        // fixed share of its speed everywhere: then one search serves all three (the same roads are
        // quickest for each), which keeps a dispatch's ranking to three searches, not five.
        KMH.put(Mover.GRID_WORKER, scaled(KMH.get(Mover.AUXILIARY_OFFICER), GRID_WORKER_SHARE));
        KMH.put(Mover.VOLUNTEER, scaled(KMH.get(Mover.AUXILIARY_OFFICER), VOLUNTEER_SHARE));
    }

    private static double[] scaled(double[] kmh, double share) {
        double[] s = new double[kmh.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = kmh[i] * share;
        }
        return s;
    }

    /**
     * The kind whose search over the roads serves this kind too (same roads, speeds a fixed share
     * of its): the auxiliary's e-bike for grid workers and volunteers; itself otherwise.
     */
    public static Mover searchedAs(Mover kind) {
        return kind == Mover.GRID_WORKER || kind == Mover.VOLUNTEER ? Mover.AUXILIARY_OFFICER : kind;
    }

    /** How many times longer this kind takes than the kind it is searched as (1 for itself). */
    public static double slowerBy(Mover kind) {
        return switch (kind) {
            case GRID_WORKER -> 1 / GRID_WORKER_SHARE;
            case VOLUNTEER -> 1 / VOLUNTEER_SHARE;
            default -> 1;
        };
    }

    private SpeedProfiles() {}

    /** km/h of a ground kind on a road class (a drone: its cruise, whatever the road). */
    public static double kmh(Mover kind, RoadClass road) {
        return kind.flies() ? DRONE_KMH : KMH.get(kind)[road.ordinal()];
    }

    /** km/h of a kind on a road class named as OSM's highway tag ("primary", "residential"…); unknown: OTHER. */
    public static double kmh(Mover kind, String highway) {
        return kmh(kind, roadClass(highway));
    }

    /** The road class of an OSM highway value (primary_link counts as primary); OTHER when unknown. */
    public static RoadClass roadClass(String highway) {
        if (highway == null) {
            return RoadClass.OTHER;
        }
        String h = highway.trim().toUpperCase(java.util.Locale.ROOT);
        if (h.endsWith("_LINK")) {
            h = h.substring(0, h.length() - "_LINK".length());
        }
        try {
            return RoadClass.valueOf(h);
        } catch (IllegalArgumentException e) {
            return RoadClass.OTHER;
        }
    }

    /** km/h between a place and its road: a walk, or a car crawling out of a yard. */
    public static double offRoadKmh(Mover kind) {
        return kind == Mover.PATROL_CAR ? 10 : kind.flies() ? DRONE_KMH : 5;
    }

    /** The fastest a kind goes anywhere (for bounds and plausibility checks). */
    public static double fastestKmh(Mover kind) {
        if (kind.flies()) {
            return DRONE_KMH;
        }
        double max = 0;
        for (double v : KMH.get(kind)) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Metres a second at so many km/h. */
    public static double metresPerSecond(double kmh) {
        return kmh / 3.6;
    }

    /** A fingerprint of the table: a road graph built with other speeds is not reused (see RoadNetwork). */
    public static String fingerprint() {
        StringBuilder s = new StringBuilder();
        KMH.forEach((k, v) -> s.append(k).append(java.util.Arrays.toString(v)));
        s.append(DRONE_KMH);
        return Integer.toHexString(s.toString().hashCode());
    }
}
