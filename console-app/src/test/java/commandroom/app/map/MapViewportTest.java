package commandroom.app.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Web Mercator and the map's viewport: known values, round trips, and what pan and zoom keep still. */
class MapViewportTest {

    private static final double LAT = 30.545;
    private static final double LON = 119.96;

    @Test
    void webMercatorKnownValues() {
        assertEquals(256, WebMercator.worldSize(0), 0);
        assertEquals(128, WebMercator.x(0, 0), 1e-9, "Greenwich is the middle");
        assertEquals(128, WebMercator.y(0, 0), 1e-9, "and so is the equator");
        assertEquals(0, WebMercator.y(WebMercator.MAX_LATITUDE, 0), 1e-6, "the top edge");
        // The tile of the county town at zoom 14, by the OpenStreetMap wiki's slippy-map formula
        // (x = (lon + 180) / 360 · 2^z, y = (1 − asinh(tan φ) / π) / 2 · 2^z): 13651 / 6730.
        assertEquals(13651, (int) Math.floor(WebMercator.x(LON, 14) / 256));
        assertEquals(6730, (int) Math.floor(WebMercator.y(LAT, 14) / 256));
        assertEquals(156_543.03, WebMercator.metresPerPixel(0, 0), 0.01, "metres a pixel at zoom 0 on the equator");
        assertEquals(LAT, WebMercator.latitude(WebMercator.y(LAT, 15.3), 15.3), 1e-9);
        assertEquals(LON, WebMercator.longitude(WebMercator.x(LON, 15.3), 15.3), 1e-9);
    }

    @Test
    void screenAndGroundRoundTrip() {
        MapViewport v = new MapViewport(LAT, LON, 15, 1600, 900);
        assertEquals(800, v.screenX(LON), 1e-9, "the centre is in the middle");
        assertEquals(450, v.screenY(LAT), 1e-9);
        double[] g = v.ground(123, 456);
        assertEquals(123, v.screenX(g[1]), 1e-6);
        assertEquals(456, v.screenY(g[0]), 1e-6);
        assertEquals(true, v.screenY(LAT + 0.01) < 450, "north is up");
    }

    @Test
    void panFollowsTheDragAndZoomKeepsTheGroundUnderTheCursor() {
        MapViewport v = new MapViewport(LAT, LON, 15, 1600, 900);
        double[] under = v.ground(300, 200);
        MapViewport panned = v.pannedBy(40, -25);
        assertEquals(340, panned.screenX(under[1]), 1e-6, "what was under the mouse moved with it");
        assertEquals(175, panned.screenY(under[0]), 1e-6);

        MapViewport zoomed = v.zoomedAt(1.5, 300, 200);
        assertEquals(16.5, zoomed.zoom(), 1e-12);
        assertArrayEquals(under, zoomed.ground(300, 200), 1e-9, "the ground under the cursor stays there");
        assertEquals(MapViewport.MAX_ZOOM, v.zoomedAt(50, 0, 0).zoom(), 0, "zoom is bounded");
    }
}
