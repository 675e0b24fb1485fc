package commandroom.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The GCJ-02 transform against the published reference points (eviltransform's test set), both ways. */
class Gcj02Test {

    @ParameterizedTest(name = "{4}")
    @CsvSource({
            "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215, Shanghai",
            "22.543847, 113.912316, 22.540796131694766, 113.9171764808363, Shenzhen",
            "39.911954, 116.377817, 39.91334545536069, 116.38404722455657, Beijing"})
    void wgs84ToGcj02AndBackMatchThePublishedPoints(double wgsLat, double wgsLon, double gcjLat, double gcjLon,
                                                    String city) {
        assertArrayEquals(new double[] {gcjLat, gcjLon}, Gcj02.fromWgs84(wgsLat, wgsLon), 1e-9, city + " forward");
        // 1e-7 degrees is about a centimetre.
        assertArrayEquals(new double[] {wgsLat, wgsLon}, Gcj02.toWgs84(gcjLat, gcjLon), 1e-7, city + " back");
    }

    @ParameterizedTest
    @CsvSource({"51.4779, -0.0015", "-33.8568, 151.2153", "40.7128, -74.0060"})
    void outsideChinaPositionsStayAsTheyAre(double lat, double lon) {
        assertArrayEquals(new double[] {lat, lon}, Gcj02.fromWgs84(lat, lon), 0);
        assertArrayEquals(new double[] {lat, lon}, Gcj02.toWgs84(lat, lon), 0);
    }
}
