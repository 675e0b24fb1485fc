package commandroom.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.board.CaseFileView;
import commandroom.app.model.PhotoRef;
import commandroom.app.model.TaskItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Waits;
import commandroom.app.ui.PhotoTile;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.sim.terminal.PhotoMaker;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.Progress;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.ResultCode;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.TaskKind;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Feedback photos as the hub now sends them, descriptions only: the chief's review panel and the
 * case file fetch each photo by task and hash and show it; one that cannot be fetched says so in
 * words; one still on its way shows its size.
 */
class FeedbackPhotosTest extends FxRobot {

    @Test
    void reviewAndCaseFileFetchThePhotosTheHubDescribes() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient duty = hub.login("duty1");
             HubClient leader = hub.login("leader1"); HubClient unit = hub.login("u-cd-co1")) {
            Workstation chief = Consoles.open(hub.port(), hub.certificate(), "chief1");
            try {
                Stage stage = chief.stages().get(0);
                interact(() -> {
                    stage.setWidth(1600);
                    stage.setHeight(900);
                });
                Waits.until("live", Duration.ofSeconds(20), () -> chief.state().connectionProperty().get().isLive());
                String taskId = feedbackWithTwoPhotos(duty, leader, unit);

                Waits.until("the feedback with its photos' descriptions", Duration.ofSeconds(15), () -> {
                    TaskItem t = chief.state().tasks().get(taskId);
                    return t != null && t.feedbackPhotos().size() == 2;
                });
                TaskItem task = chief.state().tasks().get(taskId);
                for (PhotoRef p : task.feedbackPhotos()) {
                    assertEquals(64, p.sha256().length(), p.toString());
                    assertTrue(p.size() > 0, "the hub says the size: " + p);
                }

                clickOn("#tab-review");
                ListView<TaskItem> queue = reviewQueue();
                Waits.until("the task in the queue", Duration.ofSeconds(10),
                        () -> queue.getItems().stream().anyMatch(t -> t.id().equals(taskId)));
                interact(() -> queue.getSelectionModel().select(
                        queue.getItems().stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow()));
                Pane reviewPhotos = lookup("#review-photos").query();
                waitForPhotos("in the review", reviewPhotos);

                // The case file fetches them too (from the client's cache, by now).
                CaseFileView[] file = new CaseFileView[1];
                interact(() -> {
                    file[0] = new CaseFileView(chief.client(), task.incidentId(), stage, null);
                    file[0].show();
                });
                try {
                    Waits.until("the case file's photos", Duration.ofSeconds(15), () -> lookup("#case-photos")
                            .tryQuery().map(n -> !((Pane) n).getChildren().isEmpty()).orElse(false));
                    waitForPhotos("in the case file", lookup("#case-photos").query());
                } finally {
                    interact(() -> file[0].dialog().close());
                }

                // A photo the hub does not have for this task is said in words; one on its way shows its size.
                PhotoRef unknown = new PhotoRef("gone.png", "image/png", "00".repeat(32), 1_572_864);
                PhotoTile[] tiles = new PhotoTile[2];
                interact(() -> {
                    tiles[0] = new PhotoTile(unknown, 200, 150, chief.client().photo(taskId, unknown));
                    tiles[1] = new PhotoTile(unknown, 200, 150, new CompletableFuture<>());
                });
                Waits.until("the failure in words", Duration.ofSeconds(15), () -> tiles[0].text().startsWith("照片无法显示"));
                assertNull(tiles[0].image());
                assertEquals("照片（1.5 MB）加载中…", tiles[1].text());
                assertNull(tiles[1].image());
            } finally {
                Consoles.close(chief);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private ListView<TaskItem> reviewQueue() {
        return (ListView<TaskItem>) lookup("#review-queue").query();
    }

    /** Waits for both photos of the pane to show their pictures; says what the tiles say if they do not. */
    private static void waitForPhotos(String where, Pane photos) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (loaded(photos) < 2 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(2, loaded(photos), "both photos shown " + where + "; the tiles say: " + photos.getChildrenUnmodifiable()
                .stream().map(n -> n instanceof PhotoTile t ? t.text() : n.toString()).toList());
    }

    /** How many of a pane's photo tiles show their picture. */
    private static int loaded(Pane photos) {
        int n = 0;
        for (Node child : photos.getChildrenUnmodifiable()) {
            if (child instanceof PhotoTile tile && tile.image() != null) {
                n++;
            }
        }
        return n;
    }

    /** Duty reports, the leader dispatches to a community officer, who works it and answers with two photos. */
    private static String feedbackWithTwoPhotos(HubClient duty, HubClient leader, HubClient unit) {
        var incident = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                .setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_HIGH)
                .setPosition(Position.newBuilder().setLatitude(30.5452).setLongitude(119.9655))
                .setAddress("城东路 12 号").setSummary("邻里噪音纠纷").setIdempotencyKey("photos-report").build())
                .getIncident();
        var task = leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident.getId())
                .setExpectedIncidentVersion(incident.getVersion()).setKind(TaskKind.TASK_KIND_MEDIATE)
                .addUnitIds("u-cd-co1").setInstruction("到场调解").setIdempotencyKey("photos-dispatch").build()).getTask();
        for (Progress p : List.of(Progress.PROGRESS_DELIVERED, Progress.PROGRESS_SIGNED_FOR, Progress.PROGRESS_ARRIVED,
                Progress.PROGRESS_IN_PROGRESS)) {
            unit.field().reportProgress(ReportProgressRequest.newBuilder().setTaskId(task.getId()).setProgress(p)
                    .setIdempotencyKey("photos-p-" + p.getNumber()).build());
        }
        Random random = new Random(18);
        unit.field().submitFeedback(SubmitFeedbackRequest.newBuilder().setTaskId(task.getId())
                .setResultCode(ResultCode.RESULT_CODE_MEDIATED).setText("双方达成和解协议")
                .addPhotos(PhotoMaker.make("scene-1.png", random)).addPhotos(PhotoMaker.make("scene-2.png", random))
                .setIdempotencyKey("photos-feedback").build());
        return task.getId();
    }
}
