package commandroom.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.connection.CommandClient;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.embedded.DemoBaseMap;
import commandroom.app.model.IncidentItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The shift leader's incident map, driven as a leader drives it: the county (zones, roads, cameras,
 * units, incidents) fits the view; a drag
 * pans and locks the view, so units moving on the map do not move it; the wheel zooms about the
 * cursor; "back to following" returns to the county; a click on an incident shows it, and its
 * dispatch button dispatches the first unit offered; a right click takes in an incident at that
 * point, and on a unit shows the area it covers in 1, 3 and 5 minutes.
 */
class MapViewTest extends FxRobot {

    @Test
    void leaderPansZoomsPicksAnIncidentDispatchesAndReportsFromTheMap() throws Exception {
        java.nio.file.Path data = Files.createTempDirectory("map");
        try (EmbeddedDefault hub = EmbeddedDefault.start(data, 0, 1, null, false);
             var baseMap = DemoBaseMap.open(data)) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1", Files.createTempDirectory("layouts"),
                    baseMap);
            try {
                Stage stage = w.stages().get(0);
                interact(() -> {
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(1920);
                    stage.setHeight(1080);
                });
                Waits.until("the county known", Duration.ofSeconds(20), () -> !w.state().zones().isEmpty()
                        && !w.state().units().isEmpty() && !w.state().roads().isEmpty());
                assertEquals(13, w.state().roads().size(), "the demo county's roads, for the map");
                IncidentItem incident = w.client().report(new CommandClient.IncidentDraft("DISPUTE", "URGENT", 30.5452,
                        119.9585, "解放路 12 号", "邻里噪音纠纷", "", "")).get();
                // A unit on the road keeps the map's units moving while the view is locked.
                String unit = w.state().units().values().stream().filter(u -> u.isAvailable()).findFirst().orElseThrow().id();
                var other = w.client().report(new CommandClient.IncidentDraft("CALL_110", "NORMAL", 30.55, 119.975,
                        "城东路 3 号", "求助", "", "")).get();
                w.client().dispatch(new CommandClient.DispatchDraft(other.id(), other.version(), "RESPOND",
                        java.util.List.of(unit), "到场处置", Map.of())).get();

                clickOn("#tab-map");
                MapView map = from(stage.getScene().getRoot()).lookup(".incident-map").query();
                MapViewModel model = map.model();
                Waits.until("the map shows the county", Duration.ofSeconds(10), () -> model.followingProperty().get()
                        && model.viewportProperty().get().width() > 1000);
                MapViewport home = model.viewportProperty().get();
                assertTrue(home.zoom() >= 12 && home.zoom() <= 16, "the county fits: zoom " + home.zoom());

                Node canvas = lookup("#map-canvas").query();
                drag(canvas, MouseButton.PRIMARY).moveBy(-200, -120).drop();
                interact(commandroom.app.testing.MonocleDrags::forgetPlainDrag);
                MapViewport panned = model.viewportProperty().get();
                assertEquals(false, model.followingProperty().get(), "a drag locks the view");
                assertNotEquals(home.longitude(), panned.longitude());
                Waits.until("the follow button offered", Duration.ofSeconds(5), () -> lookup("#map-follow").query().isVisible());

                var moving = w.state().units().get(unit);
                Waits.until("the dispatched unit moves", Duration.ofSeconds(30), () -> {
                    var now = w.state().units().get(unit);
                    return now.latitude() != moving.latitude() || now.longitude() != moving.longitude();
                });
                assertEquals(panned, model.viewportProperty().get(), "live updates never move a locked view");

                double[] delta = {0};
                canvas.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> delta[0] += e.getDeltaY());
                moveTo(canvas);
                // The wheel turned away from the user (JavaFX: deltaY > 0) zooms in. TestFX's glass
                // robot sends its "DOWN" as that (its directions are the AWT robot's, inverted).
                scroll(3, javafx.geometry.VerticalDirection.DOWN);
                assertTrue(delta[0] > 0, "the wheel turned away from the user: " + delta[0]);
                assertTrue(model.viewportProperty().get().zoom() > panned.zoom(), "the wheel zooms in");

                clickOn("#map-follow");
                assertEquals(true, model.followingProperty().get());
                assertEquals(home.zoom(), model.viewportProperty().get().zoom(), 1e-9, "back to the whole county");

                // Pick the incident where the map draws it.
                MapViewport v = model.viewportProperty().get();
                Point2D at = canvas.localToScreen(v.screenX(incident.longitude()), v.screenY(incident.latitude()));
                clickOn(at);
                Waits.until("its card", Duration.ofSeconds(5), () -> lookup("#map-incident-card").query().isVisible());
                assertEquals(incident.id(), model.selectedProperty().get().id());
                Waits.until("who can reach it in 1, 3 and 5 minutes", Duration.ofSeconds(5), () ->
                        lookup("#map-incident-detail").queryLabeled().getText().contains("可达警力"));
                int[] reach = model.reachable(incident);
                assertTrue(reach[0] <= reach[1] && reach[1] <= reach[2] && reach[2] > 0,
                        "units within 1 ≤ 3 ≤ 5 minutes, some within 5: " + java.util.Arrays.toString(reach));
                Waits.until("the base map drawn", Duration.ofSeconds(20), () -> {
                    double[] seen = commandroom.app.testing.MapPixels.roadAgainstGround(this, map, w.state().roads().get("r-02"));
                    return seen[0] > seen[1] + 0.05;
                });
                interact(map::drawNow);
                Screenshots.save(this, stage.getScene().getRoot(), "map");

                clickOn("#map-dispatch");
                Waits.until("the dispatch dialog with its units, timed over the roads", Duration.ofSeconds(10),
                        () -> lookup("#dispatch-dialog").tryQuery().map(p -> from((Node) p).lookup(".list-cell").queryAll()
                                .stream().anyMatch(c -> c instanceof javafx.scene.control.Labeled l && l.getText() != null
                                        && l.getText().contains("分钟"))).orElse(false));
                clickOn(from(lookup("#dispatch-dialog").<Node>query()).lookup(".check-box").<Node>query());
                clickOn("#dispatch-send");
                Waits.until("a task for the picked incident", Duration.ofSeconds(15), () -> w.state().tasks().values()
                        .stream().anyMatch(t -> t.incidentId().equals(incident.id())));

                // Right click a point: take in an incident there.
                Point2D spot = canvas.localToScreen(700, 500);
                double[] ground = model.viewportProperty().get().ground(700, 500);
                clickOn(spot, MouseButton.SECONDARY);
                clickOn("在此接警…");
                Waits.until("the intake dialog", Duration.ofSeconds(5), () -> lookup("#report-dialog").tryQuery().isPresent());
                double lat = Double.parseDouble(lookup("#latitudeField").<TextField>query().getText());
                double lon = Double.parseDouble(lookup("#longitudeField").<TextField>query().getText());
                assertEquals(ground[0], lat, 1e-5, "the dialog starts at the clicked point");
                assertEquals(ground[1], lon, 1e-5);
                clickOn("#report-address").write("解放路 40 号");
                clickOn("#report-summary").write("地图上报的警情");
                clickOn("#report-send");
                Waits.until("the new incident at that point", Duration.ofSeconds(15), () -> w.state().incidents()
                        .values().stream().anyMatch(i -> i.address().equals("解放路 40 号")
                                && Math.abs(i.latitude() - ground[0]) < 1e-5));

                // Right click a unit: show what it reaches in 1, 3 and 5 minutes.
                MapViewport now = model.viewportProperty().get();
                var idle = w.state().units().values().stream().filter(u -> u.isAvailable()
                        && model.unitAt(now.screenX(u.longitude()), now.screenY(u.latitude())) != null
                        && now.screenX(u.longitude()) > 300 && now.screenX(u.longitude()) < 1500
                        && now.screenY(u.latitude()) > 150 && now.screenY(u.latitude()) < 800).findFirst().orElseThrow();
                double ux = now.screenX(idle.longitude());
                double uy = now.screenY(idle.latitude());
                var under = model.unitAt(ux, uy);
                clickOn(canvas.localToScreen(ux, uy), MouseButton.SECONDARY);
                clickOn("显示 " + under.name() + " 的 1-3-5 分钟覆盖");
                assertEquals(under.id(), model.coverageUnitProperty().get(), "the unit's coverage shows");
                Waits.until("and its travel times are there to draw", Duration.ofSeconds(10),
                        () -> model.coverage() != null && !model.coverage().rings().isEmpty());
            } finally {
                Consoles.close(w);
            }
        }
    }
}
