package commandroom.app.model;

import java.util.List;

/** A police zone: id, name, the station it belongs to, its outline (not closed) and staffing rule. Immutable. */
public record ZoneItem(String id, String name, String stationId, List<GeoPoint> polygon, Staffing staffing) {

    /** The zone's staffing rule (网格 + 警格): how many of each kind it wants on duty. */
    public record Staffing(int communityOfficers, int auxiliaryOfficers, int gridWorkers, int volunteers) {
        public static final Staffing NONE = new Staffing(0, 0, 0, 0);

        /** How many of a unit kind (COMMUNITY_OFFICER …) the rule wants; 0 for kinds it does not count. */
        public int wanted(String kind) {
            return switch (kind) {
                case "COMMUNITY_OFFICER" -> communityOfficers;
                case "AUXILIARY_OFFICER" -> auxiliaryOfficers;
                case "GRID_WORKER" -> gridWorkers;
                case "VOLUNTEER" -> volunteers;
                default -> 0;
            };
        }
    }

    public ZoneItem {
        polygon = List.copyOf(polygon);
    }

    public ZoneItem(String id, String name, String stationId, List<GeoPoint> polygon) {
        this(id, name, stationId, polygon, Staffing.NONE);
    }
}
