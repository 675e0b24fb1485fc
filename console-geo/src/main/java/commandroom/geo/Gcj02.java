package commandroom.geo;

/**
 * The GCJ-02 offset that most Chinese web maps apply to their tiles ("Mars coordinates"): the
 * standard published transform from WGS-84, and its inverse by iteration (the transform has no
 * closed inverse; four rounds bring it within a millimetre here). Outside China both leave the
 * position as it is. Positions are {latitude, longitude} in degrees. Stateless.
 */
public final class Gcj02 {

    /** Krasovsky 1940, the ellipsoid the transform is defined on. */
    private static final double A = 6_378_245.0;
    private static final double EE = 0.00669342162296594323;

    private Gcj02() {}

    /** Whether the transform applies here (a box around China, as the published algorithm uses). */
    public static boolean inChina(double latitude, double longitude) {
        return longitude >= 72.004 && longitude <= 137.8347 && latitude >= 0.8293 && latitude <= 55.8271;
    }

    /** WGS-84 → GCJ-02. */
    public static double[] fromWgs84(double latitude, double longitude) {
        if (!inChina(latitude, longitude)) {
            return new double[] {latitude, longitude};
        }
        double[] d = delta(latitude, longitude);
        return new double[] {latitude + d[0], longitude + d[1]};
    }

    /** GCJ-02 → WGS-84, by fixed-point iteration on the forward transform. */
    public static double[] toWgs84(double latitude, double longitude) {
        if (!inChina(latitude, longitude)) {
            return new double[] {latitude, longitude};
        }
        double lat = latitude;
        double lon = longitude;
        for (int i = 0; i < 8; i++) {
            double[] g = fromWgs84(lat, lon);
            double dLat = g[0] - latitude;
            double dLon = g[1] - longitude;
            lat -= dLat;
            lon -= dLon;
            if (Math.abs(dLat) < 1e-10 && Math.abs(dLon) < 1e-10) {
                break;
            }
        }
        return new double[] {lat, lon};
    }

    private static double[] delta(double latitude, double longitude) {
        double x = longitude - 105.0;
        double y = latitude - 35.0;
        double dLat = transformLatitude(x, y);
        double dLon = transformLongitude(x, y);
        double radLat = Math.toRadians(latitude);
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLat, dLon};
    }

    private static double transformLatitude(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double transformLongitude(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
