package commandroom.server.clock;

import commandroom.server.loop.CaseRules;
import commandroom.server.loop.Hub;
import commandroom.v1.Event;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Hands each follow-up visit to the zone's community officer when it falls due: a follow-up task
 * that goes through the same loop (signed for, done, feedback, reviewed). A visit that cannot be
 * handed out (no community officer yet) is tried again at the next tick. Runs on its own
 * scheduler thread.
 */
public final class FollowUpWatcher implements AutoCloseable {

    private final Hub hub;
    private final CaseRules rules;
    private final Ticker ticker;

    public FollowUpWatcher(Hub hub, CaseRules rules, Duration period) {
        this.hub = hub;
        this.rules = rules;
        this.ticker = new Ticker("follow-up-watcher", period, period, this::check);
    }

    private void check() {
        var due = hub.read(s -> CaseRules.due(s, hub.clock().instant()));
        var pending = due.stream().map(v -> hub.submit(OverdueWatcher.SYSTEM, "", Event.KindCase.TASK_DISPATCHED,
                rules.dispatchVisit(v, OverdueWatcher.SYSTEM))).toList();
        pending.forEach(CompletableFuture::join);
    }

    @Override
    public void close() {
        ticker.close();
    }
}
