package commandroom.bench.replicas;

import commandroom.app.connection.HubAddress;
import commandroom.app.connection.HubSession;
import commandroom.server.testing.FreePort;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.HubProcess;
import commandroom.server.testing.PostgresServer;
import commandroom.server.testing.TestCounty;
import commandroom.server.tls.SelfSignedCertificate;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Snapshot;
import commandroom.v1.Task;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Part 3: two hub replicas as processes of their own on one PostgreSQL; a console's subscriber
 * and a shift leader dispatching at a fixed rate, each on a channel that knows both replicas
 * (console-app's {@link HubSession}, which uses its ReplicaResolver). The replica the subscriber
 * is streaming from (asked through each replica's health endpoint) is SIGKILLed, the time until
 * the subscriber's stream is up again on the other replica is measured, the killed one is started
 * again, and so on. At the end every answered dispatch must be in the log, no key may have made
 * two tasks, and the subscriber must have had every event once, in order, across all the kills.
 * Runs on the calling thread.
 */
final class FailoverRun {

    /**
     * What the failover run found.
     *
     * @param toLive          kill → the subscriber's first event on its new stream (its resume point again)
     * @param toNewEvent      kill → the first event the subscriber had not had before
     * @param toDispatchAnswer kill → the next dispatch answered
     * @param restart         killed replica's restart → ready
     * @param movedAway       kills after which the subscriber was found streaming from the other replica
     * @param maxAttempts     the most Subscribe calls one failover took
     * @param refusedResumes  Subscribe calls that failed before delivering anything, by status code
     */
    record Figures(int kills, int movedAway, int answered, long keysSent, long retries, long refused, int lost,
                   int tasksTwice, long gaps, long duplicates, long lastSequence, Latencies.Summary toLive,
                   Latencies.Summary toNewEvent, Latencies.Summary toDispatchAnswer, Latencies.Summary restart,
                   int maxAttempts, Map<String, Integer> refusedResumes, double seconds, List<String> refusedWhy) {}

    private static final Pattern SUBSCRIBERS = Pattern.compile("\"subscribers\":(\\d+)");
    private static final long WAIT_MILLIS = 60_000;

    private FailoverRun() {}

    /**
     * @param kills      SIGKILLs, each of the replica in use
     * @param perSecond  the shift leader's dispatch rate
     * @param betweenMillis steady dispatching after a restart before the next kill
     */
    static Figures run(PostgresServer.Db db, Path dir, int kills, double perSecond, long betweenMillis)
            throws Exception {
        long started = System.nanoTime();
        var tls = SelfSignedCertificate.ensure(dir.resolve("tls"));
        // Replicas share their certificate, their token signing keys and their seal key.
        String[] shared = {"--cert", tls.certificate().toString(), "--key", tls.privateKey().toString(),
            "--token-keys", dir.resolve("secrets/token-keys").toString(), "--seal-key",
            dir.resolve("secrets/seal-key").toString(), "--personal-key",
            dir.resolve("secrets/personal-key").toString(), "--health-port", "0"};
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Latencies toLive = new Latencies();
        Latencies toNew = new Latencies();
        Latencies toAnswer = new Latencies();
        Latencies restart = new Latencies();
        int movedAway = 0;
        int maxAttempts = 0;
        // Fixed ports (the last --port wins over HubProcess's 0): a restarted replica must come back
        // where the consoles' channels know it.
        try (HubProcess a = HubProcess.prepare(dir.resolve("a"), db, withPort(shared, FreePort.next()));
             HubProcess b = HubProcess.prepare(dir.resolve("b"), db, withPort(shared, FreePort.next()))) {
            // One after the other: the first seeds the empty database, the second finds it seeded.
            a.start();
            b.start();
            List<HubProcess> replicas = List.of(a, b);
            List<HubAddress> addresses = List.of(new HubAddress("127.0.0.1", a.port()),
                    new HubAddress("127.0.0.1", b.port()));
            String incidentId;
            try (HubClient duty = a.login("duty1")) {
                incidentId = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                        .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_URGENT)
                        .setPosition(TestCounty.pos(30.545, 119.965)).setAddress("城东路").setSummary("双机切换")
                        .setIdempotencyKey("failover-incident").build()).getIncident().getId();
            }
            try (HubSession watching = HubSession.open(addresses, tls.certificate(), "duty2", TestCounty.PASSWORD);
                 HubSession leading = HubSession.open(addresses, tls.certificate(), "leader1", TestCounty.PASSWORD);
                 ResumingSubscriber subscriber = new ResumingSubscriber(watching);
                 RetryingDispatcher dispatcher = new RetryingDispatcher(leading, incidentId, "u-cd-co1", perSecond)) {
                subscriber.start();
                dispatcher.start();
                for (int k = 0; k < kills; k++) {
                    Thread.sleep(betweenMillis);
                    int inUse = replicaInUse(http, replicas);
                    int stream = subscriber.streams();
                    long killedAt = System.nanoTime();
                    replicas.get(inUse).kill();
                    long[] resumed = subscriber.awaitResumedAfter(stream, WAIT_MILLIS);
                    if (resumed == null) {
                        throw new IllegalStateException("the subscriber did not resume within " + WAIT_MILLIS
                                + " ms after kill " + (k + 1) + " (of replica " + inUse + "): " + subscriber
                                + "; dispatcher answered " + dispatcher.answered() + ", retried "
                                + dispatcher.retries() + "; logs " + a.logFile() + ", " + b.logFile());
                    }
                    toLive.record(resumed[0] - killedAt);
                    maxAttempts = Math.max(maxAttempts, subscriber.streams() - stream);
                    toNew.record(resumed[1] - killedAt);
                    long answeredAt = awaitAnswerAfter(dispatcher, killedAt);
                    if (answeredAt > 0) {
                        toAnswer.record(answeredAt - killedAt);
                    }
                    if (subscribers(http, replicas.get(1 - inUse)) > 0) {
                        movedAway++;
                    }
                    long restartAt = System.nanoTime();
                    replicas.get(inUse).start();
                    restart.record(System.nanoTime() - restartAt);
                }
                Thread.sleep(betweenMillis);
                dispatcher.close();
                try (HubClient duty = a.login("duty1")) {
                    // Read where the replica asked has caught up with every answer, whoever gave it.
                    Snapshot end = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
                    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
                    while (end.getAsOfSequence() < dispatcher.lastSequence() && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                        end = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
                    }
                    long head = end.getAsOfSequence();
                    if (!subscriber.awaitSequence(head, WAIT_MILLIS)) {
                        throw new IllegalStateException("the subscriber did not reach the head " + head
                                + "; it is at " + subscriber.lastReceived());
                    }
                    Set<String> tasks = end.getTasksList().stream().map(Task::getId).collect(Collectors.toSet());
                    Map<String, String> answered = dispatcher.taskByKey();
                    Map<String, Integer> byKey = subscriber.dispatchedByKey();
                    // Lost: answered, but its task is not in the log or never reached the subscriber.
                    int lost = (int) answered.entrySet().stream()
                            .filter(e -> !tasks.contains(e.getValue()) || !byKey.containsKey(e.getKey())).count();
                    int twice = (int) byKey.values().stream().filter(n -> n > 1).count();
                    return new Figures(kills, movedAway, answered.size(), dispatcher.keysSent(), dispatcher.retries(),
                            dispatcher.refused(), lost, twice, subscriber.gaps(), subscriber.duplicates(), head,
                            toLive.summary(), toNew.summary(), toAnswer.summary(), restart.summary(),
                            maxAttempts, subscriber.refusedResumes(), (System.nanoTime() - started) / 1e9,
                            dispatcher.refusedCodes());
                }
            }
        }
    }

    private static String[] withPort(String[] options, int port) {
        String[] all = java.util.Arrays.copyOf(options, options.length + 2);
        all[options.length] = "--port";
        all[options.length + 1] = Integer.toString(port);
        return all;
    }

    /** The replica the subscriber streams from: the one whose health report counts a subscriber. */
    private static int replicaInUse(HttpClient http, List<HubProcess> replicas) throws Exception {
        long end = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (System.nanoTime() < end) {
            List<Integer> counts = new ArrayList<>();
            for (HubProcess r : replicas) {
                counts.add(subscribers(http, r));
            }
            if (counts.get(0) > 0 != counts.get(1) > 0) {
                return counts.get(0) > 0 ? 0 : 1;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("could not tell which replica the subscriber streams from");
    }

    private static int subscribers(HttpClient http, HubProcess replica) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + replica.healthPort() + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = SUBSCRIBERS.matcher(r.body());
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException down) {
            return 0;
        }
    }

    private static long awaitAnswerAfter(RetryingDispatcher dispatcher, long after) throws InterruptedException {
        long end = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (System.nanoTime() < end) {
            long at = dispatcher.lastAnsweredAt();
            if (at > after) {
                return at;
            }
            Thread.sleep(2);
        }
        return 0;
    }
}
