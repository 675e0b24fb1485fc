package commandroom.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.embedded.DemoBaseMap;
import commandroom.app.map.tiles.TileKey;
import commandroom.app.map.tiles.TileSource;
import commandroom.app.map.tiles.TileSources;
import commandroom.app.model.RoadItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.MapPixels;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The map's base map from an intranet tile server, as a site without internet would run it: while
 * the server is down the map says so and still shows everything live; when it comes back the map
 * draws the county's streets from its tiles (here the demo county's own base map, served over
 * HTTP on 127.0.0.1), and the leader can hide the base map, the map then drawing the roads itself.
 */
class MapBaseMapTest extends FxRobot {

    @Test
    void theMapSaysWhenItsTileServerIsDownAndDrawsItsStreetsOnceItIsBack() throws Exception {
        Path data = Files.createTempDirectory("basemap");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        String template = "http://127.0.0.1:" + port + "/tiles/{z}/{x}/{y}.png";
        HttpServer server = null;
        try (EmbeddedDefault hub = EmbeddedDefault.start(data, 0, 1, null, false);
             TileSource demo = DemoBaseMap.open(data);
             TileSource intranet = TileSources.open(template, Files.createTempDirectory("tile-cache"))) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1", Files.createTempDirectory("layouts"),
                    intranet);
            try {
                Stage stage = w.stages().get(0);
                interact(() -> {
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(1920);
                    stage.setHeight(1080);
                });
                Waits.until("the county's roads", Duration.ofSeconds(20), () -> w.state().roads().size() == 13);
                clickOn("#tab-map");
                MapView map = from(stage.getScene().getRoot()).lookup(".incident-map").query();
                Waits.until("the map says its tile server is down", Duration.ofSeconds(15), () ->
                        lookup("#map-basemap-problem").query().isVisible());
                String said = lookup("#map-basemap-problem").<Label>query().getText();
                assertTrue(said.startsWith("底图暂不可用"), said);
                assertTrue(lookup("#map-layer-units").query().isVisible(), "the live layers are still there");

                server = serve(port, demo);
                // Only the ground and the streets: the markers would cover what is measured.
                for (String layer : new String[] {"zones", "cameras", "units", "incidents"}) {
                    clickOn("#map-layer-" + layer);
                }
                RoadItem avenue = w.state().roads().get("r-02");
                Waits.until("the streets drawn from the server's tiles", Duration.ofSeconds(20), () -> {
                    double[] seen = MapPixels.roadAgainstGround(this, map, avenue);
                    return !lookup("#map-basemap-problem").query().isVisible() && seen[0] > seen[1] + 0.1;
                });
                assertEquals(true, map.model().baseShownProperty().get());
                for (String layer : new String[] {"zones", "cameras", "units", "incidents"}) {
                    clickOn("#map-layer-" + layer);
                }
                Screenshots.save(this, map, "map-basemap");

                clickOn("#map-layer-base");
                assertEquals(false, map.model().baseShownProperty().get(), "the leader hid the base map");
                double[] own = MapPixels.roadAgainstGround(this, map, avenue);
                assertTrue(own[0] > own[1] + 0.03, "without it the map draws the road itself: " + own[0] + " vs " + own[1]);
            } finally {
                Consoles.close(w);
            }
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    /** A tile server on 127.0.0.1 that serves a source's tiles by z/x/y. */
    private static HttpServer serve(int port, TileSource tiles) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/tiles/", exchange -> {
            String[] p = exchange.getRequestURI().getPath().replace(".png", "").split("/");
            byte[] png = tiles.read(new TileKey(Integer.parseInt(p[2]), Integer.parseInt(p[3]), Integer.parseInt(p[4])));
            exchange.sendResponseHeaders(png != null ? 200 : 404, png != null ? png.length : -1);
            if (png != null) {
                exchange.getResponseBody().write(png);
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
