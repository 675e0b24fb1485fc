package commandroom.app.model;

/**
 * A camera in the hub's registry: where it is, which zone it watches, its kind (天网, 雪亮, face
 * capture, body, drone), its two streams, and what a fixed camera sees: its direction (degrees
 * clockwise from north), the angle of its view and how far it sees (a range of 0: no field of view
 * known, as for body cameras). Immutable.
 */
public record CameraItem(String id, String name, String kind, String zoneId, String stationId, double latitude,
                         double longitude, String subStreamUrl, String mainStreamUrl, double directionDegrees,
                         double angleDegrees, double rangeMetres) {

    public boolean hasFieldOfView() {
        return rangeMetres > 0 && angleDegrees > 0;
    }
}
