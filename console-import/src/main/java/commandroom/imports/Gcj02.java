package commandroom.imports;

/**
 * GCJ-02 (the offset coordinates of Chinese web maps: AutoNavi, Tencent) back to WGS-84, to the
 * metre: the published forward transform inverted by fixed-point iteration. Outside China the two
 * are the same. Stateless.
 */
final class Gcj02 {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    private Gcj02() {}

    /** {latitude, longitude} in WGS-84 for a GCJ-02 point. */
    static double[] toWgs84(double lat, double lon) {
        if (outside(lat, lon)) {
            return new double[] {lat, lon};
        }
        double wLat = lat;
        double wLon = lon;
        for (int i = 0; i < 10; i++) {
            double[] g = fromWgs84(wLat, wLon);
            wLat -= g[0] - lat;
            wLon -= g[1] - lon;
        }
        return new double[] {wLat, wLon};
    }

    /** The forward transform (WGS-84 to GCJ-02). */
    static double[] fromWgs84(double lat, double lon) {
        if (outside(lat, lon)) {
            return new double[] {lat, lon};
        }
        double dLat = lat(lon - 105.0, lat - 35.0);
        double dLon = lon(lon - 105.0, lat - 35.0);
        double rad = lat / 180.0 * Math.PI;
        double magic = 1 - EE * Math.sin(rad) * Math.sin(rad);
        double sqrt = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrt) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrt * Math.cos(rad) * Math.PI);
        return new double[] {lat + dLat, lon + dLon};
    }

    private static boolean outside(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double lat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double lon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
