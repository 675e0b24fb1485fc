package commandroom.app.map.tiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Tiles from an intranet XYZ (or WMTS in XYZ form) server given as a URL template with {z}, {x}
 * and {y} (or {-y} for rows counted from the south), kept in a disk cache: a cached tile younger
 * than a week is used without asking; an older one is asked for again and still used when the
 * server cannot be reached. Thread-safe.
 */
public final class UrlTileSource implements TileSource {

    private static final Duration FRESH = Duration.ofDays(7);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String template;
    private final Path cache;
    private final boolean gcj02;
    private final int minZoom;
    private final int maxZoom;
    private final HttpClient http;

    /** A server's template; its tiles are cached under cacheRoot in a folder of their own. */
    public UrlTileSource(String template, Path cacheRoot, boolean gcj02, int minZoom, int maxZoom) {
        if (!template.contains("{z}") || !template.contains("{x}")
                || !(template.contains("{y}") || template.contains("{-y}"))) {
            throw new IllegalArgumentException("a tile URL needs {z}, {x} and {y} (or {-y}): " + template);
        }
        URI.create(template.replace("{z}", "0").replace("{x}", "0").replace("{-y}", "0").replace("{y}", "0"));
        this.template = template;
        this.cache = cacheRoot.resolve(folderName(template));
        this.gcj02 = gcj02;
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public byte[] read(TileKey key) throws IOException {
        Path cached = cache.resolve(key.z() + "/" + key.x() + "/" + key.y() + ".tile");
        boolean have = Files.isRegularFile(cached);
        if (have && Files.getLastModifiedTime(cached).toInstant().isAfter(Instant.now().minus(FRESH))) {
            return Files.readAllBytes(cached);
        }
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url(key))).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404 || r.statusCode() == 204) {
                return null;
            }
            if (r.statusCode() != 200) {
                throw new IOException("tile server answered " + r.statusCode() + " for " + url(key));
            }
            store(cached, r.body());
            return r.body();
        } catch (IOException e) {
            if (have) {
                // The server is down: an old tile beats a hole in the map.
                return Files.readAllBytes(cached);
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url(key), e);
        }
    }

    String url(TileKey key) {
        return template.replace("{z}", Integer.toString(key.z())).replace("{x}", Integer.toString(key.x()))
                .replace("{-y}", Integer.toString(key.tmsRow())).replace("{y}", Integer.toString(key.y()));
    }

    private static void store(Path cached, byte[] body) throws IOException {
        Files.createDirectories(cached.getParent());
        Path part = cached.resolveSibling(cached.getFileName() + ".part");
        Files.write(part, body);
        Files.move(part, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(cached, FileTime.from(Instant.now()));
    }

    /** One cache folder per template, named by its hash (templates hold characters paths cannot). */
    private static String folderName(String template) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(template.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int minZoom() {
        return minZoom;
    }

    @Override
    public int maxZoom() {
        return maxZoom;
    }

    @Override
    public boolean gcj02() {
        return gcj02;
    }

    @Override
    public String describe() {
        return "tile server " + template;
    }
}
