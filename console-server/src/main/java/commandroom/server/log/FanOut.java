package commandroom.server.log;

import commandroom.server.store.EventStore;
import commandroom.v1.Event;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * Consoles' subscriptions are woken for every event; a unit's terminal stream only for the events
 * {@link UnitAudience} says may concern that unit.
 * Every stream holds a {@link StreamLease}: streams are counted per owner and in all, and refused
 * past either limit (RESOURCE_EXHAUSTED: 2,000 paused streams of one user once grew a hub by
 * 600 MB); every second each lease is asked whether its stream may go on.
 * {@link #publish} and {@link #replayed} are called by the log's thread only; the rest is thread-safe.
 */
public final class FanOut implements AutoCloseable {

    private final EventStore store;
    private final AtomicReferenceArray<Event> ring;
    private final int capacity;
    private final Duration stallTimeout;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Set<Subscription> everyEvent = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Subscription>> byUnit = new ConcurrentHashMap<>();
    private final UnitAudience audience = new UnitAudience();
    private final ExecutorService senders;
    private final ExecutorService catchUps;
    private final ScheduledExecutorService janitor;
    private final int perOwner;
    private final int inAll;
    /** Open streams per owner; changed only under {@code this} (admission) or on removal. */
    private final Map<String, Integer> byOwner = new HashMap<>();
    private volatile long head;

    /**
     * @param perOwner most streams one owner may hold open at once
     * @param inAll    most streams the hub holds open at once
     */
    public FanOut(EventStore store, int ringCapacity, Duration stallTimeout, int senderThreads, int perOwner,
                  int inAll) {
        this.store = store;
        this.perOwner = perOwner;
        this.inAll = inAll;
        this.capacity = ringCapacity;
        this.ring = new AtomicReferenceArray<>(ringCapacity);
        this.stallTimeout = stallTimeout;
        this.senders = Executors.newFixedThreadPool(senderThreads, daemon("fanout-sender"));
        this.catchUps = Executors.newFixedThreadPool(senderThreads, daemon("fanout-catch-up"));
        this.janitor = Executors.newSingleThreadScheduledExecutor(daemon("fanout-janitor"));
        janitor.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    /** Sets the head after the log was replayed; events up to it are read from the store. */
    void start(long lastSequence) {
        head = lastSequence;
    }

    /** Follows an event read back from the store at start-up, before any publish. */
    void replayed(Event e) {
        audience.follow(e);
    }

    /** Adds durable events (in order) and wakes the subscribers they concern. Writer thread only. */
    void publish(List<Event> events) {
        Set<String> units = new HashSet<>();
        for (Event e : events) {
            ring.set((int) (e.getSequence() % capacity), e);
            units.addAll(audience.follow(e));
        }
        head = events.get(events.size() - 1).getSequence();
        for (Subscription s : everyEvent) {
            s.signal();
        }
        for (String unit : units) {
            for (Subscription s : byUnit.getOrDefault(unit, Set.of())) {
                s.signal();
            }
        }
    }

    /** The last event that may be sent. */
    public long head() {
        return head;
    }

    /**
     * The last event committed to the store, which on a replica may be ahead of {@link #head}
     * until it reads what the others appended. A database read: for the rare caller that needs it.
     */
    public long committedHead() {
        return store.lastSequence();
    }

    /**
     * Starts sending every event from a sequence on to an observer (a console), each as the view
     * shows it (a console sees some events redacted; the sequence stays gap-free). The caller has
     * checked that from is at most head + 1.
     */
    public Subscription subscribe(long from, java.util.function.UnaryOperator<Event> view,
                                  ServerCallStreamObserver<Event> observer, StreamLease lease) {
        Subscription s = new Subscription(this, from, e -> true, view, observer, lease);
        if (!admit(s, observer)) {
            return null;
        }
        everyEvent.add(s);
        return start(s, observer);
    }

    /**
     * Starts sending a unit's terminal the events from a sequence on that its filter accepts; it is
     * woken only for events that may concern the unit. The caller has checked from as above.
     */
    public Subscription subscribeUnit(String unitId, long from, Predicate<Event> filter,
            java.util.function.UnaryOperator<Event> view, ServerCallStreamObserver<Event> observer, StreamLease lease) {
        Subscription s = new Subscription(this, from, filter, view, observer, lease);
        if (!admit(s, observer)) {
            return null;
        }
        byUnit.computeIfAbsent(unitId, k -> ConcurrentHashMap.newKeySet()).add(s);
        return start(s, observer);
    }

    /** Counts the stream in, or refuses it (RESOURCE_EXHAUSTED) past a limit; null means not admitted. */
    private boolean admit(Subscription s, ServerCallStreamObserver<Event> observer) {
        String refusal = null;
        synchronized (this) {
            int mine = byOwner.getOrDefault(s.lease().owner(), 0);
            if (mine >= perOwner) {
                refusal = "user " + s.lease().owner() + " has " + mine + " streams open, the most one user may; close one";
            } else if (subscriptions.size() >= inAll) {
                refusal = "the hub serves " + inAll + " streams, the most it takes; try again later";
            } else {
                byOwner.put(s.lease().owner(), mine + 1);
                subscriptions.add(s);
            }
        }
        if (refusal != null) {
            observer.onError(io.grpc.Status.RESOURCE_EXHAUSTED.withDescription(refusal).asRuntimeException());
            return false;
        }
        return true;
    }

    /** Streams open for one owner (for tests and health). */
    public synchronized int openBy(String owner) {
        return byOwner.getOrDefault(owner, 0);
    }

    private Subscription start(Subscription s, ServerCallStreamObserver<Event> observer) {
        observer.setOnCancelHandler(() -> {
            s.cancel();
            remove(s);
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
        synchronized (this) {
            if (subscriptions.remove(s)) {
                byOwner.computeIfPresent(s.lease().owner(), (k, n) -> n <= 1 ? null : n - 1);
            }
        }
        everyEvent.remove(s);
        // A unit's set stays in the map when it empties: a terminal comes back after a blip.
        for (Set<Subscription> ofUnit : byUnit.values()) {
            ofUnit.remove(s);
        }
    }

    void execute(Runnable r, boolean fromStore) {
        (fromStore ? catchUps : senders).execute(r);
    }

    /** The event at a sequence from the ring, or null if it has left it. */
    Event fromRing(long sequence) {
        Event e = ring.get((int) (sequence % capacity));
        return e != null && e.getSequence() == sequence ? e : null;
    }

    List<Event> fromStore(long from, long to, int limit) {
        return store.read(from, to, limit).stream().map(ChainVerifier::parse).toList();
    }

    /** Every second: cuts off streams stalled too long, ends those whose lease ended. */
    private void sweep() {
        long now = System.nanoTime();
        for (Subscription s : subscriptions) {
            try {
                io.grpc.Status ended = s.lease().check();
                if (ended != null) {
                    s.revoke(ended);
                } else if (s.stalledFor(now) > stallTimeout.toNanos()) {
                    s.cutOff();
                }
            } catch (RuntimeException e) {
                // A lease that cannot be checked now (the user table unreadable) is asked again next second.
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
        catchUps.shutdown();
        try {
            senders.awaitTermination(2, TimeUnit.SECONDS);
            catchUps.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
        catchUps.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
