package commandroom.geo.road;

/**
 * A roads file that cannot be used, with what is wrong in words a station's IT officer can act on
 * (the file, and the reason: not OSM, no highways, unreadable). Nothing was changed by the attempt.
 */
public final class RoadImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public RoadImportException(String message) {
        super(message);
    }

    public RoadImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
