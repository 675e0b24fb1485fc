package commandroom.app.model;

/** A field unit as the console shows it. Immutable. */
public record UnitItem(String id, String name, String kind, String zoneId, String status,
                       double latitude, double longitude) {

    public boolean isAvailable() {
        return "AVAILABLE".equals(status);
    }

    public UnitItem at(double lat, double lon) {
        return new UnitItem(id, name, kind, zoneId, status, lat, lon);
    }

    public UnitItem withStatus(String s) {
        return new UnitItem(id, name, kind, zoneId, s, latitude, longitude);
    }
}
