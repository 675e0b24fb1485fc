package commandroom.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.connection.CommandClient;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.UnitItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.travel.CoverageGaps;
import commandroom.app.workspace.Workstation;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A camera the wall found dark is crossed out on the map. The shift leader shades the coverage gaps: the map tints where no available police unit reaches
 * in 5 minutes and says how much of the county is covered; sending units away to an incident
 * opens gaps where they were, and the figure falls.
 */
class MapGapsTest extends FxRobot {

    @Test
    void theLeaderSeesWhereNobodyReachesInFiveMinutesAndTheGapGrowsAsUnitsAreSentAway() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("gaps"), 0, 1, null, false)) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1");
            try {
                Stage stage = w.stages().get(0);
                interact(() -> {
                    stage.setWidth(1920);
                    stage.setHeight(1080);
                });
                Waits.until("the county known", Duration.ofSeconds(20), () -> w.state().roads().size() == 13
                        && w.state().units().size() > 30);
                clickOn("#tab-map");
                MapView map = from(stage.getScene().getRoot()).lookup(".incident-map").query();
                GapsModel gaps = map.model().gaps();
                assertTrue(!lookup("#map-gaps-share").query().isVisible(), "no figure before the gaps are asked for");

                // A camera the console's wall found dark is drawn in the offline colour, without its view.
                var camera = w.state().cameras().values().stream().filter(c -> {
                    MapViewport at = map.model().viewportProperty().get();
                    double cx = at.screenX(c.longitude());
                    double cy = at.screenY(c.latitude());
                    return cx > 300 && cx < 1600 && cy > 200 && cy < 800;
                }).findFirst().orElseThrow();
                MapViewport at = map.model().viewportProperty().get();
                double cx = at.screenX(camera.longitude()) + 4;
                double cy = at.screenY(camera.latitude());
                Color live = pixel(map, cx, cy);
                interact(() -> w.state().camerasOffline().put(camera.id(), java.time.Instant.now()));
                Color dark = pixel(map, cx, cy);
                assertTrue(dark.getRed() > live.getRed() + 0.2 && dark.getBlue() < live.getBlue(),
                        "crossed out in red: " + live + " → " + dark);
                interact(() -> w.state().camerasOffline().remove(camera.id()));

                clickOn("#map-layer-gaps");
                Waits.until("the share shown", Duration.ofSeconds(10), () -> !lookup("#map-gaps-share")
                        .<Label>query().getText().isEmpty());
                double before = gaps.coveredProperty().get();
                assertTrue(before > 0.3 && before < 1, "some of the county is out of reach: " + before);
                assertEquals("在岗警力 5 分钟可达 " + Math.round(before * 100) + "%",
                        lookup("#map-gaps-share").<Label>query().getText());

                // A gap cell is tinted: redder with the gaps shown than without.
                CoverageGaps shown = gaps.current();
                MapViewport v = map.model().viewportProperty().get();
                CoverageGaps.Cell cell = shown.gaps().stream().filter(c -> {
                    double x = v.screenX((c.west() + c.east()) / 2);
                    double y = v.screenY((c.south() + c.north()) / 2);
                    return x > 400 && x < 1500 && y > 150 && y < 800;
                }).findFirst().orElseThrow();
                double x = v.screenX((cell.west() + cell.east()) / 2);
                double y = v.screenY((cell.south() + cell.north()) / 2);
                Color tinted = pixel(map, x, y);
                Screenshots.save(this, stage.getScene().getRoot(), "map-gaps");
                clickOn("#map-layer-gaps");
                Color plain = pixel(map, x, y);
                assertTrue(tinted.getRed() > plain.getRed() + 0.05, "the gap is tinted: " + tinted + " vs " + plain);
                clickOn("#map-layer-gaps");

                // Send the patrol cars and the community officers of three zones away to one incident.
                var incident = w.client().report(new CommandClient.IncidentDraft("CALL_110", "URGENT", 30.545, 119.96,
                        "人民路 1 号", "聚众斗殴", "", "")).get();
                List<String> away = w.state().units().values().stream().filter(UnitItem::isAvailable)
                        .filter(u -> u.kind().equals("PATROL_CAR") || u.kind().equals("COMMUNITY_OFFICER"))
                        .map(UnitItem::id).sorted().limit(6).toList();
                w.client().dispatch(new CommandClient.DispatchDraft(incident.id(), incident.version(), "RESPOND", away,
                        "全部到场", Map.of())).get();
                Waits.until("the gaps grow where they were", Duration.ofSeconds(30), () ->
                        gaps.coveredProperty().get() < before - 0.01);
                assertEquals("在岗警力 5 分钟可达 " + Math.round(gaps.coveredProperty().get() * 100) + "%",
                        lookup("#map-gaps-share").<Label>query().getText());
            } finally {
                Consoles.close(w);
            }
        }
    }

    private Color pixel(MapView map, double x, double y) {
        Canvas canvas = from(map).lookup("#map-canvas").query();
        Color[] c = new Color[1];
        interact(() -> {
            map.drawNow();
            c[0] = canvas.snapshot(null, null).getPixelReader().getColor((int) x, (int) y);
        });
        return c[0];
    }
}
