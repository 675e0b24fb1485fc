package commandroom.app.map.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import commandroom.app.connection.CommandClient;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.geo.Gcj02;
import commandroom.app.map.MapViewModel;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The optional Google Maps provider, chosen as a site would choose it: without a key, and with a
 * key but no way to the Maps API, the map says so in words; with a stand-in of the Maps
 * JavaScript API served on 127.0.0.1 (Google itself is not reachable here, as on a police network)
 * the console's units and open incidents become markers, moved into GCJ-02, that follow the hub.
 */
class GoogleMapPaneTest extends FxRobot {

    @Test
    void withoutAKeyOrANetworkTheMapSaysSoAndWithTheApiItShowsTheCountysUnitsAndIncidents() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] api;
        try (InputStream in = getClass().getResourceAsStream("standin-maps-api.js")) {
            api = in.readAllBytes();
        }
        standIn.createContext("/maps/api/js", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            asked.add(query);
            String callback = query.replaceAll(".*callback=([A-Za-z_]+).*", "$1");
            byte[] body = (new String(api, StandardCharsets.UTF_8) + "\n" + callback + "();\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/javascript; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        standIn.start();
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = free.getLocalPort();
        }
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("google"), 0, 1, null, false)) {
            // No key: said before anything is loaded.
            assertProblem(hub, new GoogleMapsSettings(null, "http://127.0.0.1:" + standIn.getAddress().getPort()),
                    "未配置 Google 地图 API 密钥");
            // A key, but the Maps API cannot be reached (as on a police network).
            assertProblem(hub, new GoogleMapsSettings("site-key", "http://127.0.0.1:" + closed), "无法连接 Google 地图服务");

            Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1", Files.createTempDirectory("layouts"),
                    c -> c.useGoogleMaps(new GoogleMapsSettings("site-key", "http://127.0.0.1:" + standIn.getAddress().getPort())));
            try {
                Waits.until("the county known", Duration.ofSeconds(20), () -> w.state().units().size() > 30);
                clickOn("#tab-map");
                WebView web = lookup(".web-view").query();
                // Each step waited for on its own, so that a slow machine's failure says which step.
                Waits.until("the Maps API asked for", Duration.ofSeconds(30), () -> !asked.isEmpty());
                Waits.until("the map made (the page said: " + lookup("#google-map-problem").<Label>query().getText() + ")",
                        Duration.ofSeconds(30), () -> number(web, "standIn.maps.length") == 1);
                Waits.until("every unit and open incident marked", Duration.ofSeconds(30), () -> {
                    long open = w.state().incidents().values().stream().filter(MapViewModel::isOpen).count();
                    return number(web, "standIn.maps.length") == 1
                            && number(web, "standIn.shown()") == w.state().units().size() + open;
                });
                assertTrue(asked.get(asked.size() - 1).contains("key=site-key"), asked.toString());
                assertTrue(asked.get(asked.size() - 1).contains("language=zh-CN"), asked.toString());
                assertTrue(!lookup("#google-map-problem").query().isVisible(), "no problem to tell");

                // Markers stand where Google draws the place: GCJ-02.
                var unit = w.state().units().values().stream().filter(u -> u.isAvailable()).findFirst().orElseThrow();
                double[] gcj = Gcj02.fromWgs84(unit.latitude(), unit.longitude());
                double lat = number(web, "standIn.markers.filter(function (m) { return m.title === '" + unit.name()
                        + "'; })[0].position.lat()");
                assertEquals(gcj[0], lat, 1e-9, "the unit's marker is at its GCJ-02 place");

                // The unit is sent to an incident: a marker for the incident, and the unit's moves.
                var incident = w.client().report(new CommandClient.IncidentDraft("CALL_110", "URGENT", 30.55, 119.975,
                        "城东路 3 号", "求助", "", "")).get();
                w.client().dispatch(new CommandClient.DispatchDraft(incident.id(), incident.version(), "RESPOND",
                        List.of(unit.id()), "到场处置", Map.of())).get();
                Waits.until("the unit's marker follows it", Duration.ofSeconds(30), () -> number(web, "standIn.moves") > 0);
                long open = w.state().incidents().values().stream().filter(MapViewModel::isOpen).count();
                assertEquals(w.state().units().size() + open, number(web, "standIn.shown()"), 0.0,
                        "the new incident is marked too");
            } finally {
                Consoles.close(w);
            }
        } finally {
            standIn.stop(0);
        }
    }

    private void assertProblem(EmbeddedDefault hub, GoogleMapsSettings settings, String saying) throws Exception {
        Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1", Files.createTempDirectory("layouts"),
                c -> c.useGoogleMaps(settings));
        try {
            clickOn("#tab-map");
            Waits.until("the map says why it is empty", Duration.ofSeconds(20), () ->
                    lookup("#google-map-problem").query().isVisible());
            String said = lookup("#google-map-problem").<Label>query().getText();
            assertTrue(said.startsWith(saying), said);
            assertTrue(said.contains("--basemap"), "and what to do instead: " + said);
            if (settings.hasKey()) {
                javafx.stage.Stage stage = w.stages().get(0);
                interact(() -> {
                    stage.setWidth(1600);
                    stage.setHeight(900);
                });
                commandroom.app.testing.Screenshots.save(this, stage.getScene().getRoot(), "map-google-offline");
            }
        } finally {
            Consoles.close(w);
        }
    }

    private double number(WebView web, String script) {
        Object[] out = new Object[1];
        interact(() -> out[0] = web.getEngine().executeScript(script));
        return ((Number) out[0]).doubleValue();
    }
}
