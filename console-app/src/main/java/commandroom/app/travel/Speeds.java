package commandroom.app.travel;

/**
 * How fast each kind of unit moves, by road class, in km/h; how fast it gets from where it stands
 * to the nearest road (on foot, or a car crawling out of a yard); and the drone, which flies
 * straight. Figures of a county town by day: a patrol car on a main road 50, a community officer on
 * an e-motorbike 25, a volunteer on foot or bicycle 12. Stateless.
 */
public final class Speeds {

    /** A drone's cruising speed, straight over everything. */
    public static final double DRONE_KMH = 54;

    private Speeds() {}

    /** km/h of a unit kind (the hub's UnitKind without prefix) on a road class. */
    public static double onRoad(String kind, String roadClass) {
        int c = switch (roadClass) {
            case "primary" -> 0;
            case "secondary" -> 1;
            case "residential" -> 2;
            default -> 3;
        };
        double[] kmh = switch (kind) {
            case "PATROL_CAR" -> new double[] {50, 40, 25, 10};
            case "COMMUNITY_OFFICER", "AUXILIARY_OFFICER" -> new double[] {25, 22, 18, 10};
            default -> new double[] {12, 12, 12, 8};
        };
        return kmh[c];
    }

    /** km/h between a unit (or an incident) and its nearest road. */
    public static double offRoad(String kind) {
        return "PATROL_CAR".equals(kind) ? 10 : 5;
    }

    /** Whether the kind flies straight (no roads). */
    public static boolean flies(String kind) {
        return "DRONE".equals(kind);
    }
}
