package commandroom.app.model;

/**
 * A camera in the hub's registry: where it is, which zone it watches, its kind (天网, 雪亮, face
 * capture, body, drone), its two streams, and what a fixed camera sees: its direction (degrees
 * clockwise from north), the angle of its view and how far it sees (a range of 0: no field of view
 * known, as for body cameras); a camera a unit wears or carries names the unit, and is where the
 * unit is. Immutable.
 */
public record CameraItem(String id, String name, String kind, String zoneId, String stationId, double latitude,
                         double longitude, String subStreamUrl, String mainStreamUrl, double directionDegrees,
                         double angleDegrees, double rangeMetres, Origin origin, String unitId) {

    /** The camera where its unit is now (a worn or carried camera moves with it). */
    public CameraItem at(double lat, double lon) {
        return new CameraItem(id, name, kind, zoneId, stationId, lat, lon, subStreamUrl, mainStreamUrl, directionDegrees,
                angleDegrees, rangeMetres, origin, unitId);
    }

    /** Whether a unit wears or carries it (a body camera, a drone's). */
    public boolean worn() {
        return unitId != null && !unitId.isEmpty();
    }

    /**
     * Where a camera kept by a camera source of the hub (a GB/T 28181 platform's channel) comes
     * from: the wall asks the hub for its play addresses. {@link #NONE} for a camera that plays
     * its own addresses.
     */
    public record Origin(String sourceId, boolean online, boolean ptz) {
        public static final Origin NONE = new Origin("", true, false);

        public boolean viaHub() {
            return !sourceId.isEmpty();
        }
    }

    /** A camera that plays its own addresses. */
    public CameraItem(String id, String name, String kind, String zoneId, String stationId, double latitude,
                      double longitude, String subStreamUrl, String mainStreamUrl, double directionDegrees,
                      double angleDegrees, double rangeMetres) {
        this(id, name, kind, zoneId, stationId, latitude, longitude, subStreamUrl, mainStreamUrl, directionDegrees,
                angleDegrees, rangeMetres, Origin.NONE, "");
    }

    public boolean hasFieldOfView() {
        return rangeMetres > 0 && angleDegrees > 0;
    }
}
