package commandroom.sim.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.v1.Position;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeoMathTest {
    private static final Position CENTRE = GeoMath.position(30.5450, 119.9600);

    @Test
    void oneThousandthOfADegreeOfLatitudeIsAbout111Metres() {
        double metres = GeoMath.distanceMetres(CENTRE, GeoMath.position(30.5460, 119.9600));
        assertEquals(111.2, metres, 0.2);
    }

    @Test
    void aMoveEastAndNorthByOffsetIsMeasuredBackByDistance() {
        Position p = GeoMath.offset(CENTRE, 300, 400);
        assertEquals(500, GeoMath.distanceMetres(CENTRE, p), 0.5);
        assertEquals(300, GeoMath.eastMetres(CENTRE, p), 0.01);
        assertEquals(400, GeoMath.northMetres(CENTRE, p), 0.01);
    }

    @Test
    void bearingsPointTheWayOfTheCompass() {
        assertEquals(0, GeoMath.bearingDegrees(CENTRE, GeoMath.offset(CENTRE, 0, 1000)), 0.01);
        assertEquals(90, GeoMath.bearingDegrees(CENTRE, GeoMath.offset(CENTRE, 1000, 0)), 0.05);
        assertEquals(180, GeoMath.bearingDegrees(CENTRE, GeoMath.offset(CENTRE, 0, -1000)), 0.01);
        assertEquals(270, GeoMath.bearingDegrees(CENTRE, GeoMath.offset(CENTRE, -1000, 0)), 0.05);
    }

    @Test
    void movingTowardAPlaceCoversTheDistanceAskedAndNeverOvershoots() {
        Position target = GeoMath.offset(CENTRE, 600, -800);
        Position step = GeoMath.moveToward(CENTRE, target, 250);
        assertEquals(250, GeoMath.distanceMetres(CENTRE, step), 0.5);
        assertEquals(750, GeoMath.distanceMetres(step, target), 0.5);
        assertEquals(target, GeoMath.moveToward(CENTRE, target, 5000));
    }

    @Test
    void distanceToALineIsMeasuredToItsNearestSegment() {
        List<Position> line = List.of(GeoMath.offset(CENTRE, -500, 0), GeoMath.offset(CENTRE, 500, 0));
        assertEquals(120, GeoMath.distanceToLineMetres(GeoMath.offset(CENTRE, 100, 120), line), 0.5);
        assertEquals(500, GeoMath.distanceToLineMetres(GeoMath.offset(CENTRE, 900, 300), line), 0.5);
    }

    @Test
    void randomPointsInsideAPolygonAreInsideIt() {
        List<Position> ring = List.of(GeoMath.offset(CENTRE, 0, 0), GeoMath.offset(CENTRE, 1000, 0),
                GeoMath.offset(CENTRE, 1000, 1000), GeoMath.offset(CENTRE, 0, 1000));
        assertTrue(Polygons.contains(ring, GeoMath.offset(CENTRE, 500, 500)));
        assertFalse(Polygons.contains(ring, GeoMath.offset(CENTRE, 1500, 500)));
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            assertTrue(Polygons.contains(ring, Polygons.randomPointInside(ring, random)));
        }
    }
}
