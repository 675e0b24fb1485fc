package commandroom.app.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.geo.Gcj02;
import commandroom.app.map.MapViewport;
import commandroom.app.map.WebMercator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tile maths: which tiles cover a view, where they go, and the GCJ-02 shift. */
class TileGridTest {

    @Test
    void knownPlacesFallInTheirPublishedTiles() {
        // OpenStreetMap's tile for Beijing at zoom 10 is 10/843/388; for lon 0, lat 0 at zoom 1 it is 1/1/1.
        assertEquals(new TileKey(10, 843, 388), tileAt(39.9087, 116.3975, 10));
        assertEquals(new TileKey(1, 1, 1), tileAt(-0.0001, 0.0001, 1));
        assertEquals(new TileKey(0, 0, 0), tileAt(51.5, -0.12, 0));
    }

    @Test
    void mbtilesRowsCountFromTheSouth() {
        assertEquals(0, new TileKey(3, 2, 7).tmsRow());
        assertEquals(7, new TileKey(3, 2, 0).tmsRow());
        assertEquals(new TileKey(9, 421, 194), new TileKey(10, 843, 388).parent());
        assertThrows(IllegalArgumentException.class, () -> new TileKey(2, 4, 0));
    }

    @Test
    void theTilesCoverTheWholeViewWithoutGapsAndPutTheCentreUnderTheCentre() {
        MapViewport v = new MapViewport(30.545, 119.96, 14.4, 1920, 1080);
        int level = TileGrid.level(v.zoom(), 0, 18);
        assertEquals(14, level);
        List<TileGrid.Placed> tiles = TileGrid.cover(v, level, false);
        double size = tiles.get(0).size();
        assertEquals(256 * Math.pow(2, 0.4), size, 1e-9, "tiles enlarged between levels");
        assertTrue(tiles.stream().anyMatch(t -> t.x() <= 0 && t.y() <= 0), "the top left corner is covered");
        assertTrue(tiles.stream().anyMatch(t -> t.x() + t.size() >= 1920 && t.y() + t.size() >= 1080),
                "the bottom right corner is covered");
        for (TileGrid.Placed a : tiles) {
            for (TileGrid.Placed b : tiles) {
                if (b.key().x() == a.key().x() + 1 && b.key().y() == a.key().y()) {
                    assertEquals(a.x() + a.size(), b.x(), 1e-9, "neighbours touch");
                }
            }
        }
        TileKey centre = tileAt(v.latitude(), v.longitude(), level);
        TileGrid.Placed under = tiles.stream().filter(t -> t.key().equals(centre)).findFirst().orElseThrow();
        assertTrue(under.x() <= 960 && 960 < under.x() + size && under.y() <= 540 && 540 < under.y() + size);
    }

    @Test
    void aLevelOutsideTheSourceIsClampedToWhatItHas() {
        assertEquals(17, TileGrid.level(18.7, 11, 17));
        assertEquals(11, TileGrid.level(9.2, 11, 17));
        assertEquals(15, TileGrid.level(14.5, 11, 17));
    }

    @Test
    void aGcj02SourceIsShiftedSoWgs84PositionsLandOnTheirStreets() {
        MapViewport v = new MapViewport(30.545, 119.96, 16, 1600, 900);
        double lat = 30.551;
        double lon = 119.951;
        // Where the map draws a WGS-84 point ...
        double sx = v.screenX(lon);
        double sy = v.screenY(lat);
        // ... and where the GCJ-02 tiles have drawn that place.
        double[] g = Gcj02.fromWgs84(lat, lon);
        int level = 16;
        double wx = WebMercator.x(g[1], level);
        double wy = WebMercator.y(g[0], level);
        TileKey key = new TileKey(level, (int) (wx / 256), (int) (wy / 256));
        TileGrid.Placed t = TileGrid.cover(v, level, true).stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow();
        assertEquals(sx, t.x() + (wx - key.x() * 256), 1.0, "within a pixel east-west");
        assertEquals(sy, t.y() + (wy - key.y() * 256), 1.0, "within a pixel north-south");
        // Without the shift the streets would be hundreds of metres off.
        TileGrid.Placed plain = TileGrid.cover(v, level, false).stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow();
        assertTrue(Math.abs(plain.x() - t.x()) > 50, "GCJ-02 moves the tiles visibly");
    }

    private static TileKey tileAt(double lat, double lon, int z) {
        return new TileKey(z, (int) (WebMercator.x(lon, z) / 256), (int) (WebMercator.y(lat, z) / 256));
    }
}
