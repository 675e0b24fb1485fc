package commandroom.server.clock;

import commandroom.server.loop.Hub;
import commandroom.server.loop.Overdue;
import commandroom.v1.Actor;
import commandroom.v1.Event;
import commandroom.v1.Role;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every open task's step clocks and raises TaskOverdue, once per clock, when one runs
 * out. The event reaches every console's stream, which is how the shift leader is alerted. Runs
 * on its own scheduler thread.
 */
public final class OverdueWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueWatcher.class);

    /** The actor of events the hub's own clocks raise. */
    public static final Actor SYSTEM = Actor.newBuilder().setUserId("system").setRole(Role.ROLE_ADMIN)
            .setDisplayName("系统时钟").build();

    private final Hub hub;
    private final ScheduledExecutorService timer;

    public OverdueWatcher(Hub hub, Duration period) {
        this.hub = hub;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "overdue-watcher");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            var late = hub.read(s -> Overdue.scan(s, hub.clock().instant()));
            // Submitted together so the writer commits them as one group, then waited for.
            var pending = late.stream()
                    .map(l -> hub.submit(SYSTEM, "", Event.KindCase.TASK_OVERDUE, Overdue.raise(l))).toList();
            pending.forEach(java.util.concurrent.CompletableFuture::join);
        } catch (RuntimeException e) {
            // A failed check is retried at the next tick; the clock must never stop for good.
            LOG.warn("overdue check failed; retrying next tick", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
