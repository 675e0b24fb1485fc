package commandroom.app.model;

/**
 * A camera in the hub's registry: where it is, which zone it watches, its kind (天网, 雪亮, face
 * capture, body, drone) and its two streams. Immutable.
 */
public record CameraItem(String id, String name, String kind, String zoneId, String stationId, double latitude,
                         double longitude, String subStreamUrl, String mainStreamUrl) {}
