package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.GetIncidentRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentDetail;
import commandroom.v1.IncidentStatus;
import commandroom.v1.IncidentType;
import commandroom.v1.InstructionsRequest;
import commandroom.v1.Photo;
import commandroom.v1.Priority;
import commandroom.v1.Progress;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.Reporter;
import commandroom.v1.ResultCode;
import commandroom.v1.ReviewDecision;
import commandroom.v1.ReviewFeedbackRequest;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStatus;
import commandroom.v1.TimelineEntry;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole loop on real sockets with TLS, on H2 and on PostgreSQL: report, dispatch, the unit's
 * steps, feedback returned once then approved; every console sees the same ordered events and the
 * incident's timeline names who did each step.
 */
class ClosedLoopTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @ParameterizedTest
    @EnumSource(Backend.class)
    void loopClosesAndEveryConsoleSeesTheSameOrderedEvents(Backend backend) throws Exception {
        try (TestHub hub = TestHub.start(backend);
             HubClient duty = hub.login("duty1");
             HubClient duty2 = hub.login("duty2");
             HubClient leader = hub.login("leader1");
             HubClient chief = hub.login("chief1");
             HubClient unit = hub.login("u-cd-co1")) {
            long from = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getAsOfSequence() + 1;
            EventCollector console1 = new EventCollector();
            EventCollector console2 = new EventCollector();
            EventCollector terminal = new EventCollector();
            duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), console1);
            duty2.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), console2);
            unit.fieldAsync().instructions(InstructionsRequest.newBuilder().setFromSequence(from).build(), terminal);

            var incident = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_HIGH)
                    .setPosition(TestCounty.pos(30.5452, 119.9655)).setAddress("城东路 12 号")
                    .setReporter(Reporter.newBuilder().setName("刘女士").setPhone("13800000000"))
                    .setSummary("邻里噪音纠纷").setIdempotencyKey("report-1").build()).getIncident();
            assertEquals("z-cd", incident.getZoneId(), "zone found from the position");

            Task task = leader.command().dispatchTask(DispatchTaskRequest.newBuilder()
                    .setIncidentId(incident.getId()).setExpectedIncidentVersion(incident.getVersion())
                    .setKind(TaskKind.TASK_KIND_MEDIATE).addUnitIds("u-cd-co1").setInstruction("到场调解")
                    .setIdempotencyKey("dispatch-1").build()).getTask();
            assertEquals(TaskStatus.TASK_STATUS_DISPATCHED, task.getStatus());

            terminal.await(e -> e.hasTaskDispatched() && e.getTaskDispatched().getTask().getId().equals(task.getId()), WAIT);
            for (Progress p : new Progress[] {Progress.PROGRESS_DELIVERED, Progress.PROGRESS_SIGNED_FOR,
                    Progress.PROGRESS_ARRIVED, Progress.PROGRESS_IN_PROGRESS}) {
                unit.field().reportProgress(ReportProgressRequest.newBuilder().setTaskId(task.getId())
                        .setProgress(p).setIdempotencyKey("p-" + p.getNumber()).build());
            }
            Task submitted = unit.field().submitFeedback(feedback(task.getId(), "f-1")).getTask();
            assertEquals(TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED, submitted.getStatus());

            Task returned = chief.command().reviewFeedback(ReviewFeedbackRequest.newBuilder().setTaskId(task.getId())
                    .setExpectedVersion(submitted.getVersion()).setDecision(ReviewDecision.REVIEW_DECISION_RETURN)
                    .setReason("缺少双方签字的协议照片").build()).getTask();
            assertEquals(TaskStatus.TASK_STATUS_IN_PROGRESS, returned.getStatus());
            assertEquals(1, returned.getReturnedCount());
            terminal.await(Event::hasTaskReturned, WAIT);

            Task again = unit.field().submitFeedback(feedback(task.getId(), "f-2")).getTask();
            Task closed = chief.command().reviewFeedback(ReviewFeedbackRequest.newBuilder().setTaskId(task.getId())
                    .setExpectedVersion(again.getVersion()).setDecision(ReviewDecision.REVIEW_DECISION_APPROVE)
                    .build()).getTask();
            assertEquals(TaskStatus.TASK_STATUS_CLOSED, closed.getStatus());

            Event closedEvent = console1.await(Event::hasTaskClosed, WAIT);
            console2.await(Event::hasTaskClosed, WAIT);
            List<Event> seen1 = upTo(console1.events(), closedEvent.getSequence());
            List<Event> seen2 = upTo(console2.events(), closedEvent.getSequence());
            assertEquals(seen1, seen2, "both consoles saw the same events in the same order");
            for (int i = 0; i < seen1.size(); i++) {
                assertEquals(from + i, seen1.get(i).getSequence(), "no gap, no duplicate");
            }
            assertEquals(List.of("INCIDENT_REPORTED", "TASK_DISPATCHED", "TASK_PROGRESSED", "TASK_PROGRESSED",
                    "TASK_PROGRESSED", "TASK_PROGRESSED", "FEEDBACK_SUBMITTED", "TASK_RETURNED",
                    "FEEDBACK_SUBMITTED", "TASK_CLOSED"), seen1.stream().map(e -> e.getKindCase().name()).toList());

            IncidentDetail detail = duty.command().getIncident(
                    GetIncidentRequest.newBuilder().setIncidentId(incident.getId()).build());
            assertEquals(IncidentStatus.INCIDENT_STATUS_RESOLVED, detail.getIncident().getStatus());
            List<TimelineEntry> timeline = detail.getIncident().getTimelineList();
            assertEquals(List.of("duty1", "leader1", "u-cd-co1", "u-cd-co1", "u-cd-co1", "u-cd-co1", "u-cd-co1",
                    "chief1", "u-cd-co1", "chief1"), timeline.stream().map(t -> t.getActor().getUserId()).toList());
            for (int i = 1; i < timeline.size(); i++) {
                assertTrue(timeline.get(i).getTime().getSeconds() >= timeline.get(i - 1).getTime().getSeconds());
                assertTrue(timeline.get(i).getSequence() > timeline.get(i - 1).getSequence());
            }
            assertEquals("缺少双方签字的协议照片", timeline.get(7).getNote());
        }
    }

    static SubmitFeedbackRequest feedback(String taskId, String key) throws Exception {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        return SubmitFeedbackRequest.newBuilder().setTaskId(taskId).setResultCode(ResultCode.RESULT_CODE_MEDIATED)
                .setText("双方达成和解协议").setIdempotencyKey(key)
                .addPhotos(Photo.newBuilder().setName("agreement.png").setContentType("image/png")
                        .setData(ByteString.copyFrom(png))
                        .setSha256(ByteString.copyFrom(MessageDigest.getInstance("SHA-256").digest(png))))
                .build();
    }

    private static List<Event> upTo(List<Event> events, long sequence) {
        return events.stream().filter(e -> e.getSequence() <= sequence).toList();
    }
}
