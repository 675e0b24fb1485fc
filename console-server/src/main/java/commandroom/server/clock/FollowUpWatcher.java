package commandroom.server.clock;

import commandroom.server.loop.CaseRules;
import commandroom.server.loop.Hub;
import commandroom.v1.Event;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each follow-up visit to the zone's community officer when it falls due: a follow-up task
 * that goes through the same loop (signed for, done, feedback, reviewed). Runs on its own
 * scheduler thread.
 */
public final class FollowUpWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpWatcher.class);

    private final Hub hub;
    private final CaseRules rules;
    private final ScheduledExecutorService timer;

    public FollowUpWatcher(Hub hub, CaseRules rules, Duration period) {
        this.hub = hub;
        this.rules = rules;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "follow-up-watcher");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            var due = hub.read(s -> CaseRules.due(s, hub.clock().instant()));
            var pending = due.stream().map(v -> hub.submit(OverdueWatcher.SYSTEM, "", Event.KindCase.TASK_DISPATCHED,
                    rules.dispatchVisit(v, OverdueWatcher.SYSTEM))).toList();
            pending.forEach(CompletableFuture::join);
        } catch (RuntimeException e) {
            // Retried at the next tick (e.g. no community officer registered yet).
            LOG.warn("follow-up check failed; retrying next tick", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
