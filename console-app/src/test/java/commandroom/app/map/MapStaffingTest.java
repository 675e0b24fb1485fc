package commandroom.app.map;

import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.SetUnitDutyRequest;
import commandroom.v1.UnitDuty;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The shift leader reads each zone's staffing against its rule (网格 + 警格) on the map: the test
 * county's west zone has no auxiliary officer at all and says so under its name; when the east
 * zone's community officer goes off duty (on another console), the east zone says it lacks him.
 */
class MapStaffingTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theMapSaysWhatEachZoneLacksOfItsRule() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient chief = hub.login("chief1")) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1", Files.createTempDirectory("layouts"));
            try {
                Stage stage = w.stages().get(0);
                interact(() -> {
                    stage.setWidth(1600);
                    stage.setHeight(900);
                });
                clickOn("#tab-map");
                MapView map = from(stage.getScene().getRoot()).lookup(".incident-map").query();
                Waits.until("the west zone short of an auxiliary officer", WAIT,
                        () -> labels(map).contains("缺 辅警 1"), () -> labels(map).toString());
                assertTrue(labels(map).stream().noneMatch(l -> l.startsWith("缺 社区民警")), labels(map).toString());

                chief.registry().setUnitDuty(SetUnitDutyRequest.newBuilder().setUnitId("u-cd-co1")
                        .setDuty(UnitDuty.UNIT_DUTY_OFF_DUTY).setReason("轮休").build());
                Waits.until("the east zone short of its community officer", WAIT,
                        () -> labels(map).contains("缺 社区民警 1"), () -> labels(map).toString());
                Screenshots.save(this, map, "map-staffing");
            } finally {
                Consoles.close(w);
            }
        }
    }

    private List<String> labels(MapView map) {
        List<String>[] out = new List[1];
        interact(() -> out[0] = map.labelsDrawn());
        return out[0];
    }
}
