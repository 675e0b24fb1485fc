package commandroom.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.sim.county.DemoCounty;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.GetIncidentRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReviewDecision;
import commandroom.v1.ReviewFeedbackRequest;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end on real sockets with TLS, over the demo county: people at consoles report, dispatch
 * and review; a simulated unit's terminal signs for, travels, arrives and submits feedback, and
 * resubmits when the chief returns it once.
 */
class SimulatedLoopTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void simulatedUnitClosesTheLoopWithAReturnOnTheWay(Backend backend) throws Exception {
        var county = DemoCounty.load();
        try (TestHub hub = TestHub.start(backend, c -> c.withSeed(county));
             HubClient duty = hub.login("duty1");
             HubClient leader = hub.login("leader1");
             HubClient chief = hub.login("chief1")) {
            SimConfig config = SimConfig.builder(county).speedFactor(200).photoProbability(1).lateProbability(0)
                    .runIncidentGenerator(false).runAutoDispatcher(false).runAutoReviewer(false).randomSeed(7).build();
            ByteArrayOutputStream loops = new ByteArrayOutputStream();
            try (SimBootstrap sim = SimBootstrap.start(config, duty.channel(), new PrintStream(loops, true, "UTF-8"))) {
                var unit = county.getUnitsList().stream().filter(u -> u.getId().equals("u-cd-co1")).findFirst()
                        .orElse(county.getUnits(0));
                long from = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getAsOfSequence() + 1;
                EventCollector console = new EventCollector();
                duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), console);
                var p = unit.getPosition();
                String incident = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                        .setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_HIGH)
                        .setPosition(TestCounty.pos(p.getLatitude() + 0.001, p.getLongitude() + 0.001))
                        .setAddress("测试地址").setSummary("邻里纠纷").build()).getIncident().getId();
                // Every terminal follows its instructions before the dispatch (one stream each, plus ours).
                Eventually.until("every terminal listening", Duration.ofSeconds(60),
                        () -> hub.hub().subscriberCount() >= county.getUnitsCount() + 1);
                String task = leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident)
                        .setKind(TaskKind.TASK_KIND_MEDIATE).addUnitIds(unit.getId()).setInstruction("到场调解")
                        .setIdempotencyKey("sim-e2e").build()).getTask().getId();

                Event first = console.await(e -> e.hasFeedbackSubmitted()
                        && e.getFeedbackSubmitted().getTaskId().equals(task), Duration.ofSeconds(60));
                assertTrue(first.getFeedbackSubmitted().getFeedback().getPhotosCount() > 0, "feedback carries a photo");
                var submitted = chief.command().reviewFeedback(ReviewFeedbackRequest.newBuilder().setTaskId(task)
                        .setDecision(ReviewDecision.REVIEW_DECISION_RETURN).setReason("请补充当事人签字").build()).getTask();
                assertEquals(TaskStatus.TASK_STATUS_IN_PROGRESS, submitted.getStatus());
                console.await(e -> e.hasFeedbackSubmitted() && e.getFeedbackSubmitted().getTaskId().equals(task)
                        && e.getSequence() > first.getSequence(), Duration.ofSeconds(60));
                chief.command().reviewFeedback(ReviewFeedbackRequest.newBuilder().setTaskId(task)
                        .setDecision(ReviewDecision.REVIEW_DECISION_APPROVE).build());

                var detail = duty.command().getIncident(GetIncidentRequest.newBuilder().setIncidentId(incident).build());
                List<String> steps = detail.getTasks(0).getTimelineList().stream()
                        .map(t -> t.getWhat() + "/" + t.getActor().getUserId()).toList();
                assertEquals(TaskStatus.TASK_STATUS_CLOSED, detail.getTasks(0).getStatus());
                String u = unit.getId();
                assertEquals(List.of("TaskDispatched/leader1", "TaskProgressed/" + u, "TaskProgressed/" + u,
                        "TaskProgressed/" + u, "TaskProgressed/" + u, "FeedbackSubmitted/" + u, "TaskReturned/chief1",
                        "FeedbackSubmitted/" + u, "TaskClosed/chief1"),
                        steps.stream().filter(s -> !s.startsWith("TaskOverdue")).toList());
            }
        }
    }
}
