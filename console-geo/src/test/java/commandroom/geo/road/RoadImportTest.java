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

    private static List<String> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
