package commandroom.geo;

/**
 * Great-circle distance and bearing, and small moves in a local flat frame, as routing needs them
 * over the few tens of kilometres of a county: haversine on a sphere of the mean earth radius
 * (within 0.5 % of the ellipsoid), flat moves that err by millimetres over a county. Stateless.
 */
public final class Earth {

    /** Mean earth radius in metres (IUGG). */
    public static final double RADIUS_METRES = 6_371_008.8;

    private Earth() {}

    /** Great-circle distance in metres. */
    public static double metres(LatLon a, LatLon b) {
        return metres(a.latitude(), a.longitude(), b.latitude(), b.longitude());
    }

    /** Great-circle distance in metres, from degrees (no record on hot paths). */
    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Initial bearing from one position to another, degrees clockwise from north, 0 (inclusive) to 360. */
    public static double bearingDegrees(LatLon from, LatLon to) {
        double p1 = Math.toRadians(from.latitude());
        double p2 = Math.toRadians(to.latitude());
        double dl = Math.toRadians(to.longitude() - from.longitude());
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        double d = Math.toDegrees(Math.atan2(y, x));
        return (d % 360 + 360) % 360;
    }

    /** The position so many metres east and north of origin. */
    public static LatLon offset(LatLon origin, double east, double north) {
        double lat = origin.latitude() + Math.toDegrees(north / RADIUS_METRES);
        double lon = origin.longitude()
                + Math.toDegrees(east / (RADIUS_METRES * Math.cos(Math.toRadians(origin.latitude()))));
        return new LatLon(lat, lon);
    }

    /** The point a fraction of the way from a to b (straight in degrees: fine over a road's piece). */
    public static LatLon between(LatLon a, LatLon b, double fraction) {
        return new LatLon(a.latitude() + (b.latitude() - a.latitude()) * fraction,
                a.longitude() + (b.longitude() - a.longitude()) * fraction);
    }
}
