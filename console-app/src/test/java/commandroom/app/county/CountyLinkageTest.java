package commandroom.app.county;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.model.IncidentItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.LinkedHubs;
import commandroom.server.testing.TestCounty;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Station and county, as their leaders see it: the station's leader hands an incident up from its
 * case file; the county's leader sees the station on the county board with its open work and the
 * incident, and gives an instruction; it comes down to the station's console (an alert, and the
 * case file), and the county board shows it taken in.
 */
class CountyLinkageTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anIncidentGoesUpToTheCountyAndItsInstructionComesBackDown() throws Exception {
        try (LinkedHubs hubs = LinkedHubs.prepare(List.of("cd")).startAll();
             HubClient duty = hubs.station(0).login("duty1")) {
            String incidentId = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_URGENT)
                    .setPosition(TestCounty.pos(30.545, 119.965)).setAddress("城东路与解放路口")
                    .setSummary("多人持械斗殴，现场约二十人").build()).getIncident().getId();

            Workstation stationLeader = Consoles.open(hubs.station(0).port(), hubs.certificate(), "leader1");
            Workstation countyLeader = null;
            try {
                Stage stationStage = stationLeader.stages().get(stationLeader.stages().size() - 1);
                Waits.until("the incident on the station's board", WAIT,
                        () -> stationLeader.state().incidents().containsKey(incidentId));
                long versionBefore = stationLeader.state().incidents().get(incidentId).version();
                ListView<IncidentItem> fresh = from(stationStage.getScene().getRoot()).lookup("#column-NEW")
                        .lookup(".list-view").query();
                interact(() -> {
                    stationStage.toFront();
                    fresh.getSelectionModel().select(stationLeader.state().incidents().get(incidentId));
                    stationLeader.openCaseFile();
                });
                clickOn("#case-hand-up");
                clickOn("#hand-up-note").write("涉及多人持械，请求县局巡特警支援");
                type(KeyCode.ENTER);
                Waits.until("the case file says it went up", WAIT, () -> lookup(".case-handed-up").tryQuery().isPresent());
                closeCaseFile();

                countyLeader = Consoles.open(hubs.county().port(), hubs.certificate(), "leader1");
                Stage countyStage = countyLeader.stages().get(countyLeader.stages().size() - 1);
                interact(countyStage::toFront);
                clickOn("#tab-county");
                Waits.until("the station and its hand-up on the county board", WAIT,
                        () -> lookup("#station-cd").tryQuery().isPresent()
                                && lookup("#handed-up-cd-" + incidentId).tryQuery().isPresent());
                Node card = lookup("#handed-up-cd-" + incidentId).query();
                TextField instruction = from(card).lookup(".instruction-text").queryAs(TextField.class);
                clickOn(instruction).write("县局巡特警两组十分钟内到达，所里先控制现场、疏散群众");
                Waits.until("the instruction typed", WAIT, () -> instruction.getText().startsWith("县局巡特警两组"));
                clickOn(from(card).lookup(".instruct-button").queryAs(Node.class));
                Waits.until("the instruction sent", WAIT, () -> instruction.getText().isEmpty());
                Waits.until("the county sees its instruction taken in", WAIT, () -> from(lookup("#handed-up-cd-"
                        + incidentId).queryAs(Node.class)).lookup(".instruction-line").queryAll().stream()
                        .anyMatch(n -> ((Label) n).getText().contains("已接收")));
                Label figures = from(lookup("#station-cd").queryAs(Node.class)).lookup(".stat-value").query();
                assertEquals("1", figures.getText(), "one open incident at the station");
                Screenshots.save(this, countyStage.getScene().getRoot(), "county-board");

                // Down at the station: the incident moved on (a later change must name the new version) ...
                Waits.until("the station's console took the instruction in", WAIT,
                        () -> stationLeader.state().incidents().get(incidentId).version() == versionBefore + 2);
                // ... and its case file shows the county's instruction.
                interact(() -> {
                    stationStage.toFront();
                    stationLeader.openCaseFile();
                });
                Waits.until("the instruction in the case file", WAIT, () -> lookup(".case-county-instruction")
                        .tryQuery().map(n -> ((Label) n).getText().contains("县局巡特警两组")).orElse(false));
                assertTrue(lookup("#case-hand-up").tryQuery().isEmpty(), "handed up once: no second button");
                Screenshots.save(this, lookup("#case-file").query(), "case-file-county");
                closeCaseFile();
            } finally {
                Consoles.close(stationLeader);
                Consoles.close(countyLeader);
            }
        }
    }

    private void closeCaseFile() {
        interact(() -> lookup("#case-file").query().getScene().getWindow().hide());
    }
}
