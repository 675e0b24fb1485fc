package commandroom.app.embedded;

import commandroom.app.connection.ProtoMapper;
import commandroom.app.map.basemap.BaseMapWriter;
import commandroom.app.map.tiles.MbTilesSource;
import commandroom.sim.county.DemoCounty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo county's own base map, so the demo works with no network: rendered at build time (the
 * console-app build runs {@link #main}) from county.json into an MBTiles file that ships in the
 * console's jar, and copied out into the data folder when the embedded default starts (SQLite
 * reads files, not jar entries). Re-rendered only when the county or the style changed.
 */
public final class DemoBaseMap {

    /** Where the file ships on the class path. */
    public static final String RESOURCE = "demo-county/basemap.mbtiles";
    public static final int MIN_ZOOM = 11;
    public static final int MAX_ZOOM = 17;
    /** Part of the fingerprint: raise it when the renderer draws differently. */
    private static final int RENDERER_VERSION = 1;

    private DemoBaseMap() {}

    /** Renders the demo base map into args[0] unless the file there is already this county's. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args[0]);
        String fingerprint = fingerprint();
        if (Files.isRegularFile(out) && fingerprint.equals(metadata(out, "source_sha256"))) {
            return;
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path part = out.resolveSibling(out.getFileName() + ".part");
        Files.deleteIfExists(part);
        render(part, fingerprint);
        Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Renders every level of the demo county into a new file. */
    static int render(Path file, String fingerprint) throws IOException {
        var county = DemoCounty.load();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("name", county.getName());
        meta.put("center", county.getCentre().getLongitude() + "," + county.getCentre().getLatitude() + ",14");
        meta.put("description", "Demo county base map rendered by Command Room Console from county.json (WGS-84)");
        meta.put("source_sha256", fingerprint);
        return BaseMapWriter.write(file, county.getZonesList().stream().map(ProtoMapper::zone).toList(),
                county.getRoadsList().stream().map(ProtoMapper::road).toList(), MIN_ZOOM, MAX_ZOOM, meta);
    }

    /**
     * Copies the shipped base map into a folder (once, or again when the shipped one changed) and
     * answers the copy. Fails when the console was built without it.
     */
    public static Path extract(Path folder) throws IOException {
        Path target = folder.resolve("demo-basemap.mbtiles");
        try (InputStream in = DemoBaseMap.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the class path (build console-app to render it)");
            }
            byte[] shipped = in.readAllBytes();
            if (Files.isRegularFile(target) && Files.size(target) == shipped.length
                    && java.util.Arrays.equals(Files.readAllBytes(target), shipped)) {
                return target;
            }
            Files.createDirectories(folder);
            Path part = folder.resolve("demo-basemap.mbtiles.part");
            Files.write(part, shipped);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    /** Opens the demo base map, extracted into a folder. */
    public static MbTilesSource open(Path folder) throws IOException {
        return new MbTilesSource(extract(folder), false);
    }

    /** Hash of what the map is drawn from: the county, the style and the renderer's version. */
    static String fingerprint() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            try (InputStream in = DemoBaseMap.class.getClassLoader().getResourceAsStream(DemoCounty.RESOURCE)) {
                d.update(in.readAllBytes());
            }
            d.update(BaseMapWriter.styleBytes());
            d.update(Integer.toString(RENDERER_VERSION).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A metadata value of an MBTiles file, or null. */
    static String metadata(Path file, String name) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement ps = c.prepareStatement("SELECT value FROM metadata WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            return null;
        }
    }
}
