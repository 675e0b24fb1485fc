package commandroom.app.map;

/**
 * Web Mercator (EPSG:3857) as map tiles use it: a world of 256 × 2^zoom pixels square, x east from
 * 180° W, y south from about 85.05° N. Zoom may be fractional. Positions in and out are WGS-84
 * degrees (a tile source in GCJ-02 converts with {@link commandroom.geo.Gcj02} first). Stateless.
 */
public final class WebMercator {

    /** Pixels along a tile's side. */
    public static final int TILE = 256;
    /** Where Web Mercator stops: the world is square. */
    public static final double MAX_LATITUDE = 85.05112878;
    private static final double EARTH_CIRCUMFERENCE_M = 40_075_016.686;

    private WebMercator() {}

    /** The world's side in pixels at a zoom. */
    public static double worldSize(double zoom) {
        return TILE * Math.pow(2, zoom);
    }

    public static double x(double longitude, double zoom) {
        return (longitude + 180) / 360 * worldSize(zoom);
    }

    public static double y(double latitude, double zoom) {
        double lat = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)));
        return (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * worldSize(zoom);
    }

    public static double longitude(double x, double zoom) {
        return x / worldSize(zoom) * 360 - 180;
    }

    public static double latitude(double y, double zoom) {
        double n = Math.PI * (1 - 2 * y / worldSize(zoom));
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** Metres on the ground per pixel at a latitude and zoom (for the scale bar). */
    public static double metresPerPixel(double latitude, double zoom) {
        return EARTH_CIRCUMFERENCE_M * Math.cos(Math.toRadians(latitude)) / worldSize(zoom);
    }
}
