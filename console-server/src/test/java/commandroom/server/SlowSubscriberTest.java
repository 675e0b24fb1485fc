package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.log.Subscription;
import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.Event;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.SubscribeRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * A console that stops reading is cut off with RESOURCE_EXHAUSTED and where to resume, while a
 * console that keeps up gets every event in order; the cut-off one resumes with no gap.
 */
class SlowSubscriberTest {

    @Test
    void stalledSubscriberIsCutOffAndOthersGetEverything() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withFanOut(64, Duration.ofSeconds(2)));
             HubClient duty = hub.login("duty1");
             HubClient slow = hub.login("duty2")) {
            long from = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getAsOfSequence() + 1;
            EventCollector fast = new EventCollector();
            duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), fast);
            // A blocking iterator asks for the next message only when read: not reading stalls it.
            Iterator<Event> stalled = commandroom.v1.CommandServiceGrpc.newBlockingStub(slow.channel())
                    .withCallCredentials(HubClient.bearer(slow.login().getAccessToken()))
                    .subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build());
            String big = "长".repeat(2000);
            long last = 0;
            for (int i = 0; i < 600; i++) {
                last = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                        .setType(IncidentType.INCIDENT_TYPE_OTHER).setPriority(Priority.PRIORITY_LOW)
                        .setPosition(TestCounty.pos(30.545, 119.965)).setAddress("城东路").setSummary(big).build())
                        .getSequence();
            }
            long head = last;
            fast.await(e -> e.getSequence() == head, Duration.ofSeconds(30));
            var got = fast.events();
            for (int i = 0; i < got.size(); i++) {
                assertEquals(from + i, got.get(i).getSequence(), "the reading console got every event in order");
            }

            Eventually.until("the stalled console cut off", Duration.ofSeconds(20), () -> hub.hub().subscriberCount() == 1);
            long expected = from;
            StatusRuntimeException cut = null;
            try {
                while (stalled.hasNext()) {
                    assertEquals(expected++, stalled.next().getSequence());
                }
            } catch (StatusRuntimeException e) {
                cut = e;
            }
            assertNotNull(cut, "the stalled console was cut off");
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, cut.getStatus().getCode());
            String resume = cut.getTrailers().get(Subscription.RESUME_FROM);
            assertEquals(Long.toString(expected), resume, "the trailer says where to resume");
            assertTrue(expected <= head, "it was cut before the end");

            EventCollector resumed = new EventCollector();
            slow.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(expected).build(), resumed);
            resumed.await(e -> e.getSequence() == head, Duration.ofSeconds(30));
            assertEquals(expected, resumed.events().get(0).getSequence(), "resumed with no gap and no duplicate");
        }
    }
}
