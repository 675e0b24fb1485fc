package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.CameraItem;
import commandroom.app.model.UnitItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.HubClient;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.TaskKind;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Cameras that units wear or carry, in the embedded default: the drone's camera is under the drone
 * in the camera tree and where the drone is; sent to an incident, its picture goes to the wall on
 * its own (the simulator streams it, its call sign burnt in) and it moves with the drone.
 */
class WornCamerasTest extends FxRobot {

    @Test
    void aDispatchedDronesCameraGoesToTheWallAndMovesWithIt() throws Exception {
        try (EmbeddedDefault demo = EmbeddedDefault.start(Files.createTempDirectory("worn"), 0, 10, null, false);
             HubClient leader = HubClient.login("127.0.0.1", demo.port(), demo.certificate(), "leader1",
                     EmbeddedDefault.demoPassword())) {
            demo.startCameraStreams(0, 352, 288, true);
            Workstation w = Consoles.openWall(this, demo.port(), demo.certificate(), Files.createTempDirectory("worn-layouts"),
                    1600, 900);
            try {
                Stage stage = w.stages().get(0);
                clickOn("#camera-search").write("无人机");
                Waits.until("the drone's camera under the drone in the tree", Duration.ofSeconds(20),
                        () -> lookup("#unit-u-drone1").tryQuery().isPresent() && lookup("#camera-c-061").tryQuery().isPresent());
                CameraItem camera = w.state().cameras().get("c-061");
                UnitItem drone = w.state().units().get("u-drone1");
                assertEquals(drone.latitude(), camera.latitude(), 1e-9, "the camera is where the drone is");
                assertEquals(drone.longitude(), camera.longitude(), 1e-9);

                Position place = Position.newBuilder().setLatitude(drone.latitude() + 0.008)
                        .setLongitude(drone.longitude() + 0.004).build();
                Incident incident = leader.command().reportIncident(ReportIncidentRequest.newBuilder()
                        .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_URGENT)
                        .setPosition(place).setAddress("锦城广场东侧").setSummary("人员聚集，需空中查看")
                        .setIdempotencyKey(UUID.randomUUID().toString()).build()).getIncident();
                // The new incident puts the cameras that see it on the wall first; the drone's order replaces them.
                leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident.getId())
                        .setExpectedIncidentVersion(incident.getVersion()).setKind(TaskKind.TASK_KIND_RESPOND)
                        .addUnitIds("u-drone1").setInstruction("起飞，空中查看广场人员情况")
                        .setIdempotencyKey(UUID.randomUUID().toString()).build());
                WallPanel panel = Consoles.wallOf(this, w);
                List<VideoTile> tiles = panel.wall().tiles();
                Waits.until("the drone's camera on the first tile, the alarm bar saying why", Duration.ofSeconds(20),
                        () -> tiles.get(0).camera() != null && tiles.get(0).camera().id().equals("c-061")
                                && lookup("#alarm-text").queryLabeled().getText().startsWith("无人机出动")
                                && lookup("#alarm-text").queryLabeled().getText().contains("锦城广场东侧"));
                Waits.until("the drone's picture live", Duration.ofSeconds(40),
                        () -> tiles.get(0).status() == TileHealth.Status.LIVE);
                // The drone's terminal reports it on its way: the camera goes with it.
                try (HubClient terminal = HubClient.login("127.0.0.1", demo.port(), demo.certificate(), "u-drone1",
                        EmbeddedDefault.demoPassword())) {
                    Position above = Position.newBuilder().setLatitude(drone.latitude() + 0.004)
                            .setLongitude(drone.longitude() + 0.002).build();
                    terminal.field().reportPosition(commandroom.v1.ReportPositionRequest.newBuilder().setPosition(above)
                            .setHeadingDegrees(25).setSpeedMps(12).build());
                    // The simulated drone reports too (and the hub logs one report a second per unit),
                    // so the camera may follow either report: it has left the drone's start and stands
                    // where the drone now is.
                    Waits.until("the camera moves with the drone", Duration.ofSeconds(10), () -> {
                        CameraItem c = w.state().cameras().get("c-061");
                        UnitItem u = w.state().units().get("u-drone1");
                        return Math.abs(c.latitude() - drone.latitude()) > 1e-6
                                && Math.abs(c.latitude() - u.latitude()) < 1e-9
                                && Math.abs(c.longitude() - u.longitude()) < 1e-9;
                    });
                }
                Waits.until("the tile says it is live", Duration.ofSeconds(5), () -> from(tiles.get(0))
                        .lookup(".tile-state").queryLabeled().getText().startsWith("实时"));
                Screenshots.save(this, stage.getScene().getRoot(), "wall-drone-out");
            } finally {
                Consoles.close(w);
            }
        }
    }
}
