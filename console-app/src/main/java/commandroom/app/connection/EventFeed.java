package commandroom.app.connection;

import commandroom.app.model.ConnectionState;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.Event;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.Snapshot;
import commandroom.v1.SubscribeRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the console's projections following the hub: a snapshot, then {@code Subscribe} from the
 * next sequence; when the stream breaks, it says so at once and retries with backoff, resuming
 * from the last sequence received (no gap, no duplicate). Network work runs on its own thread and
 * gRPC's; everything reaches the FX thread through one {@link FxBatcher}.
 */
public final class EventFeed implements AutoCloseable {

    private static final long MIN_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 5000;
    /** A refusal waits for someone to act: asking again every few seconds would change nothing. */
    private static final long MIN_REFUSED_BACKOFF_MS = 30_000;
    private static final long MAX_REFUSED_BACKOFF_MS = 300_000;

    private final HubSession session;
    private final FxBatcher<FeedItem> batcher;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-feed");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastReceived;
    private volatile Instant downSince;
    private volatile long backoffMs = MIN_BACKOFF_MS;
    private volatile long refusedBackoffMs = MIN_REFUSED_BACKOFF_MS;
    private final FailureLog log = new FailureLog();
    /** The last failure was UNAUTHENTICATED: one more means the log-in is really gone. */
    private volatile boolean unauthenticatedOnce;
    private volatile Context.CancellableContext call;
    private volatile boolean closed;

    public EventFeed(HubSession session, ConsoleState state) {
        this.session = session;
        EventApplier applier = new EventApplier(state);
        this.batcher = new FxBatcher<>(items -> apply(state, applier, items));
    }

    /** Starts following; returns at once. */
    public void start() {
        timer.execute(this::connect);
    }

    private void connect() {
        if (closed) {
            return;
        }
        if (downSince != null) {
            // gRPC's own reconnect backoff grows to minutes; ours is shorter, so ask for a try now.
            session.channel().resetConnectBackoff();
        }
        var stub = CommandServiceGrpc.newStub(session.channel()).withCallCredentials(session.credentials());
        if (lastReceived == 0) {
            stub.withDeadlineAfter(15, TimeUnit.SECONDS).getSnapshot(GetSnapshotRequest.getDefaultInstance(),
                    new StreamObserver<>() {
                        @Override
                        public void onNext(Snapshot s) {
                            lastReceived = s.getAsOfSequence();
                            batcher.offer(new FeedItem.SnapshotItem(s));
                        }

                        @Override
                        public void onError(Throwable t) {
                            lost(t, true);
                        }

                        @Override
                        public void onCompleted() {
                            // The snapshot is the hub's answer: the console is live from here.
                            live();
                            subscribe(stub, false);
                        }
                    });
        } else {
            subscribe(stub, true);
        }
    }

    /**
     * Follows the log after {@code lastReceived}. On a resume the stream starts one event early,
     * at the last one applied: that event (dropped as a duplicate) is the hub's proof that the
     * stream is up, so the console says "live" only once the hub has answered, not when the call
     * was merely started into a cut cable.
     */
    private void subscribe(CommandServiceGrpc.CommandServiceStub stub, boolean resuming) {
        Context.CancellableContext ctx = Context.current().withCancellation();
        call = ctx;
        long from = resuming ? lastReceived : lastReceived + 1;
        boolean[] answered = {!resuming};
        ctx.run(() -> stub.subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(Event e) {
                        if (!answered[0]) {
                            answered[0] = true;
                            live();
                        }
                        if (e.getSequence() <= lastReceived) {
                            return;
                        }
                        lastReceived = e.getSequence();
                        batcher.offer(new FeedItem.EventItem(e));
                    }

                    @Override
                    public void onError(Throwable t) {
                        lost(t, false);
                    }

                    @Override
                    public void onCompleted() {
                        lost(Status.UNAVAILABLE.withDescription("the hub ended the stream").asRuntimeException(), false);
                    }
                }));
    }

    private void live() {
        backoffMs = MIN_BACKOFF_MS;
        refusedBackoffMs = MIN_REFUSED_BACKOFF_MS;
        unauthenticatedOnce = false;
        downSince = null;
        log.live();
        batcher.offer(new FeedItem.StateItem(new ConnectionState(ConnectionState.Status.LIVE, Instant.now(),
                lastReceived, "")));
    }

    private void lost(Throwable t, boolean snapshot) {
        if (closed) {
            return;
        }
        if (downSince == null) {
            downSince = Instant.now();
        }
        Status s = Status.fromThrowable(t);
        ConnectionState.Refusal refusal = FeedFailures.refusal(s, snapshot);
        if (s.getCode() == Status.Code.UNAUTHENTICATED && !unauthenticatedOnce) {
            // The hub ends a stream whose token ran out ("refresh and resume"): the next try
            // renews it. Only a log-in refused again (revoked, disabled) is a refusal.
            unauthenticatedOnce = true;
            refusal = null;
        } else if (s.getCode() != Status.Code.UNAUTHENTICATED) {
            unauthenticatedOnce = false;
        }
        String words = FeedFailures.words(s);
        long wait;
        if (refusal == null) {
            wait = backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        } else {
            wait = refusedBackoffMs;
            refusedBackoffMs = Math.min(MAX_REFUSED_BACKOFF_MS, refusedBackoffMs * 2);
        }
        log.failed(snapshot ? "GetSnapshot" : "Subscribe", words, refusal != null, wait);
        batcher.offer(new FeedItem.StateItem(new ConnectionState(refusal == null ? ConnectionState.Status.RECONNECTING
                : ConnectionState.Status.REFUSED, downSince, lastReceived, words, refusal)));
        timer.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
    }

    private static void apply(ConsoleState state, EventApplier applier, List<FeedItem> items) {
        for (FeedItem item : items) {
            if (item instanceof FeedItem.SnapshotItem s) {
                applier.applySnapshot(s.snapshot());
            } else if (item instanceof FeedItem.EventItem e) {
                applier.apply(List.of(e.event()));
            } else if (item instanceof FeedItem.StateItem st) {
                ConnectionState before = state.connection.get();
                state.connection.set(st.state());
                if (before.isLive() && !st.state().isLive()) {
                    state.alert(new ConsoleState.Alert(ConsoleState.Alert.Kind.CONNECTION_LOST, "", st.state().detail()));
                } else if (st.state().isLive() && (before.status() == ConnectionState.Status.RECONNECTING
                        || before.status() == ConnectionState.Status.REFUSED)) {
                    state.alert(new ConsoleState.Alert(ConsoleState.Alert.Kind.CONNECTION_BACK, "", ""));
                }
            }
        }
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
