package commandroom.sim.loop;

import commandroom.sim.rpc.ConsoleFeed;
import commandroom.sim.rpc.SerialExecutor;
import commandroom.sim.rpc.Session;
import commandroom.v1.Event;
import io.grpc.Channel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the hub's event stream as a console user and tells its {@link LoopListener}s of each
 * loop the hub closes, with the time of every step.
 *
 * <p>Threading: the stream and the listeners run on the follower's own {@link SerialExecutor};
 * listeners may be added from any thread, at any time.
 */
public final class LoopFollower {
    private static final Logger LOG = LoggerFactory.getLogger(LoopFollower.class);

    private final ConsoleFeed feed;
    private final List<LoopListener> listeners = new CopyOnWriteArrayList<>();
    // Confined to the serial executor.
    private final LoopBook book = new LoopBook();

    /**
     * @param session a console user's session (any console role may subscribe)
     * @param channel the channel to the hub
     * @param scheduler the shared scheduler
     */
    public LoopFollower(Session session, Channel channel, ScheduledExecutorService scheduler) {
        SerialExecutor serial = new SerialExecutor(scheduler, "loop follower");
        this.feed = new ConsoleFeed("loop follower", channel, session, scheduler, serial, book::apply, this::onEvent);
    }

    /** Adds a listener for the loops closed from now on. */
    public void addListener(LoopListener listener) {
        listeners.add(listener);
    }

    /** Logs in and starts following. */
    public void start() {
        feed.start();
    }

    /** Stops following. */
    public void close() {
        feed.close();
    }

    private void onEvent(Event event) {
        book.apply(event).ifPresent(loop -> {
            for (LoopListener listener : listeners) {
                try {
                    listener.loopClosed(loop);
                } catch (RuntimeException e) {
                    LOG.warn("loop listener {} failed on {}", listener, loop.taskId(), e);
                }
            }
        });
    }
}
