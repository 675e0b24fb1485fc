package commandroom.server.log;

import commandroom.server.store.EventStore;
import commandroom.v1.Event;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * Sends every durable event, in order, to every subscriber. Recent events come from a ring in
 * memory; a subscriber further behind is caught up from the store. Each subscriber has one sender
 * at a time and is sent to only while its transport is ready, so a slow one never slows the
 * others; one that stays unready too long is cut off with a status telling it where to resume.
 * {@link #publish} is called by the log's writer thread only; the rest is thread-safe.
 */
public final class FanOut implements AutoCloseable {

    private final EventStore store;
    private final AtomicReferenceArray<Event> ring;
    private final int capacity;
    private final Duration stallTimeout;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders;
    private final ScheduledExecutorService janitor;
    private volatile long head;

    public FanOut(EventStore store, int ringCapacity, Duration stallTimeout, int senderThreads) {
        this.store = store;
        this.capacity = ringCapacity;
        this.ring = new AtomicReferenceArray<>(ringCapacity);
        this.stallTimeout = stallTimeout;
        this.senders = Executors.newFixedThreadPool(senderThreads, daemon("fanout-sender"));
        this.janitor = Executors.newSingleThreadScheduledExecutor(daemon("fanout-janitor"));
        janitor.scheduleWithFixedDelay(this::cutOffStalled, 1, 1, TimeUnit.SECONDS);
    }

    /** Sets the head after the log was replayed; events up to it are read from the store. */
    void start(long lastSequence) {
        head = lastSequence;
    }

    /** Adds durable events (in order) and wakes every subscriber. Writer thread only. */
    void publish(List<Event> events) {
        for (Event e : events) {
            ring.set((int) (e.getSequence() % capacity), e);
        }
        head = events.get(events.size() - 1).getSequence();
        for (Subscription s : subscriptions) {
            s.signal();
        }
    }

    /** The last event that may be sent. */
    public long head() {
        return head;
    }

    /**
     * Starts sending events from a sequence on, those the filter accepts, to an observer. The
     * caller has checked that from is at most head + 1.
     */
    public Subscription subscribe(long from, Predicate<Event> filter, ServerCallStreamObserver<Event> observer) {
        Subscription s = new Subscription(this, from, filter, observer);
        subscriptions.add(s);
        observer.setOnCancelHandler(() -> {
            s.cancel();
            subscriptions.remove(s);
        });
        observer.setOnReadyHandler(s::signal);
        s.signal();
        return s;
    }

    /** Number of live subscriptions (for health and tests). */
    public int subscriberCount() {
        return subscriptions.size();
    }

    void remove(Subscription s) {
        subscriptions.remove(s);
    }

    void execute(Runnable r) {
        senders.execute(r);
    }

    /** The event at a sequence from the ring, or null if it has left it. */
    Event fromRing(long sequence) {
        Event e = ring.get((int) (sequence % capacity));
        return e != null && e.getSequence() == sequence ? e : null;
    }

    List<Event> fromStore(long from, long to, int limit) {
        return store.read(from, to, limit).stream().map(EventLog::parse).toList();
    }

    private void cutOffStalled() {
        long now = System.nanoTime();
        for (Subscription s : subscriptions) {
            if (s.stalledFor(now) > stallTimeout.toNanos()) {
                s.cutOff();
            }
        }
    }

    @Override
    public void close() {
        for (Subscription s : subscriptions) {
            s.shutdown();
        }
        janitor.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
