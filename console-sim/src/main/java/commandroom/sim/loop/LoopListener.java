package commandroom.sim.loop;

/**
 * Told of every loop (交办 task) the hub closes.
 *
 * <p>Called on the loop follower's serial executor, one loop at a time; an implementation must
 * be quick and must not block. Exceptions are logged and otherwise ignored.
 */
@FunctionalInterface
public interface LoopListener {
    /** A task was approved: its loop is closed. */
    void loopClosed(ClosedLoop loop);
}
