package commandroom.sim.rpc;

import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.Event;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.Snapshot;
import commandroom.v1.SubscribeRequest;
import io.grpc.Channel;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every simulated console actor (dispatcher, reviewer, loop follower) does first: log in,
 * take a snapshot of the hub, then follow {@code CommandService.Subscribe} from the snapshot's
 * sequence + 1, so that the actor misses nothing and sees nothing twice.
 *
 * <p>Threading: the snapshot and the events reach the consumers on the actor's
 * {@link SerialExecutor}. {@link #stub()} gives a stub whose callbacks run there too.
 * {@link #start} and {@link #close} may be called from any thread.
 */
public final class ConsoleFeed {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleFeed.class);

    private final String name;
    private final Session session;
    private final ScheduledExecutorService scheduler;
    private final SerialExecutor serial;
    private final CommandServiceGrpc.CommandServiceStub stub;
    private final RetryingCaller caller;
    private final EventFollower follower;
    private final Consumer<Snapshot> onSnapshot;
    private volatile boolean closed;

    /**
     * @param name the actor, for log lines
     * @param channel the channel to the hub
     * @param session the actor's session (a console role)
     * @param scheduler the shared scheduler
     * @param serial the actor's serial executor
     * @param onSnapshot gets the snapshot once, before any event
     * @param onEvent gets every event after the snapshot
     */
    public ConsoleFeed(String name, Channel channel, Session session, ScheduledExecutorService scheduler,
            SerialExecutor serial, Consumer<Snapshot> onSnapshot, Consumer<Event> onEvent) {
        this.name = name;
        this.session = session;
        this.scheduler = scheduler;
        this.serial = serial;
        this.onSnapshot = onSnapshot;
        this.stub = CommandServiceGrpc.newStub(channel).withCallCredentials(session.credentials()).withExecutor(serial);
        this.caller = new RetryingCaller(scheduler, session, () -> !closed);
        this.follower = new EventFollower(name + " events",
                (from, observer) -> stub.subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), observer),
                onEvent, serial, scheduler, session);
    }

    /** A command stub with the session's token whose callbacks run on the actor's serial executor; add a deadline per call. */
    public CommandServiceGrpc.CommandServiceStub stub() {
        return stub;
    }

    /** A retrying caller bound to the session, stopping when the feed closes. */
    public RetryingCaller caller() {
        return caller;
    }

    /** Logs in, takes the snapshot and starts following. */
    public void start() {
        session.start().whenCompleteAsync((user, failure) -> {
            if (failure == null) {
                takeSnapshot();
            }
        }, serial);
    }

    private void takeSnapshot() {
        if (closed) {
            return;
        }
        caller.<Snapshot>call("GetSnapshot", () -> Rpc.unary(o -> stub
                        .withDeadlineAfter(Rpc.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                        .getSnapshot(GetSnapshotRequest.getDefaultInstance(), o)))
                .whenCompleteAsync((snapshot, failure) -> {
                    if (closed) {
                        return;
                    }
                    if (failure != null) {
                        LOG.warn("{}: snapshot failed ({}); trying again", name, Rpc.describe(failure));
                        serial.schedule(scheduler, Backoff.MAX.toMillis(), this::takeSnapshot);
                        return;
                    }
                    onSnapshot.accept(snapshot);
                    follower.start(snapshot.getAsOfSequence() + 1);
                }, serial);
    }

    /** Stops following. The session is closed by its owner. */
    public void close() {
        closed = true;
        follower.close();
    }
}
