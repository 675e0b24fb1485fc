package commandroom.app.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.ListTasksRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The shift leader takes in the county's anti-fraud list as it arrives (a CSV saved by Excel in
 * GBK): a row naming a zone the station does not have is shown by its line and nothing can be
 * sent; corrected, the list goes in and every person is a dissuasion task for the zone's
 * community officer; the same list taken in again dispatches nothing twice.
 */
class FraudImportTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theLeaderTakesInTheListAndEachPersonBecomesADissuasionTask() throws Exception {
        Path list = Files.createTempDirectory("fraud").resolve("warnings-1203.csv");
        write(list, "城北警务区");
        try (TestHub hub = TestHub.start(Backend.H2); HubClient duty = hub.login("duty1")) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1", Files.createTempDirectory("layouts"));
            try {
                Node button = from(w.stages().get(0).getScene().getRoot()).lookup("#action-fraud").query();
                clickOn(button);
                clickOn("#fraud-file").write(list.toString());
                clickOn("#fraud-read");
                Waits.until("the problem shown", WAIT, () -> text("#fraud-problems").contains("城北警务区"));
                assertTrue(text("#fraud-problems").startsWith("第 4 行"), text("#fraud-problems"));
                assertTrue(lookup("#fraud-import").query().isDisabled(), "nothing is sent while a row is wrong");

                write(list, "城西警务区");
                clickOn("#fraud-read");
                Waits.until("the list read", WAIT, () -> text("#fraud-count").equals("共 3 人"));
                assertEquals("", text("#fraud-problems"));
                clickOn("#fraud-import");
                Waits.until("dispatched", WAIT, () -> text("#fraud-result").equals("已派发 3 条劝阻任务"));
                Screenshots.save(this, lookup("#fraud-dialog").query(), "fraud-import");

                List<Task> tasks = duty.command().listTasks(ListTasksRequest.getDefaultInstance()).getTasksList()
                        .stream().filter(t -> t.getKind() == TaskKind.TASK_KIND_DISSUADE).toList();
                assertEquals(3, tasks.size());
                assertEquals(List.of(List.of("u-cd-co1"), List.of("u-cd-co1"), List.of("u-cx-co1")),
                        tasks.stream().map(Task::getAssigneeUnitIdsList).sorted((a, b) -> a.get(0).compareTo(b.get(0))).toList(),
                        "the zone's community officer");

                clickOn("#fraud-read");
                clickOn("#fraud-import");
                Waits.until("taken in before", WAIT, () -> text("#fraud-result").startsWith("该名单已导入过"));
                assertEquals(3, duty.command().listTasks(ListTasksRequest.getDefaultInstance()).getTasksList()
                        .stream().filter(t -> t.getKind() == TaskKind.TASK_KIND_DISSUADE).count(), "nothing twice");
                press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            } finally {
                Consoles.close(w);
            }
        }
    }

    /** The list as Excel saves it on a Chinese Windows: GBK, CRLF. */
    private static void write(Path file, String thirdZone) throws Exception {
        String csv = "姓名,电话,地址,警务区,风险\r\n"
                + "张三,13800000001,城东路 1 号,城东警务区,冒充公检法\r\n"
                + "李四,13800000002,城东路 2 号,z-cd,刷单返利\r\n"
                + "王五,13800000003,城西路 3 号," + thirdZone + ",虚假投资理财\r\n";
        Files.write(file, csv.getBytes(Charset.forName("GB18030")));
    }

    private String text(String id) {
        return lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }
}
