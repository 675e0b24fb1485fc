package commandroom.sim.county;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.geo.LatLon;
import commandroom.geo.Mover;
import commandroom.geo.road.Arrival;
import commandroom.geo.road.RoadNetwork;
import commandroom.geo.road.Route;
import commandroom.geo.road.Traveller;
import commandroom.v1.CountySeed;
import commandroom.v1.Position;
import commandroom.v1.Road;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo county's roads, written as OSM and imported as a station's extract is: the drawn roads
 * meet where they cross, so every road leads to every other, and each of the demo's units gets a
 * time to the town centre.
 */
class DemoRoadsTest {

    @TempDir
    Path dir;

    @Test
    void theDemoRoadsImportAsOneConnectedNetworkAndEveryUnitGetsATime() throws Exception {
        CountySeed county = DemoCounty.load();
        Path osm = DemoRoads.writeOsm(county, dir.resolve("demo-roads.osm"));
        String xml = Files.readString(osm);
        assertTrue(xml.contains("k=\"highway\" v=\"primary\"") && xml.contains("k=\"name\" v=\"人民路\""));
        try (RoadNetwork net = RoadNetwork.open(osm, dir.resolve("graphs"))) {
            // From the start of each road to the start of every other, a patrol car goes by road.
            List<Road> roads = county.getRoadsList();
            for (Road a : roads) {
                for (Road b : roads) {
                    if (a != b && !a.getRoadClass().equals("path") && !b.getRoadClass().equals("path")) {
                        Route r = net.route(at(a.getLine(0)), at(b.getLine(0)), Mover.PATROL_CAR);
                        assertFalse(r.noRoad(), a.getName() + " → " + b.getName() + " has no way by road");
                    }
                }
            }
            LatLon centre = at(county.getCentre());
            List<Traveller> units = county.getUnitsList().stream().map(u -> new Traveller(u.getId(),
                    Mover.of(u.getKind().name()), at(u.getPosition()))).toList();
            List<Arrival> times = net.arrivals(centre, units);
            assertEquals(units.size(), times.size());
            for (Arrival t : times) {
                assertTrue(Double.isFinite(t.seconds()) && t.seconds() > 0, t.toString());
            }
            long routed = times.stream().filter(t -> !t.noRoad()).count();
            assertTrue(routed >= units.size() / 2, routed + " of " + units.size() + " units are near a road");
        }
    }

    @Test
    void writingTheSameCountyTwiceGivesTheSameBytes() throws Exception {
        CountySeed county = DemoCounty.load();
        byte[] once = Files.readAllBytes(DemoRoads.writeOsm(county, dir.resolve("a.osm")));
        byte[] twice = Files.readAllBytes(DemoRoads.writeOsm(county, dir.resolve("b.osm")));
        assertTrue(java.util.Arrays.equals(once, twice), "same bytes: the hub's cached graph is reused");
    }

    private static LatLon at(Position p) {
        return new LatLon(p.getLatitude(), p.getLongitude());
    }
}
