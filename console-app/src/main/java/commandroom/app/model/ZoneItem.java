package commandroom.app.model;

import java.util.List;

/** A police zone: id, name, the station it belongs to, its outline (not closed) and staffing rule. Immutable. */
public record ZoneItem(String id, String name, String stationId, List<GeoPoint> polygon, Staffing staffing) {

    /** The zone's staffing rule (网格 + 警格): how many of each kind it wants on duty. */
    public record Staffing(int communityOfficers, int auxiliaryOfficers, int gridWorkers, int volunteers) {
        public static final Staffing NONE = new Staffing(0, 0, 0, 0);

        /** The kinds the rule counts, in the order the station says them. */
        public static final java.util.List<String> KINDS = java.util.List.of("COMMUNITY_OFFICER", "AUXILIARY_OFFICER",
                "GRID_WORKER", "VOLUNTEER");

        /** For each kind short of the rule, how many are missing, given how many of each are on duty. */
        public java.util.Map<String, Integer> shortOf(java.util.Map<String, Integer> onDuty) {
            java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
            for (String kind : KINDS) {
                int missing = wanted(kind) - onDuty.getOrDefault(kind, 0);
                if (missing > 0) {
                    out.put(kind, missing);
                }
            }
            return out;
        }

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
