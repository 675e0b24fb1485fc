package commandroom.sim.rpc;

import commandroom.v1.Event;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a server stream of events ({@code Subscribe} or {@code Instructions}) for as long as
 * it is open: when the stream fails or ends it opens it again after a backoff (200 ms .. 5 s),
 * from the last sequence seen + 1, and drops any event at or below that sequence. The consumer
 * thus sees every event once, in order, with no gap across reconnects.
 *
 * <p>Threading: all callbacks, reconnects and the consumer run on the owner's
 * {@link SerialExecutor}; the opener must start the call on a stub built with
 * {@code withExecutor(thatSerialExecutor)}. {@link #start} and {@link #close} may be called from
 * any thread.
 */
public final class EventFollower {
    private static final Logger LOG = LoggerFactory.getLogger(EventFollower.class);
    /** A stream that stayed up this long before failing counts as healthy: reconnect quickly. */
    private static final long HEALTHY_MILLIS = 10_000;

    /** Starts the stream from a sequence, delivering to the observer. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @param fromSequence the first sequence wanted
         * @param observer receives the events
         */
        void open(long fromSequence, StreamObserver<Event> observer);
    }

    private final String name;
    private final Opener opener;
    private final Consumer<Event> consumer;
    private final SerialExecutor serial;
    private final ScheduledExecutorService scheduler;
    private final Session session;
    private final Backoff backoff = new Backoff();

    private volatile boolean closed;
    // Confined to the serial executor.
    private long lastSeen;
    private long openedAtNanos;
    private int generation;
    private Context.CancellableContext call;

    /**
     * @param name what is followed, for log lines
     * @param opener starts one call of the stream
     * @param consumer gets each new event, on the serial executor
     * @param serial the owner's serial executor
     * @param scheduler the shared scheduler, for reconnect delays
     * @param session the session whose token the stream carries (renewed on UNAUTHENTICATED)
     */
    public EventFollower(String name, Opener opener, Consumer<Event> consumer, SerialExecutor serial,
            ScheduledExecutorService scheduler, Session session) {
        this.name = name;
        this.opener = opener;
        this.consumer = consumer;
        this.serial = serial;
        this.scheduler = scheduler;
        this.session = session;
    }

    /** Starts following from a sequence (1 = from the start of the log). */
    public void start(long fromSequence) {
        serial.execute(() -> {
            lastSeen = Math.max(0, fromSequence - 1);
            open();
        });
    }

    /** The last sequence handed to the consumer; call on the serial executor. */
    public long lastSeen() {
        return lastSeen;
    }

    private void open() {
        if (closed) {
            return;
        }
        int mine = ++generation;
        openedAtNanos = System.nanoTime();
        Context.CancellableContext context = Context.current().withCancellation();
        call = context;
        StreamObserver<Event> observer = new StreamObserver<>() {
            @Override
            public void onNext(Event event) {
                if (mine == generation) {
                    deliver(event);
                }
            }

            @Override
            public void onError(Throwable t) {
                if (mine == generation) {
                    ended(t);
                }
            }

            @Override
            public void onCompleted() {
                if (mine == generation) {
                    ended(null);
                }
            }
        };
        long from = lastSeen + 1;
        context.run(() -> opener.open(from, observer));
    }

    private void deliver(Event event) {
        if (closed || event.getSequence() <= lastSeen) {
            return;
        }
        lastSeen = event.getSequence();
        backoff.reset();
        consumer.accept(event);
    }

    private void ended(Throwable failure) {
        if (closed) {
            return;
        }
        generation++;
        if (call != null) {
            call.cancel(null);
            call = null;
        }
        if (System.nanoTime() - openedAtNanos > TimeUnit.MILLISECONDS.toNanos(HEALTHY_MILLIS)) {
            backoff.reset();
        }
        long delay = backoff.nextDelayMillis();
        if (failure == null) {
            LOG.debug("{}: stream ended after sequence {}; reopening in {} ms", name, lastSeen, delay);
        } else {
            LOG.debug("{}: stream failed after sequence {} ({}); reopening in {} ms", name, lastSeen,
                    Rpc.describe(failure), delay);
        }
        if (failure != null && Rpc.code(failure) == Status.Code.UNAUTHENTICATED) {
            session.renew();
        }
        if (serial.schedule(scheduler, delay, () -> {
            session.wakeChannel();
            open();
        }) == null) {
            closed = true;
        }
    }

    /** Stops following and cancels the open call. */
    public void close() {
        closed = true;
        serial.execute(() -> {
            generation++;
            if (call != null) {
                call.cancel(null);
                call = null;
            }
        });
    }
}
