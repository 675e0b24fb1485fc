package commandroom.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.geo.Earth;
import commandroom.geo.LatLon;
import commandroom.geo.osm.PolylineRoads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IT officer imports the county's roads ahead of a start with --roads: the command says what
 * it found; a second run finds the file already imported; a file with no roads in it is refused
 * with the file's name and the reason, and the cache keeps only the good import.
 */
class RoadsCommandTest {

    @TempDir
    Path dir;

    @Test
    void theRoadsAreImportedOnceAndABadFileIsRefusedByName() throws Exception {
        LatLon o = new LatLon(30.54, 119.95);
        Path good = dir.resolve("county.osm");
        PolylineRoads.write(List.of(
                new PolylineRoads.Road("人民路", "primary", List.of(o, Earth.offset(o, 2000, 0))),
                new PolylineRoads.Road("解放街", "residential", List.of(Earth.offset(o, 1000, -800),
                        Earth.offset(o, 1000, 800)))), good);
        CommandLineRunner cli = new CommandLineRunner(List.of("--data", dir.resolve("hub").toString()));

        CommandLineRunner.Result first = cli.run("", "roads", good.toString());
        assertEquals(HubCommandLine.OK, first.status(), first.err());
        // Two roads crossing: four edges from the crossing to the four ends.
        assertTrue(first.out().contains("county.osm imported") && first.out().contains("4 road edges"), first.out());
        CommandLineRunner.Result again = cli.run("", "roads", good.toString());
        assertTrue(again.out().contains("already imported"), again.out());
        List<String> cached = list(dir.resolve("hub").resolve("roads"));
        assertEquals(1, cached.size());

        Path bad = dir.resolve("buildings.osm");
        Files.writeString(bad, "<?xml version='1.0'?><osm version=\"0.6\"><node id=\"1\" lat=\"30.5\" lon=\"119.9\"/></osm>");
        CommandLineRunner.Result refused = cli.run("", "roads", bad.toString());
        assertEquals(HubCommandLine.FAILED, refused.status());
        assertTrue(refused.err().contains("buildings.osm") && refused.err().contains("highway"), refused.err());
        assertFalse(refused.out().contains("imported"));
        assertEquals(cached, list(dir.resolve("hub").resolve("roads")), "the cache is as it was");

        assertEquals(HubCommandLine.USAGE, cli.run("", "roads").status(), "a file is needed");
    }

    private static List<String> list(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
