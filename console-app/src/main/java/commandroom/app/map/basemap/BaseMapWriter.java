package commandroom.app.map.basemap;

import commandroom.app.map.tiles.TileKey;
import commandroom.app.model.RoadItem;
import commandroom.app.model.ZoneItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a base map of a county from its police zones and roads into an MBTiles file, every level
 * of a zoom range, in the console's dark style: the demo county ships one made this way, and a
 * site without any tiles can make one from its own hub's zones and roads. Not thread-safe.
 */
public final class BaseMapWriter {

    private BaseMapWriter() {}

    /**
     * Writes a new file with the tiles of levels minZoom..maxZoom and the metadata given (name,
     * bounds...) after the format's own; answers how many tiles it wrote.
     */
    public static int write(Path file, List<ZoneItem> zones, List<RoadItem> roads, int minZoom, int maxZoom,
                            Map<String, String> metadata) throws IOException {
        BaseMapRenderer renderer = new BaseMapRenderer(zones, roads, BaseMapStyle.load());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "png");
        meta.put("type", "baselayer");
        meta.put("version", "1.3");
        meta.put("minzoom", Integer.toString(minZoom));
        meta.put("maxzoom", Integer.toString(maxZoom));
        meta.putAll(metadata);
        int count = 0;
        try (MbTilesWriter w = new MbTilesWriter(file, meta)) {
            for (int z = minZoom; z <= maxZoom; z++) {
                for (TileKey key : renderer.tiles(z)) {
                    w.add(key, renderer.render(key));
                    count++;
                }
            }
        }
        return count;
    }

    /** The style's own text, so that a change to it can be told from a stale file. */
    public static byte[] styleBytes() {
        try (InputStream in = BaseMapStyle.class.getResourceAsStream("basemap-style.properties")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
