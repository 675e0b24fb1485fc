package commandroom.app.model;

/** A field unit as the console shows it. Immutable. */
public record UnitItem(String id, String name, String kind, String zoneId, String status,
                       double latitude, double longitude) {

    public boolean isAvailable() {
        return "AVAILABLE".equals(status);
    }

    /** On the roster's duty (working, free or not): neither off duty nor out of service. */
    public boolean onDuty() {
        return !"OFF_DUTY".equals(status) && !"OUT_OF_SERVICE".equals(status);
    }

    public UnitItem at(double lat, double lon) {
        return new UnitItem(id, name, kind, zoneId, status, lat, lon);
    }

    public UnitItem withStatus(String s) {
        return new UnitItem(id, name, kind, zoneId, s, latitude, longitude);
    }
}
