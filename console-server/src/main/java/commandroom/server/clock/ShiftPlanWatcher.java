package commandroom.server.clock;

import commandroom.server.loop.Hub;
import commandroom.server.loop.ShiftPlanRules;
import commandroom.v1.Event;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Puts units on and off duty as the imported shift plan (排班表) says, when their shifts begin and
 * end (see {@link ShiftPlanRules#act}); what cannot be done yet (a unit on an open task at the
 * end of its shift) is tried again at the next tick. Runs on its own scheduler thread.
 */
public final class ShiftPlanWatcher implements AutoCloseable {

    private final Hub hub;
    private final Ticker ticker;

    public ShiftPlanWatcher(Hub hub, Duration period) {
        this.hub = hub;
        this.ticker = new Ticker("shift-plan-watcher", period, period, this::check);
    }

    private void check() {
        var due = hub.read(s -> ShiftPlanRules.due(s, hub.clock().instant()));
        due.stream().map(d -> hub.submit(OverdueWatcher.SYSTEM, "", Event.KindCase.UNIT_DUTY_CHANGED,
                ShiftPlanRules.act(d))).toList().forEach(CompletableFuture::join);
    }

    @Override
    public void close() {
        ticker.close();
    }
}
