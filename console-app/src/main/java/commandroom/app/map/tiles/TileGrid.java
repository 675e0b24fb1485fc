package commandroom.app.map.tiles;

import commandroom.geo.Gcj02;
import commandroom.app.map.MapViewport;
import commandroom.app.map.WebMercator;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tiles cover a view and where they go on the screen. The tiles' zoom is the view's rounded
 * to a whole level within what the source has, the tiles scaled to fit between levels. For a
 * GCJ-02 source the grid is laid out around the view's centre moved into GCJ-02, which shifts the
 * picture by the few hundred metres the two datums differ by (the shift varies by metres across
 * a county, less than a pixel at street zoom). Stateless.
 */
public final class TileGrid {

    /** A tile and its square on the screen. */
    public record Placed(TileKey key, double x, double y, double size) {}

    private TileGrid() {}

    /** The tile zoom a view uses with a source's range. */
    public static int level(double zoom, int minZoom, int maxZoom) {
        return Math.max(minZoom, Math.min(maxZoom, (int) Math.round(zoom)));
    }

    /** The tiles at a level that cover a view, row by row from the top left. */
    public static List<Placed> cover(MapViewport v, int level, boolean gcj02) {
        double lat = v.latitude();
        double lon = v.longitude();
        if (gcj02) {
            double[] g = Gcj02.fromWgs84(lat, lon);
            lat = g[0];
            lon = g[1];
        }
        double scale = Math.pow(2, v.zoom() - level);
        double size = WebMercator.TILE * scale;
        double cx = WebMercator.x(lon, level);
        double cy = WebMercator.y(lat, level);
        int last = (1 << level) - 1;
        int x0 = clamp((int) Math.floor((cx - v.width() / 2 / scale) / WebMercator.TILE), last);
        int x1 = clamp((int) Math.floor((cx + v.width() / 2 / scale) / WebMercator.TILE), last);
        int y0 = clamp((int) Math.floor((cy - v.height() / 2 / scale) / WebMercator.TILE), last);
        int y1 = clamp((int) Math.floor((cy + v.height() / 2 / scale) / WebMercator.TILE), last);
        List<Placed> out = new ArrayList<>();
        for (int ty = y0; ty <= y1; ty++) {
            for (int tx = x0; tx <= x1; tx++) {
                out.add(new Placed(new TileKey(level, tx, ty), (tx * WebMercator.TILE - cx) * scale + v.width() / 2,
                        (ty * WebMercator.TILE - cy) * scale + v.height() / 2, size));
            }
        }
        return out;
    }

    private static int clamp(int i, int last) {
        return Math.max(0, Math.min(last, i));
    }
}
