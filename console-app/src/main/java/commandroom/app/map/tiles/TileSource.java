package commandroom.app.map.tiles;

import java.io.IOException;

/**
 * Where base-map tiles come from: a local MBTiles file, a folder of XYZ tiles or an intranet tile
 * server. Reads block (disk or network) and are made by the tile layer's loader thread only; an
 * implementation must be safe to call from that thread while the FX thread asks its name.
 */
public interface TileSource extends AutoCloseable {

    /** The encoded image of a tile (PNG or JPEG), or null when the source has none there. */
    byte[] read(TileKey key) throws IOException;

    /** Lowest zoom the source has tiles for. */
    int minZoom();

    /** Highest zoom the source has tiles for; closer views enlarge these. */
    int maxZoom();

    /**
     * Whether the tiles are drawn in GCJ-02 (most Chinese web maps) rather than WGS-84: the layer
     * then shifts them so that WGS-84 positions land on the right streets.
     */
    boolean gcj02();

    /** What to call the source in the status line and logs. */
    String describe();

    @Override
    default void close() {}
}
