package commandroom.geo.road;

import commandroom.geo.Earth;
import commandroom.geo.LatLon;
import commandroom.geo.osm.OsmWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small town written as OSM for the tests: a grid of residential streets 100 m apart, one
 * primary road across the middle, and east of it, beyond a river with no bridge but at its north
 * end, a street along the far bank (the "nearer by air, further by road" case).
 */
final class TestCounty {

    static final LatLon ORIGIN = new LatLon(30.0, 120.0);
    static final int SIDE = 10;
    static final double STEP = 100;

    private TestCounty() {}

    /** The grid's junction at column x (east), row y (north). */
    static LatLon at(double x, double y) {
        return Earth.offset(ORIGIN, x * STEP, y * STEP);
    }

    static Path write(Path dir) throws IOException {
        Path file = dir.resolve("town.osm");
        try (OsmWriter w = new OsmWriter(file)) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    w.node(id(x, y), at(x, y));
                }
            }
            // The far bank: a street 150 m east of the grid's east edge, joined to it only at the north.
            for (int y = 0; y < SIDE; y++) {
                w.node(1000 + y, at(SIDE - 1 + 1.5, y));
            }
            for (int y = 0; y < SIDE; y++) {
                long[] row = new long[SIDE];
                for (int x = 0; x < SIDE; x++) {
                    row[x] = id(x, y);
                }
                w.way(row, Map.of("highway", y == SIDE / 2 ? "primary" : "residential"));
            }
            for (int x = 0; x < SIDE; x++) {
                long[] col = new long[SIDE];
                for (int y = 0; y < SIDE; y++) {
                    col[y] = id(x, y);
                }
                w.way(col, Map.of("highway", "residential"));
            }
            long[] bank = new long[SIDE];
            for (int y = 0; y < SIDE; y++) {
                bank[y] = 1000 + y;
            }
            w.way(bank, Map.of("highway", "residential", "name", "河东路"));
            w.way(new long[] {id(SIDE - 1, SIDE - 1), 1000 + SIDE - 1}, Map.of("highway", "residential", "name", "北桥"));
        }
        return file;
    }

    private static long id(int x, int y) {
        return 1 + y * SIDE + x;
    }
}
