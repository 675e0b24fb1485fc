package commandroom.app.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.model.GeoPoint;
import commandroom.app.model.RoadItem;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coverage gaps on a county whose answer is known by hand: one zone 10 km long and 200 m wide
 * along a 10 km main road, cut into 100 m cells (centres 50 m off the road).
 */
class CoverageGapsTest {

    private static final double LAT = 30.5;
    private static final double LON = 120.0;

    private static GeoPoint at(double east, double north) {
        return new GeoPoint(LAT + north / 111_320, LON + east / (111_320 * Math.cos(Math.toRadians(LAT))));
    }

    private static final RoadGraph ROAD = RoadGraph.of(List.of(
            new RoadItem("r-main", "清溪大道", "primary", List.of(at(0, 0), at(10_000, 0)))));
    private static final ZoneItem STRIP = new ZoneItem("z-strip", "长条警务区", "s-1",
            List.of(at(0, -100), at(10_000, -100), at(10_000, 100), at(0, 100)));

    private static UnitItem unit(String id, String kind, String status, GeoPoint p) {
        return new UnitItem(id, id, kind, "z-strip", status, p.latitude(), p.longitude());
    }

    @Test
    void aCarAtOneEndReachesWhatFiveMinutesOfRoadAllow() {
        CoverageGaps g = CoverageGaps.of(ROAD, List.of(unit("car", "PATROL_CAR", "AVAILABLE", at(0, 0))),
                List.of(STRIP), 100, 300);
        // 300 s at 50 km/h is 4,167 m; the last 50 m off the road at 10 km/h take 18 s (250 m of road):
        // cells whose centre is within 3,917 m of the west end are reached, 39 of each row of 100.
        assertEquals(0.39, g.coveredShare(), 0.011);
        double eastOfGap = g.gaps().stream().mapToDouble(CoverageGaps.Cell::west).min().orElseThrow();
        assertEquals(at(3_900, 0).longitude(), eastOfGap, 100 / (111_320 * Math.cos(Math.toRadians(LAT))),
                "the gap starts 3.9 km east");
    }

    @Test
    void aBusyUnitLeavesAGapAndADroneClosesOneAroundItself() {
        UnitItem busyCar = unit("car", "PATROL_CAR", "BUSY", at(0, 0));
        assertEquals(0, CoverageGaps.of(ROAD, List.of(busyCar), List.of(STRIP), 100, 300).coveredShare(), 1e-9,
                "only available units count");
        UnitItem drone = unit("uav", "DRONE", "AVAILABLE", at(10_000, 0));
        CoverageGaps g = CoverageGaps.of(ROAD, List.of(busyCar, unit("car2", "PATROL_CAR", "AVAILABLE", at(0, 0)), drone),
                List.of(STRIP), 100, 300);
        // The drone flies 4,500 m in 5 minutes: the east 45 % of the strip; the car the west 39 %.
        assertEquals(0.84, g.coveredShare(), 0.021);
        assertTrue(g.gaps().stream().allMatch(c -> c.west() > at(3_800, 0).longitude() && c.east() < at(5_600, 0).longitude()),
                "the gap is between them");
    }

    @Test
    void nobodyAvailableMeansTheWholeCountyIsAGap() {
        CoverageGaps g = CoverageGaps.of(ROAD, List.of(), List.of(STRIP), 100, 300);
        assertEquals(200, g.gaps().size(), "100 × 2 cells");
        assertEquals(0, g.coveredShare(), 1e-9);
    }
}
