package commandroom.bench.replicas;

import commandroom.app.connection.HubSession;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.Event;
import commandroom.v1.SubscribeRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A console's event stream over a channel that knows every replica, resuming as the console's
 * EventFeed does: when the stream breaks it tries again after 250 ms (doubling to 5 s), asking the
 * channel to reconnect now, from the last event it received, so that the first event of the new
 * stream (that one, again) proves the stream is up. Counts gaps and duplicates over all streams,
 * the TaskDispatched events per idempotency key, and when each stream delivered its first event.
 * Callbacks run on gRPC's threads and the stream's timer; thread-safe.
 */
final class ResumingSubscriber implements AutoCloseable {

    private static final long MIN_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 5000;

    private final HubSession session;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replica-subscriber");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Integer> dispatchedByKey = new HashMap<>();
    private final Map<String, Integer> refusedResumes = new TreeMap<>();
    private long lastReceived;
    private long gaps;
    private long duplicates;
    private int streams;
    private long streamStartedAt;
    private long firstOfStreamAt;
    private long firstNewAt;
    private long backoffMs = MIN_BACKOFF_MS;
    private volatile Context.CancellableContext call;
    private volatile boolean closed;

    ResumingSubscriber(HubSession session) {
        this.session = session;
    }

    void start() {
        timer.execute(this::subscribe);
    }

    private void subscribe() {
        if (closed) {
            return;
        }
        long from;
        boolean[] overlapSeen = new boolean[1];
        synchronized (this) {
            overlapSeen[0] = lastReceived == 0;
            from = Math.max(1, lastReceived);
            streams++;
            streamStartedAt = System.nanoTime();
            firstOfStreamAt = 0;
            firstNewAt = 0;
            if (streams > 1) {
                // gRPC's own reconnect backoff grows to minutes; the console asks for a try now.
                session.channel().resetConnectBackoff();
            }
        }
        Context.CancellableContext ctx = Context.current().withCancellation();
        call = ctx;
        ctx.run(() -> CommandServiceGrpc.newStub(session.channel()).withCallCredentials(session.credentials())
                .subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(Event e) {
                        received(e, overlapSeen);
                    }

                    @Override
                    public void onError(Throwable t) {
                        lost(Status.fromThrowable(t).getCode());
                    }

                    @Override
                    public void onCompleted() {
                        lost(Status.Code.OK);
                    }
                }));
    }

    private synchronized void received(Event e, boolean[] overlapSeen) {
        long now = System.nanoTime();
        if (firstOfStreamAt == 0) {
            firstOfStreamAt = now;
            backoffMs = MIN_BACKOFF_MS;
        }
        if (e.getSequence() <= lastReceived) {
            if (!overlapSeen[0] && e.getSequence() == lastReceived) {
                overlapSeen[0] = true;
            } else {
                duplicates++;
            }
            notifyAll();
            return;
        }
        overlapSeen[0] = true;
        if (e.getSequence() != lastReceived + 1) {
            gaps++;
        }
        if (firstNewAt == 0) {
            firstNewAt = now;
        }
        lastReceived = e.getSequence();
        if (e.hasTaskDispatched()) {
            dispatchedByKey.merge(e.getIdempotencyKey(), 1, Integer::sum);
        }
        notifyAll();
    }

    private void lost(Status.Code code) {
        if (closed) {
            return;
        }
        long wait;
        synchronized (this) {
            if (firstOfStreamAt == 0) {
                refusedResumes.merge(code.name(), 1, Integer::sum);
            }
            wait = backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
        timer.schedule(this::subscribe, wait, TimeUnit.MILLISECONDS);
    }

    /** The stream now open, counting from 1. */
    synchronized int streams() {
        return streams;
    }

    /**
     * Waits until a stream opened after the given one has delivered its first event and its first
     * new one; returns {first event at, first new event at} (System.nanoTime), or null on timeout.
     */
    synchronized long[] awaitResumedAfter(int stream, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (streams <= stream || firstOfStreamAt == 0 || firstNewAt == 0) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, Math.min(50, left / 1_000_000)));
        }
        return new long[] {firstOfStreamAt, firstNewAt};
    }

    /** Waits until the stream has passed the sequence. */
    synchronized boolean awaitSequence(long sequence, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (lastReceived < sequence) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, Math.min(50, left / 1_000_000)));
        }
        return true;
    }

    synchronized long lastReceived() {
        return lastReceived;
    }

    synchronized long gaps() {
        return gaps;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    /** Streams that ended before delivering anything (failed resumes), by status code. */
    synchronized Map<String, Integer> refusedResumes() {
        return new TreeMap<>(refusedResumes);
    }

    /** TaskDispatched events received per idempotency key. */
    synchronized Map<String, Integer> dispatchedByKey() {
        return new HashMap<>(dispatchedByKey);
    }

    @Override
    public synchronized String toString() {
        return "subscriber on stream " + streams + " at sequence " + lastReceived + ", "
                + (firstOfStreamAt == 0 ? "nothing on this stream yet" : "this stream delivering");
    }

    @Override
    public void close() {
        closed = true;
        Context.CancellableContext c = call;
        if (c != null) {
            c.cancel(null);
        }
        timer.shutdownNow();
    }
}
