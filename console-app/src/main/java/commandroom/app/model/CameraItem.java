package commandroom.app.model;

/**
 * A camera in the hub's registry: where it is, which zone it watches, its kind (天网, 雪亮, face
 * capture, body, drone), its two streams, and what a fixed camera sees: its direction (degrees
 * clockwise from north), the angle of its view and how far it sees (a range of 0: no field of view
 * known, as for body cameras). Immutable.
 */
public record CameraItem(String id, String name, String kind, String zoneId, String stationId, double latitude,
                         double longitude, String subStreamUrl, String mainStreamUrl, double directionDegrees,
                         double angleDegrees, double rangeMetres, Origin origin) {

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
                angleDegrees, rangeMetres, Origin.NONE);
    }

    public boolean hasFieldOfView() {
        return rangeMetres > 0 && angleDegrees > 0;
    }
}
