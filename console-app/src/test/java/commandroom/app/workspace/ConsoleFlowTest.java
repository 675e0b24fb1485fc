package commandroom.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.TaskItem;
import commandroom.app.model.TaskStage;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The console as people use it, on the real scene (headless) against the embedded hub whose field
 * units are simulated: the shift leader takes in an incident and dispatches it; the simulated unit
 * moves the card across the board; the chief returns the feedback, then approves it; the case file
 * shows every step.
 */
class ConsoleFlowTest extends FxRobot {

    private static EmbeddedDefault hub;
    private static Workstation leader;
    private static Workstation chief;
    private static Stage leaderStage;
    private static Stage chiefStage;

    @BeforeAll
    static void start() throws Exception {
        hub = EmbeddedDefault.start(Files.createTempDirectory("console-flow"), 0, 100, null, false);
        leader = Consoles.open(hub.port(), hub.certificate(), "leader1");
        chief = Consoles.open(hub.port(), hub.certificate(), "chief1");
        leaderStage = leader.stages().get(0);
        chiefStage = chief.stages().get(0);
        FxToolkit.setupFixture(() -> {
            leaderStage.setX(0);
            leaderStage.setY(0);
            leaderStage.setWidth(1920);
            leaderStage.setHeight(1080);
            chiefStage.setWidth(1600);
            chiefStage.setHeight(900);
        });
        Waits.until("both consoles live", Duration.ofSeconds(20), () ->
                leader.state().connectionProperty().get().isLive() && chief.state().connectionProperty().get().isLive()
                        && !leader.state().units().isEmpty());
    }

    @AfterAll
    static void stop() throws Exception {
        Consoles.close(leader);
        Consoles.close(chief);
        hub.close();
    }

    @Test
    void leaderDispatchesUnitWorksChiefReturnsThenApprovesAndTheCaseFileShowsEveryStep() throws Exception {
        Set<TaskStage> seen = java.util.Collections.synchronizedSet(EnumSet.noneOf(TaskStage.class));
        interact(() -> leader.state().tasks().addListener((MapChangeListener<String, TaskItem>) c -> {
            if (c.wasAdded()) {
                seen.add(c.getValueAdded().stage());
            }
        }));

        // The shift leader takes in an incident (接警登记); the demo county's standard addresses are
        // offered as the address is typed (imported by the embedded default in the background).
        interact(() -> leaderStage.toFront());
        clickOn("#action-report");
        clickOn("#report-address").write("人民路1");
        Waits.until("the demo's addresses offered", Duration.ofSeconds(20), () -> lookup("#report-address-suggestions")
                .tryQueryAs(javafx.scene.control.ListView.class).map(l -> !l.getItems().isEmpty()).orElse(false));
        type(javafx.scene.input.KeyCode.ESCAPE);
        doubleClickOn("#report-address").eraseText(5);
        clickOn("#report-address").write("城东路 88 号");
        clickOn("#report-summary").write("两车刮擦，双方争执");
        clickOn("#report-send");
        Waits.until("the incident on the board", Duration.ofSeconds(15),
                () -> newIncidents().getItems().stream().anyMatch(i -> i.address().equals("城东路 88 号")));
        var incident = newIncidents().getItems().stream().filter(i -> i.address().equals("城东路 88 号")).findFirst().orElseThrow();

        // ... and dispatches the nearest available unit.
        interact(() -> newIncidents().getSelectionModel().select(incident));
        clickOn("#action-dispatch");
        // The units come listed at once, then ranked by the hub's travel times, each with its minutes.
        Waits.until("the dispatch dialog with its units, timed over the roads", Duration.ofSeconds(10),
                () -> lookup("#dispatch-dialog").tryQuery().map(p -> from((Node) p).lookup(".list-cell").queryAll()
                        .stream().anyMatch(c -> c instanceof javafx.scene.control.Labeled l && l.getText() != null
                                && l.getText().contains("分钟"))).orElse(false));
        Node pane = lookup("#dispatch-dialog").query();
        Node firstUnit = from(pane).lookup(".check-box").query();
        clickOn(firstUnit);
        Screenshots.save(this, lookup("#dispatch-dialog").query(), "dispatch-dialog");
        clickOn("#dispatch-send");

        // The simulated unit signs for, travels, arrives, works and submits feedback: the card moves.
        // The stage set is filled by a listener on the FX thread, after the map already shows the
        // new value: wait for the set, not the map, or the check below races the listener.
        Waits.until("feedback submitted by the simulated unit", Duration.ofSeconds(60), () -> task(incident.id()) != null
                && task(incident.id()).stage() == TaskStage.FEEDBACK_SUBMITTED && seen.contains(TaskStage.FEEDBACK_SUBMITTED));
        TaskItem task = task(incident.id());
        assertTrue(seen.containsAll(EnumSet.of(TaskStage.DISPATCHED, TaskStage.SIGNED_FOR, TaskStage.ARRIVED,
                TaskStage.FEEDBACK_SUBMITTED)), "the card went through the columns: " + seen);
        Waits.until("the card in the review column", Duration.ofSeconds(5),
                () -> column("FEEDBACK_SUBMITTED").getItems().stream().anyMatch(t -> t.id().equals(task.id())));
        Screenshots.save(this, leaderStage.getScene().getRoot(), "board");

        // The chief returns it with a reason ...
        interact(() -> chiefStage.toFront());
        clickOn("#tab-review");
        Waits.until("the task in the review queue", Duration.ofSeconds(10),
                () -> reviewQueue().getItems().stream().anyMatch(t -> t.id().equals(task.id())));
        interact(() -> reviewQueue().getSelectionModel().select(
                reviewQueue().getItems().stream().filter(t -> t.id().equals(task.id())).findFirst().orElseThrow()));
        clickOn("#review-reason").write("请补充双方签字的协议照片");
        // The feedback carries its photos' descriptions; the panel fetches each (if the unit sent any).
        javafx.scene.layout.Pane reviewPhotos = from(chiefStage.getScene().getRoot()).lookup("#review-photos").query();
        Waits.until("the feedback's photos fetched", Duration.ofSeconds(15), () -> allShown(reviewPhotos));
        Screenshots.save(this, chiefStage.getScene().getRoot(), "review");
        clickOn("#review-return");
        Waits.until("feedback submitted again", Duration.ofSeconds(60),
                () -> task(incident.id()).returnedCount() == 1 && task(incident.id()).stage() == TaskStage.FEEDBACK_SUBMITTED
                        && reviewQueue().getItems().stream().anyMatch(t -> t.id().equals(task.id())));

        // ... and approves the second feedback with the keyboard.
        interact(() -> reviewQueue().getSelectionModel().select(
                reviewQueue().getItems().stream().filter(t -> t.id().equals(task.id())).findFirst().orElseThrow()));
        clickOn("#review-approve");
        Waits.until("the loop closed on the leader's board", Duration.ofSeconds(15),
                () -> column("CLOSED").getItems().stream().anyMatch(t -> t.id().equals(task.id())));

        // The leader opens the case file: every step, who and when.
        interact(() -> leaderStage.toFront());
        interact(() -> column("CLOSED").getSelectionModel().select(
                column("CLOSED").getItems().stream().filter(t -> t.id().equals(task.id())).findFirst().orElseThrow()));
        interact(() -> leader.openCaseFile());
        Waits.until("the case file's timeline", Duration.ofSeconds(10), () -> timeline() != null && timeline().getItems().size() >= 10);
        var lines = timeline().getItems();
        assertTrue(lines.get(0).contains("接警登记"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("退回反馈") && l.contains("请补充双方签字的协议照片")), lines.toString());
        assertTrue(lines.get(lines.size() - 1).contains("审核通过"), lines.get(lines.size() - 1));
        assertEquals(2, lines.stream().filter(l -> l.contains("提交反馈")).count());
        Waits.until("the case file's photos fetched", Duration.ofSeconds(15),
                () -> allShown(lookup("#case-photos").query()));
        Screenshots.save(this, lookup("#case-file").query(), "case-file");
    }

    /** True when every photo tile in the pane shows its picture (none loading, none failed). */
    private static boolean allShown(javafx.scene.layout.Pane photos) {
        return photos.getChildrenUnmodifiable().stream()
                .allMatch(n -> n instanceof commandroom.app.ui.PhotoTile t && t.image() != null);
    }

    private TaskItem task(String incidentId) {
        return leader.state().tasks().values().stream().filter(t -> t.incidentId().equals(incidentId)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private ListView<commandroom.app.model.IncidentItem> newIncidents() {
        return (ListView<commandroom.app.model.IncidentItem>) from(leaderStage.getScene().getRoot())
                .lookup("#column-NEW .list-view").query();
    }

    @SuppressWarnings("unchecked")
    private ListView<TaskItem> column(String stage) {
        return (ListView<TaskItem>) from(leaderStage.getScene().getRoot()).lookup("#column-" + stage + " .list-view").query();
    }

    @SuppressWarnings("unchecked")
    private ListView<TaskItem> reviewQueue() {
        return (ListView<TaskItem>) from(chiefStage.getScene().getRoot()).lookup("#review-queue").query();
    }

    @SuppressWarnings("unchecked")
    private ListView<String> timeline() {
        return (ListView<String>) lookup("#case-timeline").tryQuery().orElse(null);
    }
}
