package commandroom.app.workspace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.connection.CommandClient;
import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.TaskStage;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A busy shift on the board, as the README shows it: ten incidents, eight dispatched, the
 * simulated units working through them with their clocks counting down. Checks that the board
 * shows the open tasks and the two incidents still waiting for a unit.
 */
class BoardShowcaseTest extends FxRobot {

    @Test
    void busyBoardShowsOpenTasksAndTheIncidentsWaitingForAUnit() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("showcase"), 0, 2, null, false);
             HubSession duty = HubSession.open("127.0.0.1", hub.port(), hub.certificate(), "duty1",
                     EmbeddedDefault.demoPassword());
             HubSession lead = HubSession.open("127.0.0.1", hub.port(), hub.certificate(), "leader1",
                     EmbeddedDefault.demoPassword())) {
            Workstation[] w = {Consoles.open(hub.port(), hub.certificate(), "leader1")};
            Stage[] stage = {w[0].stages().get(0)};
            interact(() -> {
                stage[0].setX(0);
                stage[0].setY(0);
                stage[0].setWidth(1920);
                stage[0].setHeight(1080);
            });
            try {
                Waits.until("live", Duration.ofSeconds(20), () -> !w[0].state().units().isEmpty());
                CommandClient intake = new CommandClient(duty, Executors.newSingleThreadExecutor());
                CommandClient leader = new CommandClient(lead, Executors.newSingleThreadExecutor());
                String[][] calls = {
                    {"CALL_110", "URGENT", "人民路与解放街口", "两车追尾，一人受伤"},
                    {"DISPUTE", "HIGH", "清溪花园 3 幢", "邻里噪音纠纷，双方争吵"},
                    {"CALL_110", "HIGH", "城东菜市场", "摊位占道引发争执"},
                    {"PATROL_FINDING", "NORMAL", "滨河公园东门", "路灯损坏，夜间存在隐患"},
                    {"KEY_PERSON_ALERT", "HIGH", "汽车站候车厅", "重点人员出现在车站"},
                    {"DISPUTE", "NORMAL", "幸福里小区", "物业费纠纷"},
                    {"CALL_110", "URGENT", "实验小学门口", "学生走失，家长求助"},
                    {"INFO_COLLECTION", "LOW", "城西新村 12 号", "新入住人员信息采集"},
                    {"CALL_110", "NORMAL", "商业街 45 号", "店铺被盗"},
                    {"DISPUTE", "HIGH", "城北工地", "工资纠纷，工人聚集"},
                };
                int i = 0;
                for (String[] c : calls) {
                    IncidentItem incident = intake.report(new CommandClient.IncidentDraft(c[0], c[1],
                            30.545 + 0.004 * Math.sin(i), 119.96 + 0.006 * Math.cos(i), c[2], c[3], "", "")).get();
                    if (i < 8) {
                        var units = w[0].state().units().values().stream()
                                .filter(u -> u.isAvailable() && !u.kind().equals("DRONE")).skip(i * 3L).findFirst().orElseThrow();
                        // Some sign-for clocks are set by hand (one minute), as a leader would.
                        int signFor = i % 3 == 0 ? 1 : 0;
                        leader.dispatch(new CommandClient.DispatchDraft(incident.id(), incident.version(),
                                c[0].equals("DISPUTE") ? "MEDIATE" : "RESPOND", List.of(units.id()), "请立即前往处置",
                                Map.of("SIGN_FOR", signFor))).get();
                    }
                    i++;
                }
                Waits.until("every task on the board", Duration.ofSeconds(20),
                        () -> w[0].state().tasks().size() == 8);
                Waits.until("every unit signed for its task", Duration.ofSeconds(60), () -> w[0].state().tasks().values()
                        .stream().noneMatch(t -> t.stage() == TaskStage.DISPATCHED || t.stage() == TaskStage.DELIVERED));
                long onBoard = w[0].state().tasks().values().stream().filter(t -> t.stage().isOpen()).count();
                assertTrue(onBoard >= 1, "open tasks on the board");
                Screenshots.save(this, stage[0].getScene().getRoot(), "board-busy");
                assertTrue(w[0].state().incidents().values().stream().filter(x -> "OPEN".equals(x.status())).count() == 2,
                        "the two incidents not dispatched wait in the new column");
                assertTrue(w[0].state().tasks().values().stream().noneMatch(t -> t.stage() == TaskStage.CANCELLED));
            } finally {
                Consoles.close(w[0]);
            }
        }
    }
}
