package commandroom.geo.road;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.geo.LatLon;
import commandroom.geo.osm.OsmWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadImportTest {

    @TempDir
    Path dir;

    @Test
    void anOsmFileWithoutHighwaysIsRefusedSayingSoAndLeavesNothing() throws Exception {
        Path file = dir.resolve("buildings.osm");
        try (OsmWriter w = new OsmWriter(file)) {
            w.node(1, new LatLon(30, 120));
            w.node(2, new LatLon(30.001, 120));
            w.node(3, new LatLon(30.001, 120.001));
            w.way(new long[] {1, 2, 3, 1}, Map.of("building", "yes"));
        }
        Path cache = dir.resolve("graphs");
        RoadImportException e = assertThrows(RoadImportException.class, () -> RoadNetwork.open(file, cache));
        assertTrue(e.getMessage().contains("buildings.osm") && e.getMessage().contains("highway"), e.getMessage());
        assertEquals(List.of(), list(cache));
    }

    @Test
    void aFileCutShortIsRefusedAsUnreadableAndTheCacheStaysAsItWas() throws Exception {
        Path good = TestCounty.write(dir);
        Path cache = dir.resolve("graphs");
        RoadNetwork.open(good, cache).close();
        List<String> before = list(cache);
        String xml = Files.readString(good);
        Path cut = dir.resolve("cut.osm");
        // Cut inside the ways, so the highways are named but the file ends mid-element.
        Files.writeString(cut, xml.substring(0, xml.indexOf("<way") + (xml.length() - xml.indexOf("<way")) / 2));
        RoadImportException e = assertThrows(RoadImportException.class, () -> RoadNetwork.open(cut, cache));
        assertTrue(e.getMessage().contains("cut.osm") && e.getMessage().contains("cannot be read as OpenStreetMap"),
                e.getMessage());
        assertEquals(before, list(cache));
    }

    @Test
    void aFileThatIsNotOsmByItsNameIsRefusedBeforeReadingIt() throws Exception {
        Path file = dir.resolve("roads.geojson");
        Files.writeString(file, "{}");
        RoadImportException e = assertThrows(RoadImportException.class, () -> RoadNetwork.open(file, dir));
        assertTrue(e.getMessage().contains(".osm.pbf"), e.getMessage());
    }

    @Test
    void theSameFileTwiceIsImportedOnce() throws Exception {
        Path file = TestCounty.write(dir);
        Path cache = dir.resolve("graphs");
        int edges;
        try (RoadNetwork first = RoadNetwork.open(file, cache)) {
            assertTrue(first.imported());
            edges = first.edgeCount();
        }
        List<String> once = list(cache);
        assertEquals(1, once.size());
        try (RoadNetwork again = RoadNetwork.open(file, cache)) {
            assertFalse(again.imported());
            assertEquals(edges, again.edgeCount());
        }
        assertEquals(once, list(cache));
    }

    @Test
    void aPbfExtractIsImportedAsTheSameXmlWouldBe() throws Exception {
        // A 6 x 6 grid of streets 100 m apart, as .osm.pbf (what a site downloads) and as .osm.
        PbfFile pbf = new PbfFile();
        Path xml = dir.resolve("grid.osm");
        try (OsmWriter w = new OsmWriter(xml)) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 6; x++) {
                    pbf.node(1 + y * 6 + x, TestCounty.at(x, y));
                    w.node(1 + y * 6 + x, TestCounty.at(x, y));
                }
            }
            for (int i = 0; i < 6; i++) {
                long[] row = new long[6];
                long[] col = new long[6];
                for (int k = 0; k < 6; k++) {
                    row[k] = 1 + i * 6 + k;
                    col[k] = 1 + k * 6 + i;
                }
                pbf.way(row, "residential");
                pbf.way(col, "residential");
                w.way(row, Map.of("highway", "residential"));
                w.way(col, Map.of("highway", "residential"));
            }
        }
        Path file = dir.resolve("grid.osm.pbf");
        pbf.write(file);
        try (RoadNetwork fromPbf = RoadNetwork.open(file, dir.resolve("graphs"));
             RoadNetwork fromXml = RoadNetwork.open(xml, dir.resolve("graphs"))) {
            assertEquals(2 * 6 * 5, fromPbf.edgeCount());
            assertEquals(fromXml.edgeCount(), fromPbf.edgeCount());
            Route r = fromPbf.route(TestCounty.at(0, 0), TestCounty.at(5, 5), commandroom.geo.Mover.PATROL_CAR);
            assertFalse(r.noRoad());
            assertEquals(1000, r.metres(), 5);
        }
    }

    private static List<String> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
