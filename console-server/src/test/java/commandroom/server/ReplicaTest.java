package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import commandroom.server.log.ChainVerifier;
import commandroom.server.store.Database;
import commandroom.server.store.EventStore;
import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.server.tls.SelfSignedCertificate;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.LogoutRequest;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.TaskKind;
import commandroom.v1.UpdateIncidentRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two hub replicas on one PostgreSQL: writes made through either reach the subscribers of both,
 * the log keeps one gap-free, verifiable sequence, each replica decides on what the other wrote
 * (stale versions, idempotency keys), and a log-out on one is refused on the other.
 */
class ReplicaTest {

    private static final int REPORTS_EACH = 150;

    @Test
    void replicasShareOneGapFreeLogAndDecideOnEachOthersWrites() throws Exception {
        var tls = SelfSignedCertificate.ensure(Files.createTempDirectory("replica-tls"));
        // The test opens a stream per hand-over below and keeps them: more than a console would.
        HubConfig config = TestHub.config(Backend.POSTGRES).withCertificate(tls.certificate(), tls.privateKey())
                .withGuard(new HubConfig.Guard(64, 10_000, true));
        try (TestHub a = TestHub.start(Backend.POSTGRES, c -> config);
             TestHub b = TestHub.start(Backend.POSTGRES, c -> config);
             HubClient dutyA = a.login("duty1"); HubClient dutyB = b.login("duty2");
             HubClient leaderA = a.login("leader1"); HubClient leaderB = b.login("leader1")) {
            EventCollector onA = new EventCollector();
            EventCollector onB = new EventCollector();
            leaderA.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), onA);
            leaderB.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), onB);

            // Both replicas take calls at once: their writers contend for the one log.
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> writers = new ArrayList<>();
            for (HubClient duty : List.of(dutyA, dutyB)) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < REPORTS_EACH; i++) {
                        report(duty, duty == dutyA ? "甲" + i : "乙" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
            pool.shutdown();

            // An incident written through A is changed through B, then a stale change through A is refused.
            Incident fromA = report(dutyA, "甲乙共管");
            dutyB.command().updateIncident(UpdateIncidentRequest.newBuilder()
                    .setIncidentId(fromA.getId()).setExpectedVersion(fromA.getVersion())
                    .setSummary("乙处改过").build());
            StatusRuntimeException stale = assertThrows(StatusRuntimeException.class, () ->
                    dutyA.command().updateIncident(UpdateIncidentRequest.newBuilder().setIncidentId(fromA.getId())
                            .setExpectedVersion(fromA.getVersion()).setSummary("甲处旧版本").build()));
            assertEquals(Status.Code.ABORTED, stale.getStatus().getCode(), stale.getMessage());

            // The same idempotency key through both replicas makes one task.
            var first = leaderA.command().dispatchTask(dispatch(fromA.getId(), "once-only"));
            var again = leaderB.command().dispatchTask(dispatch(fromA.getId(), "once-only"));
            assertEquals(first.getTask().getId(), again.getTask().getId());
            assertEquals(first.getSequence(), again.getSequence());

            // A client moving to B at once may ask B for what A has just committed: B waits for
            // it instead of refusing (it has not read it yet when asked).
            for (int i = 0; i < 20; i++) {
                report(dutyA, "切换" + i);
                long written = a.hub().lastSequence();
                EventCollector moved = new EventCollector();
                leaderB.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(written + 1).build(),
                        moved);
                report(dutyA, "切换后" + i);
                moved.await(e -> e.getSequence() == written + 1, Duration.ofSeconds(10));
                assertNull(moved.error(), "B took a start A had just committed");
            }

            long last = a.hub().lastSequence();
            Eventually.until("both subscribers have the whole log", Duration.ofSeconds(20),
                    () -> onA.events().size() == last && onB.events().size() == last);
            assertNull(onA.error());
            assertNull(onB.error());
            assertGapFree(onA.events(), last);
            assertGapFree(onB.events(), last);
            assertEquals(onA.events(), onB.events(), "both replicas send the same events");
            assertEquals(2 * REPORTS_EACH + 41, onB.events().stream().filter(Event::hasIncidentReported).count());
            assertEquals(1, onB.events().stream().filter(e -> e.hasTaskDispatched()
                    && e.getIdempotencyKey().equals("once-only")).count());
            assertEquals("乙处改过", onA.events().stream().filter(Event::hasIncidentUpdated)
                    .filter(e -> e.getIncidentUpdated().getIncident().getId().equals(fromA.getId()))
                    .reduce((x, y) -> y).orElseThrow().getIncidentUpdated().getIncident().getSummary());
            assertEquals(last, b.hub().lastSequence());

            ChainVerifier chain = new ChainVerifier();
            try (Database db = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword())) {
                new EventStore(db).forEach(chain::next);
            }
            assertEquals(last, chain.lastSequence(), "the stored chain verifies to the end");

            // Logged out through A: the same token is refused by B.
            dutyA.auth().logout(LogoutRequest.getDefaultInstance());
            HubClient sameTokenOnB = dutyA.on(b.port(), b.certificate());
            Eventually.until("B refuses the logged-out session", Duration.ofSeconds(10), () -> {
                try {
                    sameTokenOnB.command().getSnapshot(commandroom.v1.GetSnapshotRequest.getDefaultInstance());
                    return false;
                } catch (StatusRuntimeException e) {
                    return e.getStatus().getCode() == Status.Code.UNAUTHENTICATED;
                }
            });
            sameTokenOnB.close();
        }
    }

    private static void assertGapFree(List<Event> events, long last) {
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).getSequence(), "event " + (i + 1) + " in place");
        }
        assertEquals(last, events.size());
    }

    private static Incident report(HubClient duty, String address) {
        return duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_HIGH)
                .setPosition(TestCounty.pos(30.545, 119.965)).setAddress(address).setSummary("双机测试")
                .build()).getIncident();
    }

    private static DispatchTaskRequest dispatch(String incidentId, String key) {
        return DispatchTaskRequest.newBuilder().setIncidentId(incidentId).setKind(TaskKind.TASK_KIND_RESPOND)
                .addUnitIds("u-cd-co1").setInstruction("到场处置").setIdempotencyKey(key).build();
    }
}
