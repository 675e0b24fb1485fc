package commandroom.bench.alarm;

import commandroom.app.alarm.AlarmQueueViewModel;
import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.EventApplier;
import commandroom.app.model.UserRole;
import commandroom.bench.HarnessOutput;
import commandroom.server.HubConfig;
import commandroom.server.loop.AlarmPolicy;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.Event;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Snapshot;
import commandroom.v1.SubscribeRequest;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * How soon an alarm is in front of every duty officer: N consoles (each its own TLS connection, its
 * own event stream, the console's own EventApplier and alarm queue) follow a hub with the station's
 * alarm policy; a duty officer elsewhere takes in urgent calls one at a time. For each call and
 * console: from the ReportIncident call to the queue asking for the alarm's sound (what the officer
 * hears and sees), and, as the baseline in the same run, from the call to the incident itself
 * reaching that console (the hub's plain fan-out, which the alarm follows by the watcher's tick and
 * one more commit).
 *
 * <p>Usage: AlarmHarness [--quick] [--consoles N] [--calls K] [--out FILE]  (--quick: 10 consoles, 5 calls)
 */
public final class AlarmHarness {

    /** Figures of one run. */
    public record Result(int consoles, int calls, List<Double> alarmMs, List<Double> incidentMs, int missing) {
        public double alarm(double p) {
            return pct(alarmMs, p);
        }

        public double incident(double p) {
            return pct(incidentMs, p);
        }

        public String render() {
            return String.format(Locale.ROOT, """
                    #### AlarmHarness (%s): %d consoles, %d urgent calls, H2
                    | from the ReportIncident call to | p50 ms | p99 ms | max ms | samples |
                    |---|---|---|---|---|
                    | the alarm in the console's queue, its sound asked for | %.0f | %.0f | %.0f | %d |
                    | baseline: the incident itself at the console | %.0f | %.0f | %.0f | %d |
                    missing: %d
                    """, Instant.now(), consoles, calls, alarm(50), alarm(99), alarm(100), alarmMs.size(),
                    incident(50), incident(99), incident(100), incidentMs.size(), missing);
        }

        private static double pct(List<Double> xs, double p) {
            if (xs.isEmpty()) {
                return Double.NaN;
            }
            List<Double> s = xs.stream().sorted().toList();
            int rank = (int) Math.ceil(p / 100 * s.size()) - 1;
            return s.get(Math.max(0, Math.min(s.size() - 1, rank)));
        }
    }

    /** Set when the run ends: the streams' end is then expected, not news. */
    private static volatile boolean closing;

    private AlarmHarness() {}

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        boolean quick = a.contains("--quick");
        int consoles = intAfter(a, "--consoles", quick ? 10 : 100);
        int calls = intAfter(a, "--calls", quick ? 5 : 30);
        HarnessOutput.emit(run(consoles, calls).render(), HarnessOutput.outOf(args));
        System.exit(0);
    }

    /** One console: its state, applier and queue, confined to one thread as the FX thread would be. */
    private static final class Console implements StreamObserver<Event> {
        final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "console");
            t.setDaemon(true);
            return t;
        });
        final ConsoleState state = new ConsoleState();
        final EventApplier applier = new EventApplier(state);
        AlarmQueueViewModel queue;
        final Map<String, Long> alarmAt = new ConcurrentHashMap<>();
        final Map<String, Long> incidentAt = new ConcurrentHashMap<>();

        void open(Snapshot s) throws Exception {
            thread.submit(() -> {
                applier.applySnapshot(s);
                queue = new AlarmQueueViewModel(state, UserRole.DUTY_OFFICER, Clock.systemUTC(), id -> null);
                queue.soundProperty().addListener((o, was, sound) -> {
                    var alarm = state.alarms().get(sound.alarmId());
                    if (alarm != null) {
                        alarmAt.putIfAbsent(alarm.subjectId(), System.nanoTime());
                    }
                });
            }).get();
        }

        @Override
        public void onNext(Event e) {
            long now = System.nanoTime();
            if (e.hasIncidentReported()) {
                incidentAt.putIfAbsent(e.getIncidentReported().getIncident().getId(), now);
            }
            thread.execute(() -> applier.apply(List.of(e)));
        }

        @Override
        public void onError(Throwable t) {
            if (!closing) {
                System.err.println("console stream: " + t);
            }
        }

        @Override
        public void onCompleted() {
        }
    }

    public static Result run(int consoles, int calls) throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withAlarms(AlarmPolicy.station())
                .withGuard(new HubConfig.Guard(consoles + 8, 10_000, true)))) {
            List<HubClient> clients = new ArrayList<>();
            List<Console> seen = new ArrayList<>();
            try (HubClient intake = hub.login("duty2")) {
                for (int i = 0; i < consoles; i++) {
                    HubClient c = hub.login("duty1");
                    clients.add(c);
                    Console console = new Console();
                    Snapshot s = c.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
                    console.open(s);
                    c.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(s.getAsOfSequence() + 1)
                            .build(), console);
                    seen.add(console);
                }
                Thread.sleep(1000);
                List<Double> alarmMs = new ArrayList<>();
                List<Double> incidentMs = new ArrayList<>();
                int missing = 0;
                for (int k = 0; k < calls; k++) {
                    long t0 = System.nanoTime();
                    String id = intake.command().reportIncident(ReportIncidentRequest.newBuilder()
                            .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_URGENT)
                            .setPosition(TestCounty.pos(30.545, 119.965)).setAddress("城东路 " + k + " 号")
                            .setSummary("打架").build()).getIncident().getId();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (System.nanoTime() < deadline && seen.stream().anyMatch(c -> !c.alarmAt.containsKey(id))) {
                        Thread.sleep(5);
                    }
                    for (Console c : seen) {
                        Long a = c.alarmAt.get(id);
                        Long i = c.incidentAt.get(id);
                        if (a == null) {
                            missing++;
                        } else {
                            alarmMs.add((a - t0) / 1e6);
                        }
                        if (i != null) {
                            incidentMs.add((i - t0) / 1e6);
                        }
                    }
                    // One call a second or so: a busy station's pace, each measured on its own.
                    Thread.sleep(500);
                }
                return new Result(consoles, calls, alarmMs, incidentMs, missing);
            } finally {
                closing = true;
                seen.forEach(c -> c.thread.shutdownNow());
                clients.forEach(HubClient::close);
            }
        }
    }

    private static int intAfter(List<String> a, String flag, int otherwise) {
        int i = a.indexOf(flag);
        return i >= 0 && i + 1 < a.size() ? Integer.parseInt(a.get(i + 1)) : otherwise;
    }
}
