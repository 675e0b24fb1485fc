package commandroom.bench.replicas;

import commandroom.v1.Event;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber's stream on one replica: checks that sequences follow on one by one (counting gaps
 * and duplicates) and notes when each event with an idempotency key arrived, on the gRPC thread
 * that hands it over. Thread-safe.
 */
final class Follower implements StreamObserver<Event> {

    private final String replica;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private long expected;
    private long gaps;
    private long duplicates;
    private volatile Throwable ended;

    /** @param from the sequence the stream was opened at */
    Follower(String replica, long from) {
        this.replica = replica;
        this.expected = from;
    }

    String replica() {
        return replica;
    }

    @Override
    public void onNext(Event e) {
        long now = System.nanoTime();
        // Noted before the sequence moves on, so that whoever waited for the sequence finds it.
        if (!e.getIdempotencyKey().isEmpty()) {
            arrivals.putIfAbsent(e.getIdempotencyKey(), now);
        }
        synchronized (this) {
            if (e.getSequence() < expected) {
                duplicates++;
                return;
            }
            if (e.getSequence() > expected) {
                gaps++;
            }
            expected = e.getSequence() + 1;
            notifyAll();
        }
    }

    @Override
    public void onError(Throwable t) {
        ended = t;
    }

    @Override
    public void onCompleted() {
        ended = new IllegalStateException("the hub ended the stream");
    }

    /** When the event with this key arrived (System.nanoTime), or null. */
    Long arrival(String key) {
        return arrivals.get(key);
    }

    /** Waits until the stream has passed the sequence; false on timeout or a broken stream. */
    synchronized boolean awaitSequence(long sequence, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (expected <= sequence && ended == null) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return expected > sequence;
    }

    synchronized long gaps() {
        return gaps;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    /** Why the stream ended, or null while it runs. */
    Throwable ended() {
        return ended;
    }
}
