package commandroom.geo.road;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.geo.Earth;
import commandroom.geo.LatLon;
import commandroom.geo.Mover;
import commandroom.geo.SpeedProfiles;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadNetworkTest {

    @TempDir
    static Path dir;
    static RoadNetwork net;

    @BeforeAll
    static void importTown() throws Exception {
        net = RoadNetwork.open(TestCounty.write(dir), dir.resolve("graphs"));
    }

    @AfterAll
    static void close() {
        net.close();
    }

    @Test
    void theGeneratedTownIsImportedAsAGraphOfItsStreets() {
        // 10 rows and 10 columns of 9 blocks each; the far bank has no junction but its bridge, so it
        // is one edge (its other points shape it), and the bridge another.
        assertEquals(2 * 10 * 9 + 1 + 1, net.edgeCount());
    }

    @Test
    void aPatrolCarDrivesAResidentialStreetAtItsSpeed() {
        Route r = net.route(TestCounty.at(0, 0), TestCounty.at(4, 0), Mover.PATROL_CAR);
        assertFalse(r.noRoad());
        double expected = 400 / SpeedProfiles.metresPerSecond(SpeedProfiles.kmh(Mover.PATROL_CAR, "residential"));
        assertEquals(expected, r.seconds(), expected * 0.03);
        assertEquals(400, r.metres(), 5);
        assertEquals(TestCounty.at(0, 0), r.line().get(0));
        assertEquals(TestCounty.at(4, 0), r.line().get(r.line().size() - 1));
    }

    @Test
    void theUnitNearerByRoadIsRankedFirstNotTheOneNearerByAir() {
        LatLon incident = TestCounty.at(9, 0);
        // Across the river: 150 m by air, round by the north bridge (1.95 km) by road.
        Traveller acrossTheRiver = new Traveller("a", Mover.AUXILIARY_OFFICER, TestCounty.at(10.5, 0));
        // On the same side: 400 m along the street.
        Traveller sameSide = new Traveller("b", Mover.AUXILIARY_OFFICER, TestCounty.at(5, 0));
        List<Arrival> times = net.arrivals(incident, List.of(acrossTheRiver, sameSide));
        assertTrue(times.get(1).seconds() < times.get(0).seconds(), times.toString());
        assertTrue(times.get(0).seconds() > 1900 / SpeedProfiles.metresPerSecond(20), "went round by the bridge");
        assertFalse(times.get(0).noRoad());
        assertTrue(times.get(0).metres() < 200, "metres are the straight line");
    }

    @Test
    void aUnitFarFromAnyRoadStillGetsMinutesAndIsNotRankedAheadOfARoutedOne() {
        LatLon incident = TestCounty.at(2, 2);
        // 500 m south of the town, in the fields: 500 m of walking from the grid's edge.
        Traveller inTheFields = new Traveller("v", Mover.VOLUNTEER, Earth.offset(TestCounty.at(2, 0), 0, -700));
        Traveller car = new Traveller("car", Mover.PATROL_CAR, TestCounty.at(8, 8));
        List<Arrival> times = net.arrivals(incident, List.of(inTheFields, car));
        Arrival fields = times.get(0);
        assertTrue(fields.noRoad());
        assertTrue(Double.isFinite(fields.seconds()) && fields.seconds() > 0);
        assertEquals(fields.metres() / SpeedProfiles.metresPerSecond(SpeedProfiles.offRoadKmh(Mover.VOLUNTEER)),
                fields.seconds(), 1);
        assertFalse(times.get(1).noRoad());
        Arrival first = times.stream().min(Comparator.comparingDouble(Arrival::seconds)).orElseThrow();
        assertEquals("car", first.id(), times.toString());
    }

    @Test
    void aUnitBeyondTheHorizonRanksLastMarkedSoNotAsWithoutRoad() {
        LatLon incident = TestCounty.at(0, 0);
        Traveller near = new Traveller("near", Mover.AUXILIARY_OFFICER, TestCounty.at(1, 0));
        Traveller far = new Traveller("far", Mover.AUXILIARY_OFFICER, TestCounty.at(9, 9));
        // A one-minute horizon in a 1 km town: the far corner is past it.
        List<Arrival> times = net.arrivals(incident, List.of(near, far), 60);
        assertFalse(times.get(0).beyond(), times.toString());
        assertTrue(times.get(0).seconds() < 60, times.toString());
        Arrival beyond = times.get(1);
        assertTrue(beyond.beyond(), times.toString());
        assertFalse(beyond.noRoad(), "it has roads; they are long");
        assertTrue(beyond.seconds() >= 60, "never ahead of a unit reached: " + beyond);
        assertFalse(net.arrivals(incident, List.of(far)).get(0).beyond(), "45 minutes reach across the town");
    }

    @Test
    void everyUnitGetsATimeWhateverItsKind() {
        LatLon incident = TestCounty.at(3, 3);
        List<Traveller> all = List.of(Mover.values()).stream()
                .map(m -> new Traveller(m.name(), m, TestCounty.at(6, 7))).toList();
        for (Arrival a : net.arrivals(incident, all)) {
            assertTrue(Double.isFinite(a.seconds()) && a.seconds() > 0, a.toString());
            assertFalse(a.noRoad(), a.toString());
        }
    }

    @Test
    void theRingsAreNestedOneInsideThree() {
        Rings rings = net.rings(TestCounty.at(4, 4), Mover.AUXILIARY_OFFICER, 60, 180, 300);
        assertEquals(3, rings.rings().size());
        for (int k = 0; k + 1 < 3; k++) {
            Rings.Ring inner = rings.rings().get(k);
            Rings.Ring outer = rings.rings().get(k + 1);
            assertTrue(inner.metres() > 0);
            assertTrue(inner.metres() < outer.metres(), inner.metres() + " < " + outer.metres());
            for (List<LatLon> piece : inner.pieces()) {
                for (LatLon p : piece) {
                    assertTrue(nearest(p, outer) < 1, p + " of the " + inner.seconds() + " s ring is outside the next");
                }
            }
        }
        // An e-bike at 18 km/h covers 300 m of street in a minute: the 1-minute ring reaches no
        // further than that from the place.
        for (List<LatLon> piece : rings.rings().get(0).pieces()) {
            for (LatLon p : piece) {
                assertTrue(Earth.metres(p, TestCounty.at(4, 4)) <= 301, p.toString());
            }
        }
    }

    @Test
    void aDronesRingsAreCirclesOfItsFlight() {
        Rings rings = net.rings(TestCounty.at(4, 4), Mover.DRONE, 60);
        assertEquals(60 * SpeedProfiles.metresPerSecond(SpeedProfiles.DRONE_KMH), rings.rings().get(0).straightMetres(), 1e-6);
    }

    @Test
    void aCornerWithoutUnitsIsAGapAndAUnitThereClosesIt() {
        List<List<LatLon>> area = List.of(List.of(TestCounty.at(0, 0), TestCounty.at(9, 0), TestCounty.at(9, 9),
                TestCounty.at(0, 9)));
        Traveller south = new Traveller("s", Mover.COMMUNITY_OFFICER, TestCounty.at(1, 1));
        Gaps one = net.gaps(List.of(south), area, 50, 120);
        assertTrue(one.coveredShare() > 0 && one.coveredShare() < 0.5, "share " + one.coveredShare());
        assertTrue(one.gaps().stream().anyMatch(c -> c.north() > TestCounty.at(8, 8).latitude()
                && c.east() > TestCounty.at(8, 8).longitude()), "the far corner is a gap");
        Traveller north = new Traveller("n", Mover.COMMUNITY_OFFICER, TestCounty.at(8, 8));
        Gaps two = net.gaps(List.of(south, north), area, 50, 120);
        assertEquals(one.cells(), two.cells());
        assertTrue(two.gaps().size() < one.gaps().size());
        assertTrue(two.gaps().stream().noneMatch(c -> Earth.metres(TestCounty.at(8, 8),
                new LatLon((c.south() + c.north()) / 2, (c.west() + c.east()) / 2)) < 100));
    }

    private static double nearest(LatLon p, Rings.Ring ring) {
        double best = Double.POSITIVE_INFINITY;
        for (List<LatLon> piece : ring.pieces()) {
            for (int i = 0; i + 1 < piece.size(); i++) {
                best = Math.min(best, toSegment(p, piece.get(i), piece.get(i + 1)));
            }
        }
        return best;
    }

    private static double toSegment(LatLon p, LatLon a, LatLon b) {
        double kx = Earth.RADIUS_METRES * Math.toRadians(1) * Math.cos(Math.toRadians(p.latitude()));
        double ky = Earth.RADIUS_METRES * Math.toRadians(1);
        double ax = (a.longitude() - p.longitude()) * kx;
        double ay = (a.latitude() - p.latitude()) * ky;
        double bx = (b.longitude() - p.longitude()) * kx;
        double by = (b.latitude() - p.latitude()) * ky;
        double dx = bx - ax;
        double dy = by - ay;
        double l2 = dx * dx + dy * dy;
        double t = l2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / l2));
        return Math.hypot(ax + t * dx, ay + t * dy);
    }
}
