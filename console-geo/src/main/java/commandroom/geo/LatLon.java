package commandroom.geo;

/**
 * A position on the WGS-84 earth, in degrees. Checked on construction, so a NaN or a latitude of
 * 200 never reaches a search. Immutable.
 */
public record LatLon(double latitude, double longitude) {

    public LatLon {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a position: " + latitude + ", " + longitude);
        }
    }

    /** Whether these degrees make a position (for checking a request before building one). */
    public static boolean valid(double latitude, double longitude) {
        return latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180;
    }
}
