package commandroom.server.log;

import commandroom.v1.Event;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One subscriber's cursor into the log. All calls on the observer happen inside {@link #drain},
 * and at most one drain runs at a time (the scheduled flag), because a StreamObserver is not
 * thread-safe.
 */
public final class Subscription {

    /** Trailer a cut-off subscriber reads to know where to resume. */
    public static final Metadata.Key<String> RESUME_FROM =
            Metadata.Key.of("resume-from-sequence", Metadata.ASCII_STRING_MARSHALLER);

    private static final int STORE_PAGE = 200;

    private final FanOut fanOut;
    private final Predicate<Event> filter;
    private final java.util.function.UnaryOperator<Event> view;
    private final ServerCallStreamObserver<Event> observer;
    private final StreamLease lease;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Set when the stream's lease ended: the status to close it with. */
    private volatile Status revoked;
    private volatile long next;
    private volatile boolean cancelled;
    private volatile boolean cutOff;
    private volatile boolean shutdown;
    private volatile long notReadySince;

    Subscription(FanOut fanOut, long from, Predicate<Event> filter, java.util.function.UnaryOperator<Event> view,
                 ServerCallStreamObserver<Event> observer, StreamLease lease) {
        this.fanOut = fanOut;
        this.lease = lease;
        this.next = from;
        this.filter = filter;
        this.view = view;
        this.observer = observer;
    }

    /** Asks for a drain; cheap and idempotent, callable from any thread. */
    void signal() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                // A subscriber reading old events from the store runs on the catch-up threads, so
                // its database reads never hold up live delivery to the others.
                boolean catchingUp = next <= fanOut.head() && fanOut.fromRing(next) == null;
                fanOut.execute(this::drain, catchingUp);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    private void drain() {
        try {
            if (!finishIfAsked()) {
                send();
            }
        } catch (RuntimeException e) {
            // The store failed while catching up: end the stream with a status the client can
            // retry on (UNAVAILABLE), resuming where it stopped.
            endWith(Status.UNAVAILABLE.withDescription("could not read the log; resume from " + next));
        } finally {
            scheduled.set(false);
        }
        if (!cancelled && (cutOff || shutdown || revoked != null || (observer.isReady() && next <= fanOut.head()))) {
            signal();
        }
    }

    private void send() {
        while (!cancelled && next <= fanOut.head()) {
            Event e = fanOut.fromRing(next);
            if (e != null) {
                // Events this subscriber does not want are skipped without asking the transport,
                // whose isReady() takes a lock; most events are not for any one unit.
                if (!filter.test(e)) {
                    next = e.getSequence() + 1;
                    continue;
                }
                if (!ready()) {
                    return;
                }
                observer.onNext(view.apply(e));
                next = e.getSequence() + 1;
            } else {
                if (!ready()) {
                    return;
                }
                for (Event stored : fanOut.fromStore(next, fanOut.head(), STORE_PAGE)) {
                    // Flow control holds during a catch-up too: stop at a full transport and go on
                    // from here when it is ready again (the rest of the page is read again then).
                    if (stored.getSequence() == next && filter.test(stored) && !ready()) {
                        return;
                    }
                    deliver(stored);
                }
            }
        }
        notReadySince = 0;
    }

    private boolean ready() {
        if (observer.isReady()) {
            notReadySince = 0;
            return true;
        }
        if (notReadySince == 0) {
            notReadySince = System.nanoTime();
        }
        return false;
    }

    private void deliver(Event e) {
        if (e.getSequence() != next || cancelled) {
            return;
        }
        if (filter.test(e)) {
            observer.onNext(view.apply(e));
        }
        next = e.getSequence() + 1;
    }

    private boolean finishIfAsked() {
        if (cancelled) {
            return true;
        }
        if (revoked != null) {
            endWith(revoked);
            return true;
        }
        if (cutOff) {
            endWith(Status.RESOURCE_EXHAUSTED.withDescription(
                    "subscriber fell behind; resume with from_sequence=" + next));
            return true;
        }
        if (shutdown) {
            endWith(Status.UNAVAILABLE.withDescription("hub is stopping; resume from " + next));
            return true;
        }
        return false;
    }

    private void endWith(Status status) {
        if (cancelled) {
            return;
        }
        cancelled = true;
        fanOut.remove(this);
        Metadata trailers = new Metadata();
        trailers.put(RESUME_FROM, Long.toString(next));
        try {
            observer.onError(status.asRuntimeException(trailers));
        } catch (IllegalStateException alreadyClosed) {
            // The call ended on its own meanwhile; nothing to tell.
        }
    }

    long stalledFor(long nowNanos) {
        long since = notReadySince;
        return since == 0 || cancelled ? 0 : nowNanos - since;
    }

    StreamLease lease() {
        return lease;
    }

    /** Ends the stream with the status its lease gave (it ended: log-out, disabled, expired). */
    void revoke(Status why) {
        revoked = why;
        signal();
    }

    void cutOff() {
        cutOff = true;
        signal();
    }

    void shutdown() {
        shutdown = true;
        signal();
    }

    void cancel() {
        cancelled = true;
    }

    /** Next sequence this subscriber will consider. */
    public long next() {
        return next;
    }
}
