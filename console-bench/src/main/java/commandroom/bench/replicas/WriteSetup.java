package commandroom.bench.replicas;

import commandroom.server.HubBootstrap;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReportIncidentResponse;
import commandroom.v1.SubscribeRequest;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Parts 1 and 2 for one set-up: one hub, or two replicas on one PostgreSQL. Two duty officers
 * report incidents (each with its idempotency key), officer i through hub i mod the hubs, so with
 * two replicas each writes through its own; a shift leader subscribes on every hub. Measured per
 * report: call → answer, and answer → the event at each subscriber (on the hub that wrote it, or
 * on the other replica). Windows are run in slices at a fixed rate so that the harness can
 * interleave two set-ups; a burst with F in flight finds the most a set-up keeps up with.
 * Driven by one thread; close once.
 */
final class WriteSetup implements AutoCloseable {

    /**
     * What a set-up measured.
     *
     * @param ack            ReportIncident call → answer, paced window
     * @param sameReplica    answer → the event at a subscriber on the hub that wrote it
     * @param crossReplica   answer → the event at a subscriber on the other replica (none with one hub)
     * @param pacedPerSecond reports per second over the slices (first send → last delivery everywhere)
     * @param burstAck       call → answer in the burst
     * @param burstPerSecond burst reports ÷ (first send → last delivery at every subscriber)
     * @param gaps           sequences skipped at any subscriber (must be 0)
     * @param duplicates     events any subscriber got twice (must be 0)
     * @param missing        answered reports whose event never reached some subscriber (must be 0)
     * @param errors         failed calls and broken streams (must be 0)
     */
    record Figures(String label, int hubs, Latencies.Summary ack, Latencies.Summary sameReplica,
                   Latencies.Summary crossReplica, double pacedPerSecond, Latencies.Summary burstAck,
                   double burstPerSecond, long gaps, long duplicates, long missing, long errors) {}

    private static final long WAIT_MILLIS = 60_000;

    private final String label;
    private final List<HubBootstrap> hubs;
    private final List<HubClient> writers = new ArrayList<>();
    private final List<HubClient> readers = new ArrayList<>();
    private final List<Follower> followers = new ArrayList<>();
    private final Latencies ack = new Latencies();
    private final Latencies same = new Latencies();
    private final Latencies cross = new Latencies();
    private final Latencies burstAck = new Latencies();
    private final AtomicLong errors = new AtomicLong();
    private long missing;
    private long pacedReports;
    private long pacedNanos;
    private long burstReports;
    private long burstNanos;
    private int round;

    /** One report: which hub took it, when it was sent and answered, its sequence. */
    private static final class Sent {
        final int hub;
        final long sentAt;
        volatile long answeredAt;
        volatile long sequence;

        Sent(int hub, long sentAt) {
            this.hub = hub;
            this.sentAt = sentAt;
        }
    }

    private WriteSetup(String label, List<HubBootstrap> hubs) {
        this.label = label;
        this.hubs = hubs;
    }

    /** Logs in the two officers and a subscriber per hub; every hub must share the certificate. */
    static WriteSetup start(String label, List<HubBootstrap> hubs) {
        WriteSetup s = new WriteSetup(label, hubs);
        try {
            for (int i = 0; i < 2; i++) {
                HubBootstrap hub = hubs.get(i % hubs.size());
                s.writers.add(login(hub, i == 0 ? "duty1" : "duty2"));
            }
            for (int h = 0; h < hubs.size(); h++) {
                HubBootstrap hub = hubs.get(h);
                HubClient leader = login(hub, "leader1");
                s.readers.add(leader);
                long from = hub.lastSequence() + 1;
                Follower f = new Follower(String.valueOf(h), from);
                s.followers.add(f);
                leader.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), f);
            }
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static HubClient login(HubBootstrap hub, String user) {
        Path cert = hub.certificate();
        return HubClient.login("127.0.0.1", hub.port(), cert, user, TestCounty.PASSWORD);
    }

    String label() {
        return label;
    }

    /** Reports not measured, with some in flight, so that the JIT has seen the path. */
    void warmUp(int count, int inFlight) throws InterruptedException {
        withInFlight("w", count, inFlight, null);
    }

    /** Reports from..to-1 of the window, at the rate (both officers together), measured. */
    void pacedSlice(int from, int to, double perSecond) throws InterruptedException {
        Map<String, Sent> sent = new ConcurrentHashMap<>();
        Semaphore done = new Semaphore(0);
        long start = System.nanoTime();
        double interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        for (int i = from; i < to; i++) {
            long due = start + (long) ((i - from) * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            send("p-" + i, i % 2, sent, done::release);
        }
        long end = settle(sent, to - from, done, ack);
        pacedReports += to - from;
        pacedNanos += end - start;
        for (var e : sent.entrySet()) {
            Sent s = e.getValue();
            for (int h = 0; h < followers.size(); h++) {
                Long at = followers.get(h).arrival(e.getKey());
                if (at != null && s.answeredAt != 0) {
                    (h == s.hub ? same : cross).record(at - s.answeredAt);
                }
            }
        }
    }

    /** Reports with F in flight, as fast as the set-up answers and delivers them. */
    void burst(int count, int inFlight) throws InterruptedException {
        long start = System.nanoTime();
        long end = withInFlight("b" + (round++), count, inFlight, burstAck);
        burstReports += count;
        burstNanos += end - start;
    }

    private long withInFlight(String prefix, int count, int inFlight, Latencies acks) throws InterruptedException {
        Map<String, Sent> sent = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(inFlight);
        Semaphore done = new Semaphore(0);
        for (int i = 0; i < count; i++) {
            permits.acquire();
            send(prefix + "-" + i, i % 2, sent, () -> {
                permits.release();
                done.release();
            });
        }
        return settle(sent, count, done, acks);
    }

    /** Waits for every answer and every delivery; returns when the last subscriber had the last one. */
    private long settle(Map<String, Sent> sent, int count, Semaphore done, Latencies acks) throws InterruptedException {
        if (!done.tryAcquire(count, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(label + ": reports still unanswered after " + WAIT_MILLIS + " ms");
        }
        long last = sent.values().stream().mapToLong(s -> s.sequence).max().orElse(0);
        for (Follower f : followers) {
            if (!f.awaitSequence(last, WAIT_MILLIS)) {
                throw new IllegalStateException(label + ": subscriber on hub " + f.replica()
                        + " did not reach " + last + (f.ended() != null ? "; stream ended: " + f.ended() : ""));
            }
        }
        long end = 0;
        for (var e : sent.entrySet()) {
            if (acks != null && e.getValue().answeredAt != 0) {
                acks.record(e.getValue().answeredAt - e.getValue().sentAt);
            }
            for (Follower f : followers) {
                Long at = f.arrival(e.getKey());
                if (at == null) {
                    if (e.getValue().answeredAt != 0) {
                        missing++;
                    }
                } else {
                    end = Math.max(end, at);
                }
            }
        }
        return end;
    }

    /** Sends one report asynchronously, keyed "label-key"; runs done when its call has ended. */
    private void send(String key, int writer, Map<String, Sent> sent, Runnable done) {
        String fullKey = label + "-" + key;
        int hub = writer % hubs.size();
        Sent s = new Sent(hub, System.nanoTime());
        sent.put(fullKey, s);
        writers.get(writer).commandAsync().withDeadlineAfter(30, TimeUnit.SECONDS).reportIncident(
                ReportIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_CALL_110)
                        .setPriority(Priority.PRIORITY_NORMAL).setPosition(TestCounty.pos(30.545, 119.965))
                        .setAddress("城东路 " + key).setSummary("副本测试").setIdempotencyKey(fullKey).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(ReportIncidentResponse r) {
                        s.answeredAt = System.nanoTime();
                        s.sequence = r.getSequence();
                    }

                    @Override
                    public void onError(Throwable t) {
                        errors.incrementAndGet();
                        done.run();
                    }

                    @Override
                    public void onCompleted() {
                        done.run();
                    }
                });
    }

    Figures figures() {
        long gaps = 0;
        long duplicates = 0;
        long broken = 0;
        for (Follower f : followers) {
            gaps += f.gaps();
            duplicates += f.duplicates();
            broken += f.ended() == null ? 0 : 1;
        }
        return new Figures(label, hubs.size(), ack.summary(), same.summary(), cross.summary(),
                pacedNanos == 0 ? 0 : pacedReports * 1e9 / pacedNanos, burstAck.summary(),
                burstNanos == 0 ? 0 : burstReports * 1e9 / burstNanos, gaps, duplicates, missing,
                errors.get() + broken);
    }

    @Override
    public void close() {
        readers.forEach(HubClient::close);
        writers.forEach(HubClient::close);
    }
}
