package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.HubProcess;
import commandroom.server.testing.PostgresServer;
import commandroom.server.testing.TestCounty;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Snapshot;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskResponse;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hub is killed with SIGKILL in the middle of a stream of dispatches. After a restart every
 * acknowledged event is there, the projections hold everything they held before, a retry with the
 * same idempotency key makes no second task, and a subscriber resumes with no gap and no duplicate.
 */
class CrashTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void acknowledgedDispatchesSurviveSigkillAndSubscribersResumeWithoutGap(Backend backend) throws Exception {
        Path dir = Files.createTempDirectory("commandroom-crash");
        PostgresServer.Db db = backend == Backend.POSTGRES ? PostgresServer.get().newDatabase() : null;
        try (HubProcess hub = HubProcess.prepare(dir, db)) {
            hub.start();
            Map<String, Task> acked = new ConcurrentHashMap<>();
            List<Event> seenBefore;
            Snapshot before;
            String incidentId;
            long resumeFrom;
            int keys;
            try (HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1")) {
                incidentId = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                        .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_URGENT)
                        .setPosition(TestCounty.pos(30.545, 119.965)).setAddress("城东路").setSummary("打架")
                        .build()).getIncident().getId();
                EventCollector console = new EventCollector();
                duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), console);
                for (int i = 0; i < 20; i++) {
                    Task t = dispatch(leader, incidentId, "quiet-" + i).getTask();
                    acked.put("quiet-" + i, t);
                }
                before = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());

                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger next = new AtomicInteger();
                List<Thread> dispatchers = new ArrayList<>();
                for (int d = 0; d < 4; d++) {
                    Thread t = new Thread(() -> {
                        while (!stop.get()) {
                            String key = "storm-" + next.getAndIncrement();
                            try {
                                acked.put(key, dispatch(leader, incidentId, key).getTask());
                            } catch (StatusRuntimeException down) {
                                return;
                            }
                        }
                    });
                    t.start();
                    dispatchers.add(t);
                }
                // Killed at a random moment of the storm: after a random number of acknowledgements.
                int killAfter = acked.size() + 10 + new Random().nextInt(50);
                Eventually.until("acknowledged dispatches", Duration.ofSeconds(60), () -> acked.size() >= killAfter);
                hub.kill();
                stop.set(true);
                for (Thread t : dispatchers) {
                    t.join(20_000);
                }
                keys = next.get();
                seenBefore = console.events();
                resumeFrom = seenBefore.isEmpty() ? 1 : seenBefore.get(seenBefore.size() - 1).getSequence() + 1;
            }
            assertTrue(acked.size() > 20, "some dispatches were acknowledged during the storm");

            hub.start();
            try (HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1")) {
                Snapshot after = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
                Map<String, Task> tasksAfter = after.getTasksList().stream()
                        .collect(Collectors.toMap(Task::getId, Function.identity()));
                for (Task t : before.getTasksList()) {
                    assertEquals(t, tasksAfter.get(t.getId()), "projection of " + t.getId() + " survived");
                }
                for (var e : acked.entrySet()) {
                    assertEquals(e.getValue(), tasksAfter.get(e.getValue().getId()).toBuilder().build(),
                            "acknowledged " + e.getKey() + " is there");
                }
                // Retrying every key (acknowledged or lost in flight) makes each task exactly once.
                for (int i = 0; i < keys; i++) {
                    String key = "storm-" + i;
                    Task t = dispatch(leader, incidentId, key).getTask();
                    if (acked.containsKey(key)) {
                        assertEquals(acked.get(key).getId(), t.getId(), "retry of " + key + " got the first answer");
                    }
                }
                Snapshot retried = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
                assertEquals(20 + keys, retried.getTasksCount(), "one task per idempotency key, none twice");

                EventCollector resumed = new EventCollector();
                duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(resumeFrom).build(), resumed);
                long head = retried.getAsOfSequence();
                resumed.await(e -> e.getSequence() == head, Duration.ofSeconds(20));
                List<Event> all = new ArrayList<>(seenBefore);
                all.addAll(resumed.events().stream().filter(e -> e.getSequence() <= head).toList());
                for (int i = 0; i < all.size(); i++) {
                    assertEquals(i + 1, all.get(i).getSequence(), "no gap and no duplicate across the crash");
                }
                EventCollector replay = new EventCollector();
                duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), replay);
                replay.await(e -> e.getSequence() == head, Duration.ofSeconds(20));
                assertEquals(seenBefore, replay.events().subList(0, seenBefore.size()),
                        "what was published before the crash is exactly what the log holds");
            }
        }
    }

    private static TaskResponse dispatch(HubClient leader, String incidentId, String key) {
        return leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incidentId)
                .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds("u-cd-co1").setInstruction("到场处置")
                .setIdempotencyKey(key).build());
    }
}
