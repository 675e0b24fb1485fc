package commandroom.sim.rpc;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool.
 *
 * <p>Each simulated actor (a terminal, the dispatcher, ...) owns one of these and confines its
 * state to it, so that hundreds of actors share a handful of pool threads without a lock each.
 * gRPC callbacks are delivered here too (through {@code stub.withExecutor}), so an actor's state
 * is only ever touched by the task currently running on its serial executor.
 *
 * <p>Thread-safe: any thread may call {@link #execute}. Once the pool is shut down, new tasks are
 * dropped quietly: the simulator is stopping and nobody waits for them.
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    /** After this many tasks the drain yields the pool thread so that other actors get a turn. */
    private static final int BATCH = 64;

    private final Executor pool;
    private final String name;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean draining;

    /**
     * @param pool the shared pool that runs the tasks
     * @param name the actor's name, for log lines about failed tasks
     */
    public SerialExecutor(Executor pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            queue.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        submitDrain();
    }

    /**
     * Runs a task here after a delay, timed by the shared scheduler.
     *
     * @return the timer, to cancel; null when the scheduler is already shut down
     */
    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, long delayMillis, Runnable task) {
        try {
            return scheduler.schedule(() -> execute(task), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            return null;
        }
    }

    private void submitDrain() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException stopped) {
            synchronized (this) {
                queue.clear();
                draining = false;
            }
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // One broken step must not stall the actor: log it and go on with the next task.
                LOG.error("{}: task failed", name, e);
            }
        }
        submitDrain();
    }
}
