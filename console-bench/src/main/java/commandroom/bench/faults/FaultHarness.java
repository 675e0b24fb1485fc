package commandroom.bench.faults;

import static commandroom.bench.HarnessArgs.intAfter;

import commandroom.bench.HarnessOutput;
import commandroom.server.testing.EventCollector;
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
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hub killed with SIGKILL at random moments while a shift leader dispatches, again and again:
 * a hub process (H2 or PostgreSQL) takes dispatches from two concurrent dispatchers and feeds a
 * subscriber; after a random number of acknowledgements it is killed and started again, and the
 * dispatchers and the subscriber carry on against the new process (the subscriber resuming from the
 * last sequence it saw). At the end every key is retried once. Counted: acknowledged dispatches lost
 * (not in the log after the restarts), tasks made twice for one key, and gaps and duplicates in what
 * the subscriber received across all the restarts. Prints a markdown report.
 * Usage: FaultHarness [--kills N] [--dispatches N] [--db h2|postgres] [--seed S] [--out FILE]
 */
public final class FaultHarness {

    /** What one run found. */
    public record Result(String db, int kills, int acknowledged, int keys, int lost, int duplicateTasks,
                         int gaps, int duplicateEvents, long lastSequence, List<Double> restartMs, double seconds) {

        double restartPercentile(int p) {
            List<Double> s = restartMs.stream().sorted().toList();
            return s.isEmpty() ? 0 : s.get(Math.max(0, (int) Math.ceil(p / 100.0 * s.size()) - 1));
        }

        String render() {
            return String.format(Locale.ROOT, """
                    #### FaultHarness: %d SIGKILLs during %d acknowledged dispatches (%s), %.0f s
                    | measure | value |
                    |---|---|
                    | acknowledged dispatches lost | **%d** |
                    | tasks made twice for one idempotency key (after retrying all %d keys) | **%d** |
                    | gaps in the subscriber's sequence across the restarts | **%d** |
                    | events the subscriber received twice | **%d** |
                    | events in the log at the end | %d |
                    | hub restart to ready, p50 / max (ms) | %.0f / %.0f |
                    """, kills, acknowledged, db, seconds, lost, keys, duplicateTasks, gaps, duplicateEvents,
                    lastSequence, restartPercentile(50), restartPercentile(100));
        }
    }

    private FaultHarness() {}

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        List<String> a = List.of(args);
        Result r = run(intAfter(a, "--kills", 20), intAfter(a, "--dispatches", 1000),
                a.contains("--db") && a.get(a.indexOf("--db") + 1).equals("postgres"), intAfter(a, "--seed", 1));
        HarnessOutput.emit(r.render(), HarnessOutput.outOf(args));
    }

    public static Result run(int kills, int dispatches, boolean postgres, long seed) throws Exception {
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("commandroom-faults");
        PostgresServer.Db db = postgres ? PostgresServer.get().newDatabase() : null;
        long start = System.nanoTime();
        Map<String, Task> acked = new ConcurrentHashMap<>();
        AtomicInteger nextKey = new AtomicInteger();
        List<Event> seen = new ArrayList<>();
        List<Double> restarts = new ArrayList<>();
        String incidentId = null;
        try (HubProcess hub = HubProcess.prepare(dir, db)) {
            for (int round = 0; round <= kills; round++) {
                long t0 = System.nanoTime();
                hub.start();
                if (round > 0) {
                    restarts.add((System.nanoTime() - t0) / 1e6);
                }
                try (HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1")) {
                    if (incidentId == null) {
                        incidentId = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                                .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_URGENT)
                                .setPosition(TestCounty.pos(30.545, 119.965)).setAddress("城东路").setSummary("打架")
                                .setIdempotencyKey("fault-incident").build()).getIncident().getId();
                    }
                    EventCollector subscriber = new EventCollector();
                    long from = seen.isEmpty() ? 1 : seen.get(seen.size() - 1).getSequence() + 1;
                    duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), subscriber);
                    boolean last = round == kills;
                    // Killed after a random number of acknowledgements, leaving some for every later round.
                    int target = last ? dispatches : Math.min(dispatches - 10 * (kills - round), acked.size()
                            + 5 + random.nextInt(Math.max(1, 2 * dispatches / Math.max(1, kills))));
                    AtomicBoolean stop = new AtomicBoolean();
                    List<Thread> dispatchers = new ArrayList<>();
                    final String incident = incidentId;
                    for (int d = 0; d < 2; d++) {
                        Thread t = new Thread(() -> {
                            while (!stop.get() && acked.size() < dispatches) {
                                String key = "fault-" + nextKey.getAndIncrement();
                                try {
                                    acked.put(key, dispatch(leader, incident, key));
                                } catch (StatusRuntimeException down) {
                                    return;
                                }
                            }
                        }, "fault-dispatcher-" + d);
                        t.start();
                        dispatchers.add(t);
                    }
                    while (acked.size() < target && dispatchers.stream().anyMatch(Thread::isAlive)) {
                        Thread.sleep(2);
                    }
                    if (!last) {
                        hub.kill();
                    }
                    stop.set(true);
                    for (Thread t : dispatchers) {
                        t.join(30_000);
                    }
                    if (last) {
                        // Let the subscriber catch up with the head before it is read.
                        long head = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getAsOfSequence();
                        if (head >= from) {
                            subscriber.await(e -> e.getSequence() >= head, Duration.ofSeconds(30));
                        }
                    }
                    seen.addAll(subscriber.events());
                }
            }
            // Every key once more (those lost in flight reach the log now); then what the log holds.
            try (HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1")) {
                for (int k = 0; k < nextKey.get(); k++) {
                    dispatch(leader, incidentId, "fault-" + k);
                }
                Snapshot end = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
                Map<String, Task> byId = end.getTasksList().stream().collect(Collectors.toMap(Task::getId, Function.identity()));
                int lost = (int) acked.values().stream().filter(t -> !byId.containsKey(t.getId())).count();
                int duplicateTasks = end.getTasksCount() - nextKey.get();
                EventCollector tail = new EventCollector();
                long from = seen.isEmpty() ? 1 : seen.get(seen.size() - 1).getSequence() + 1;
                duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), tail);
                long head = end.getAsOfSequence();
                if (from <= head) {
                    tail.await(e -> e.getSequence() >= head, Duration.ofSeconds(30));
                }
                seen.addAll(tail.events().stream().filter(e -> e.getSequence() <= head).toList());
                int gaps = 0;
                int duplicates = 0;
                Set<Long> sequences = new HashSet<>();
                long previous = 0;
                for (Event e : seen) {
                    if (!sequences.add(e.getSequence())) {
                        duplicates++;
                    } else if (e.getSequence() != previous + 1) {
                        gaps++;
                    }
                    previous = Math.max(previous, e.getSequence());
                }
                if (previous != head) {
                    gaps++;
                }
                return new Result(postgres ? "PostgreSQL" : "H2", kills, acked.size(), nextKey.get(), lost,
                        duplicateTasks, gaps, duplicates, head, restarts, (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static Task dispatch(HubClient leader, String incidentId, String key) {
        return leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incidentId)
                .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds("u-cd-co1").setInstruction("到场处置")
                .setIdempotencyKey(key).build()).getTask();
    }

}
