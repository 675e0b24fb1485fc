package commandroom.server.clock;

import commandroom.server.loop.Hub;
import commandroom.server.loop.Overdue;
import commandroom.v1.Actor;
import commandroom.v1.Event;
import commandroom.v1.Role;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Watches every open task's step clocks and raises TaskOverdue, once per clock, when one runs
 * out. The event reaches every console's stream, which is how the shift leader is alerted. Runs
 * on its own scheduler thread.
 */
public final class OverdueWatcher implements AutoCloseable {

    /** The actor of events the hub's own clocks raise. */
    public static final Actor SYSTEM = Actor.newBuilder().setUserId("system").setRole(Role.ROLE_ADMIN)
            .setDisplayName("系统时钟").build();

    private final Hub hub;
    private final Ticker ticker;

    public OverdueWatcher(Hub hub, Duration period) {
        this.hub = hub;
        this.ticker = new Ticker("overdue-watcher", period, period, this::check);
    }

    private void check() {
        var late = hub.read(s -> Overdue.scan(s, hub.clock().instant()));
        // Submitted together so the writer commits them as one group, then waited for.
        var pending = late.stream()
                .map(l -> hub.submit(SYSTEM, "", Event.KindCase.TASK_OVERDUE, Overdue.raise(l))).toList();
        pending.forEach(CompletableFuture::join);
    }

    @Override
    public void close() {
        ticker.close();
    }
}
