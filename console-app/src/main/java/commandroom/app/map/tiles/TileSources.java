package commandroom.app.map.tiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a base map given on the command line: {@code mbtiles:FILE}, {@code xyz:FOLDER} or an
 * http(s) URL template; {@code gcj02:} in front says the tiles are drawn in GCJ-02. Stateless.
 */
public final class TileSources {

    public static final String SYNTAX = "mbtiles:FILE | xyz:FOLDER | http(s)://host/{z}/{x}/{y}.png, "
            + "with gcj02: in front for tiles drawn in GCJ-02";

    private TileSources() {}

    /** Opens the source a spec names; remote tiles are cached under cacheRoot. */
    public static TileSource open(String spec, Path cacheRoot) throws IOException {
        boolean gcj = spec.startsWith("gcj02:");
        String rest = gcj ? spec.substring("gcj02:".length()) : spec;
        if (rest.startsWith("mbtiles:")) {
            return new MbTilesSource(Path.of(rest.substring("mbtiles:".length())), gcj);
        }
        if (rest.startsWith("xyz:")) {
            return new XyzFolderSource(Path.of(rest.substring("xyz:".length())), gcj);
        }
        if (rest.startsWith("http://") || rest.startsWith("https://")) {
            return new UrlTileSource(rest, cacheRoot, gcj, 0, 18);
        }
        throw new IllegalArgumentException("unknown base map " + spec + "; use " + SYNTAX);
    }
}
