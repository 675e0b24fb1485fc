package commandroom.bench.linkage;

import commandroom.bench.HarnessArgs;
import commandroom.bench.HarnessOutput;
import commandroom.bench.LatencyRecorder;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.LinkedHubs;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.CountyBoard;
import commandroom.v1.Event;
import commandroom.v1.GetCountyBoardRequest;
import commandroom.v1.HandUpRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.InstructStationRequest;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.SubscribeRequest;
import io.grpc.stub.StreamObserver;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Figures of the station → county linkage, on loopback TLS with H2 hubs in this process: how long a
 * station's event takes to reach the county board (the board polled every 5 ms, so add up to 5 ms),
 * how long an instruction takes from the county's answer to the station's log (exact: the
 * station's own event stream), and how fast a restarted county follows its stations again from
 * their first event. Usage: {@code LinkageHarness [--stations 3] [--reports 300] [--instructions 50]
 * [--history 3000] [--out FILE]}. Runs on the calling thread.
 */
public final class LinkageHarness {

    /** What a run measured. */
    public record Result(int stations, int reports, LatencyRecorder.Summary toBoard, int instructions,
                         LatencyRecorder.Summary instructionDown, long historyEvents, long refollowMs,
                         int instructionsTakenTwice, int history) {

        String render() {
            return String.format(Locale.ROOT, """
                    #### Station → county linkage (%s)

                    %d station hubs and a county hub on loopback TLS, H2, in one JVM.

                    | figure | count | p50 / p99 / max ms |
                    |---|---|---|
                    | station event → county board (polled every 5 ms) | %d | %s |
                    | county instruction → in the station's log | %d | %s |

                    A restarted county followed its stations' %d events again in %d ms (%.0f events/s).
                    Instructions taken in twice: %d.

                    Rerun: `./mvnw -q -B -o -pl console-bench compile exec:exec -Dexec.executable=java \\
                      -Dexec.args="-cp %%classpath commandroom.bench.linkage.LinkageHarness --stations %d --reports %d --instructions %d --history %d"`
                    """, OffsetDateTime.now(), stations, reports, millis(toBoard), instructions, millis(instructionDown),
                    historyEvents, refollowMs, historyEvents * 1000.0 / Math.max(1, refollowMs), instructionsTakenTwice,
                    stations, reports, instructions, history);
        }

        private static String millis(LatencyRecorder.Summary s) {
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", s.p50Ms(), s.p99Ms(), s.max() / 1e6);
        }
    }

    private LinkageHarness() {}

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        List<String> a = Arrays.asList(args);
        Result r = run(HarnessArgs.intAfter(a, "--stations", 3), HarnessArgs.intAfter(a, "--reports", 300),
                HarnessArgs.intAfter(a, "--instructions", 50), HarnessArgs.intAfter(a, "--history", 3000));
        HarnessOutput.emit(r.render(), HarnessOutput.outOf(args));
    }

    /**
     * @param reports      incidents reported across the stations, one at a time, each timed to the board
     * @param instructions incidents handed up and answered, each timed down to the station's log
     * @param history      further events per station before the county is restarted
     */
    public static Result run(int stationCount, int reports, int instructions, int history) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < stationCount; i++) {
            ids.add("s" + i);
        }
        try (LinkedHubs hubs = LinkedHubs.prepare(ids).startAll()) {
            TestHub county = hubs.county();
            List<TestHub> stations = new ArrayList<>();
            for (int i = 0; i < stationCount; i++) {
                stations.add(hubs.station(i));
            }
            try (HubClient countyLeader = county.login("leader1")) {
                List<HubClient> duties = new ArrayList<>();
                List<HubClient> leaders = new ArrayList<>();
                for (TestHub s : stations) {
                    duties.add(s.login("duty1"));
                    leaders.add(s.login("leader1"));
                }
                awaitBoard(countyLeader, stations);
                LatencyRecorder toBoard = new LatencyRecorder(reports);
                for (int k = 0; k < reports; k++) {
                    int i = k % stationCount;
                    long sent = System.nanoTime();
                    long seq = report(duties.get(i), "联动基准 " + k).getSequence();
                    while (board(countyLeader).getStations(i).getLastSequence() < seq) {
                        TimeUnit.MILLISECONDS.sleep(5);
                    }
                    toBoard.record(System.nanoTime() - sent);
                }
                Map<String, Long> issuedAt = new ConcurrentHashMap<>();
                Map<String, Long> receivedAt = new ConcurrentHashMap<>();
                Map<String, Integer> taken = new ConcurrentHashMap<>();
                for (int i = 0; i < stationCount; i++) {
                    leaders.get(i).commandAsync().subscribe(SubscribeRequest.newBuilder()
                            .setFromSequence(stations.get(i).hub().lastSequence() + 1).build(),
                            new InstructionWatch(receivedAt, taken));
                }
                for (int k = 0; k < instructions; k++) {
                    int i = k % stationCount;
                    String incident = report(duties.get(i), "上报基准 " + k).getIncident().getId();
                    leaders.get(i).linkage().handUp(HandUpRequest.newBuilder().setIncidentId(incident)
                            .setNote("基准上报").build());
                    long seq = stations.get(i).hub().lastSequence();
                    while (board(countyLeader).getStations(i).getLastSequence() < seq) {
                        TimeUnit.MILLISECONDS.sleep(5);
                    }
                    long sent = System.nanoTime();
                    String id = countyLeader.linkage().instructStation(InstructStationRequest.newBuilder()
                            .setStationId("s" + i).setIncidentId(incident).setText("基准指令 " + k).build())
                            .getInstruction().getId();
                    issuedAt.put(id, sent);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (receivedAt.size() < instructions && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                LatencyRecorder down = new LatencyRecorder(instructions);
                // The station may take an instruction in before the county's answer reaches us:
                // matched by id once all are in.
                receivedAt.forEach((id, at) -> {
                    Long sent = issuedAt.get(id);
                    if (sent != null) {
                        down.record(at - sent);
                    }
                });
                for (int i = 0; i < stationCount; i++) {
                    for (int k = 0; k < history; k++) {
                        report(duties.get(i), "历史 " + k);
                    }
                }
                long events = stations.stream().mapToLong(s -> s.hub().lastSequence()).sum();
                long restarted = System.nanoTime();
                county.restart();
                try (HubClient again = county.login("leader1")) {
                    awaitBoard(again, stations);
                }
                long refollowMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
                duties.forEach(HubClient::close);
                leaders.forEach(HubClient::close);
                int twice = (int) taken.values().stream().filter(n -> n > 1).count();
                return new Result(stationCount, reports, toBoard.summary(), instructions, down.summary(), events,
                        refollowMs, twice, history);
            }
        }
    }

    /** Notes when each CountyInstructionReceived appears in a station's stream, and how often. */
    private record InstructionWatch(Map<String, Long> receivedAt, Map<String, Integer> taken)
            implements StreamObserver<Event> {
        @Override
        public void onNext(Event e) {
            if (e.hasCountyInstructionReceived()) {
                String id = e.getCountyInstructionReceived().getInstruction().getId();
                receivedAt.putIfAbsent(id, System.nanoTime());
                taken.merge(id, 1, Integer::sum);
            }
        }

        @Override
        public void onError(Throwable t) {
            // The stream ends when the harness closes the hubs.
        }

        @Override
        public void onCompleted() {
            // as above
        }
    }

    private static void awaitBoard(HubClient countyLeader, List<TestHub> stations) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            CountyBoard b = board(countyLeader);
            boolean all = true;
            for (int i = 0; i < stations.size(); i++) {
                all &= b.getStations(i).getConnected()
                        && b.getStations(i).getLastSequence() == stations.get(i).hub().lastSequence();
            }
            if (all) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        throw new IllegalStateException("the county did not catch up with its stations in 120 s");
    }

    private static CountyBoard board(HubClient countyLeader) {
        return countyLeader.linkage().getCountyBoard(GetCountyBoardRequest.getDefaultInstance());
    }

    private static commandroom.v1.ReportIncidentResponse report(HubClient duty, String address) {
        return duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_HIGH)
                .setPosition(TestCounty.pos(30.545, 119.965)).setAddress(address).setSummary("联动基准").build());
    }
}
