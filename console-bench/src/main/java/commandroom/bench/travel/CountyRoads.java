package commandroom.bench.travel;

import commandroom.geo.Earth;
import commandroom.geo.LatLon;
import commandroom.geo.osm.OsmWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * A county-sized road extract, generated: a grid of junctions about 100 m apart over a square of
 * side × 100 m, each junction moved up to 20 m at random (streets are never ruled), every tenth
 * street primary, every fifth secondary, the rest residential, each block's street with a shaping
 * point in its middle. Side 320 gives 204,160 road edges over 1,000 km², the area of a county.
 */
final class CountyRoads {

    static final double STEP = 100;

    private CountyRoads() {}

    /** The junction at column x (east), row y (north), before the random move. */
    static LatLon at(LatLon origin, double x, double y) {
        return Earth.offset(origin, x * STEP, y * STEP);
    }

    static void write(Path file, LatLon origin, int side) throws IOException {
        Random random = new Random(19);
        double[][] jitter = new double[side * side][2];
        for (double[] j : jitter) {
            j[0] = (random.nextDouble() - 0.5) * 40;
            j[1] = (random.nextDouble() - 0.5) * 40;
        }
        long mids = (long) side * side;
        try (OsmWriter w = new OsmWriter(file)) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double[] j = jitter[y * side + x];
                    w.node(id(side, x, y), Earth.offset(origin, x * STEP + j[0], y * STEP + j[1]));
                }
            }
            // Shaping points: the middle of each block's east-west and north-south street.
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    if (x + 1 < side) {
                        w.node(mids + 2L * (y * side + x) + 1, mid(origin, jitter, side, x, y, x + 1, y));
                    }
                    if (y + 1 < side) {
                        w.node(mids + 2L * (y * side + x) + 2, mid(origin, jitter, side, x, y, x, y + 1));
                    }
                }
            }
            for (int y = 0; y < side; y++) {
                long[] nodes = new long[2 * side - 1];
                for (int x = 0; x < side; x++) {
                    nodes[2 * x] = id(side, x, y);
                    if (x + 1 < side) {
                        nodes[2 * x + 1] = mids + 2L * (y * side + x) + 1;
                    }
                }
                w.way(nodes, Map.of("highway", highway(y), "name", "东西" + y + "路"));
            }
            for (int x = 0; x < side; x++) {
                long[] nodes = new long[2 * side - 1];
                for (int y = 0; y < side; y++) {
                    nodes[2 * y] = id(side, x, y);
                    if (y + 1 < side) {
                        nodes[2 * y + 1] = mids + 2L * (y * side + x) + 2;
                    }
                }
                w.way(nodes, Map.of("highway", highway(x), "name", "南北" + x + "街"));
            }
        }
    }

    private static LatLon mid(LatLon origin, double[][] jitter, int side, int x0, int y0, int x1, int y1) {
        double[] a = jitter[y0 * side + x0];
        double[] b = jitter[y1 * side + x1];
        // A little off the straight line between the junctions, as a street bends.
        return Earth.offset(origin, (x0 + x1) * STEP / 2 + (a[0] + b[0]) / 2 + 6,
                (y0 + y1) * STEP / 2 + (a[1] + b[1]) / 2 + 6);
    }

    private static String highway(int line) {
        return line % 10 == 0 ? "primary" : line % 5 == 0 ? "secondary" : "residential";
    }

    private static long id(int side, int x, int y) {
        return 1L + (long) y * side + x;
    }
}
