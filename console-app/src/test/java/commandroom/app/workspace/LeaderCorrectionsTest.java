package commandroom.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import commandroom.app.connection.CommandClient;
import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.TaskItem;
import commandroom.app.model.TaskStage;
import commandroom.app.model.UnitItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Waits;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The shift leader's corrections, driven as a leader would: push one instruction to a whole zone,
 * cancel a task with a reason, reassign a task to another unit.
 */
class LeaderCorrectionsTest extends FxRobot {

    @Test
    void wholeZoneInstructionCancelAndReassign() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("corrections"), 0, 0.2, null, false)) {
            Workstation[] w = {Consoles.open(hub.port(), hub.certificate(), "leader1")};
            Stage[] stage = {w[0].stages().get(0)};
            interact(() -> {
                stage[0].setX(0);
                stage[0].setY(0);
                stage[0].setWidth(1920);
                stage[0].setHeight(1080);
            });
            try {
                console = w[0];
                Waits.until("live", Duration.ofSeconds(20), () -> !w[0].state().zones().isEmpty());

                // 全区下达: one instruction to every unit of a zone.
                clickOn("#action-broadcast");
                ComboBox<?> zones = lookup("#broadcast-zone").query();
                interact(() -> zones.getSelectionModel().select(0));
                String zoneId = ((commandroom.app.model.ZoneItem) zones.getValue()).id();
                clickOn("#broadcast-text").write("今晚加强重点部位巡逻");
                clickOn("#broadcast-send");
                List<String> members = w[0].state().units().values().stream().filter(u -> u.zoneId().equals(zoneId))
                        .map(UnitItem::id).sorted().toList();
                Waits.until("one task to the whole zone", Duration.ofSeconds(15), () -> w[0].state().tasks().values()
                        .stream().anyMatch(t -> t.instruction().equals("今晚加强重点部位巡逻")));
                TaskItem zoneTask = find("今晚加强重点部位巡逻");
                assertEquals(members, zoneTask.assignees().stream().sorted().toList(), "every unit of the zone");

                // Cancel it with a reason.
                select(zoneTask);
                clickOn("#action-cancel");
                clickOn("#cancel-reason").write("改由巡逻车统一执行");
                clickOn("#cancel-dialog-send");
                Waits.until("cancelled", Duration.ofSeconds(15), () -> find("今晚加强重点部位巡逻").stage() == TaskStage.CANCELLED);

                // Reassign another task to the first unit offered.
                CommandClient client = new CommandClient(HubSession.open("127.0.0.1", hub.port(), hub.certificate(),
                        "leader1", EmbeddedDefault.demoPassword()), Executors.newSingleThreadExecutor());
                var incident = client.report(new CommandClient.IncidentDraft("CALL_110", "NORMAL", 30.545, 119.96,
                        "城西路 9 号", "噪音扰民", "", "")).get();
                String unit = w[0].state().units().values().stream().filter(UnitItem::isAvailable).findFirst().orElseThrow().id();
                client.dispatch(new CommandClient.DispatchDraft(incident.id(), incident.version(), "RESPOND",
                        List.of(unit), "核实处置", Map.of())).get();
                Waits.until("dispatched", Duration.ofSeconds(15), () -> find("核实处置") != null);
                select(find("核实处置"));
                clickOn("#action-reassign");
                Node pane = lookup("#reassign-dialog").query();
                clickOn(from(pane).lookup(".check-box").<Node>query());
                clickOn("#reassign-reason").write("原单元在处置其他警情");
                clickOn("#reassign-dialog-send");
                Waits.until("reassigned", Duration.ofSeconds(15), () -> !find("核实处置").assignees().contains(unit));
                assertNotEquals(List.of(unit), find("核实处置").assignees());
            } finally {
                Consoles.close(w[0]);
            }
        }
    }

    private Workstation console;

    private TaskItem find(String instruction) {
        return console.state().tasks().values().stream().filter(t -> t.instruction().equals(instruction))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private void select(TaskItem t) {
        ListView<TaskItem> list = (ListView<TaskItem>) lookup("#column-" + t.stage().name() + " .list-view").query();
        interact(() -> list.getSelectionModel().select(t));
    }
}
