package commandroom.app.map.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import commandroom.app.map.WebMercator;
import commandroom.app.embedded.DemoBaseMap;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The three kinds of base map read real files and a real HTTP server on 127.0.0.1: the demo
 * county's MBTiles as the build rendered it, a z/x/y folder, and a tile server with its disk cache.
 */
class TileSourcesTest {

    private static final TileKey COUNTY_TOWN = at(30.545, 119.96, 15);

    @Test
    void theDemoBaseMapShipsEveryLevelOfTheCountyAsPictures() throws Exception {
        try (TileSource demo = TileSources.open("mbtiles:" + DemoBaseMap.extract(Files.createTempDirectory("bm")), null)) {
            assertEquals(DemoBaseMap.MIN_ZOOM, demo.minZoom());
            assertEquals(DemoBaseMap.MAX_ZOOM, demo.maxZoom());
            for (int z = demo.minZoom(); z <= demo.maxZoom(); z++) {
                byte[] png = demo.read(at(30.545, 119.96, z));
                assertNotNull(png, "the county town at zoom " + z);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                assertEquals(256, image.getWidth());
                assertEquals(256, image.getHeight());
            }
            assertNull(demo.read(at(39.9, 116.4, 15)), "nothing far from the county");
            assertTrue(demo.describe().contains("demo-basemap.mbtiles"));
        }
    }

    @Test
    void aTileFolderIsReadByZoomColumnAndRow() throws Exception {
        Path root = Files.createTempDirectory("xyz");
        byte[] png = tile();
        Files.createDirectories(root.resolve("15/" + COUNTY_TOWN.x()));
        Files.write(root.resolve("15/" + COUNTY_TOWN.x() + "/" + COUNTY_TOWN.y() + ".png"), png);
        Files.createDirectories(root.resolve("12"));
        try (TileSource xyz = TileSources.open("gcj02:xyz:" + root, null)) {
            assertEquals(12, xyz.minZoom());
            assertEquals(15, xyz.maxZoom());
            assertTrue(xyz.gcj02(), "gcj02: in front says the tiles are in GCJ-02");
            assertArrayEquals(png, xyz.read(COUNTY_TOWN));
            assertNull(xyz.read(new TileKey(15, COUNTY_TOWN.x() + 1, COUNTY_TOWN.y())));
        }
        assertThrows(IOException.class, () -> TileSources.open("xyz:" + root.resolve("missing"), null));
        assertThrows(IllegalArgumentException.class, () -> TileSources.open("tiles.example", null));
    }

    @Test
    void aTileServerIsAskedOnceThenServedFromTheCacheAlsoWhileItIsDown() throws Exception {
        byte[] png = tile();
        AtomicInteger asked = new AtomicInteger();
        List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tiles/", exchange -> {
            asked.incrementAndGet();
            paths.add(exchange.getRequestURI().getPath());
            boolean known = exchange.getRequestURI().getPath().equals(
                    "/tiles/15/" + COUNTY_TOWN.x() + "/" + COUNTY_TOWN.tmsRow() + ".png");
            exchange.sendResponseHeaders(known ? 200 : 404, known ? png.length : -1);
            if (known) {
                exchange.getResponseBody().write(png);
            }
            exchange.close();
        });
        server.start();
        Path cache = Files.createTempDirectory("tile-cache");
        String template = "http://127.0.0.1:" + server.getAddress().getPort() + "/tiles/{z}/{x}/{-y}.png";
        try (TileSource remote = TileSources.open(template, cache)) {
            assertArrayEquals(png, remote.read(COUNTY_TOWN), "fetched, rows counted from the south ({-y})");
            assertArrayEquals(png, remote.read(COUNTY_TOWN));
            assertEquals(1, asked.get(), "the second read came from the disk cache");
            assertNull(remote.read(new TileKey(15, COUNTY_TOWN.x() + 1, COUNTY_TOWN.y())), "404: no tile there");

            server.stop(0);
            try (var cached = Files.walk(cache)) {
                for (Path f : cached.filter(Files::isRegularFile).toList()) {
                    Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(30, ChronoUnit.DAYS)));
                }
            }
            assertArrayEquals(png, remote.read(COUNTY_TOWN), "an old cached tile beats a hole while the server is down");
            assertThrows(IOException.class, () -> remote.read(new TileKey(15, COUNTY_TOWN.x(), COUNTY_TOWN.y() + 1)),
                    "a tile never fetched cannot be shown: the layer is told why");
        } finally {
            server.stop(0);
        }
        assertTrue(paths.get(0).startsWith("/tiles/15/"), paths.toString());
        assertThrows(IllegalArgumentException.class, () -> TileSources.open("http://host/tiles/{z}/{x}.png", cache));
    }

    private static byte[] tile() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static TileKey at(double lat, double lon, int z) {
        return new TileKey(z, (int) (WebMercator.x(lon, z) / 256), (int) (WebMercator.y(lat, z) / 256));
    }
}
