package commandroom.app.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.model.GeoPoint;
import commandroom.app.model.RoadItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Travel times on small roads whose answers are known by hand: a main road west–east and a lane
 * south–north crossing it in the middle (the data gives them no common point), each 1,000 m.
 */
class TravelTimesTest {

    private static final double LAT = 30.5;
    private static final double LON = 120.0;

    /** A point so many metres east and north of (LAT, LON), on the graph's own flat earth. */
    private static GeoPoint at(double east, double north) {
        return new GeoPoint(LAT + north / 111_320, LON + east / (111_320 * Math.cos(Math.toRadians(LAT))));
    }

    private static final RoadItem MAIN = new RoadItem("r-main", "人民路", "primary", List.of(at(0, 0), at(1000, 0)));
    private static final RoadItem LANE = new RoadItem("r-lane", "书院弄", "residential",
            List.of(at(500, -500), at(500, 500)));

    @Test
    void crossingRoadsMeetWhereTheyCross() {
        RoadGraph g = RoadGraph.of(List.of(MAIN, LANE));
        assertEquals(5, g.nodeCount(), "four ends and the crossing");
        assertEquals(4, g.edges().size());
        assertEquals(2000, g.edges().stream().mapToDouble(RoadGraph.Edge::metres).sum(), 0.01);
    }

    @Test
    void aCarTakesTheRoadsAtTheirSpeeds() {
        TravelTimes t = TravelTimes.to(RoadGraph.of(List.of(MAIN, LANE)), at(0, 0), "PATROL_CAR");
        assertEquals(72, t.secondsFrom(at(1000, 0)), 0.01, "1,000 m of main road at 50 km/h");
        assertEquals(72 + 36, t.secondsFrom(at(500, 500)), 0.01, "500 m of lane at 25 km/h, then 500 m of main road");
        assertEquals(36 + 18, t.secondsFrom(at(250, 100)), 0.01, "100 m off the road at 10 km/h, 250 m of main road");
    }

    @Test
    void onFootEveryRoadIsAsSlowAndADroneFliesStraight() {
        RoadGraph g = RoadGraph.of(List.of(MAIN, LANE));
        assertEquals(1000 / (12 / 3.6), TravelTimes.to(g, at(0, 0), "VOLUNTEER").secondsFrom(at(1000, 0)), 0.01);
        assertEquals(Math.hypot(500, 500) / (54 / 3.6), TravelTimes.to(g, at(0, 0), "DRONE").secondsFrom(at(500, 500)),
                0.01, "straight over the houses");
    }

    @Test
    void aRoadThatMeetsNoOtherIsOutOfReach() {
        RoadItem island = new RoadItem("r-island", "湖心路", "secondary", List.of(at(3000, 3000), at(3500, 3000)));
        TravelTimes t = TravelTimes.to(RoadGraph.of(List.of(MAIN, LANE, island)), at(0, 0), "PATROL_CAR");
        assertTrue(Double.isInfinite(t.secondsFrom(at(3200, 3000))), "no road leads there");
        assertTrue(Double.isInfinite(TravelTimes.to(RoadGraph.of(List.of()), at(0, 0), "PATROL_CAR")
                .secondsFrom(at(10, 0))), "no roads at all");
    }

    @Test
    void twoPlacesOnOnePieceOfRoadGoAlongIt() {
        TravelTimes t = TravelTimes.to(RoadGraph.of(List.of(MAIN)), at(100, 0), "PATROL_CAR");
        assertEquals(200 / (50 / 3.6), t.secondsFrom(at(300, 0)), 0.01);
    }
}
