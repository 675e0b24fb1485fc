package commandroom.server.clock;

import commandroom.server.loop.Hub;
import commandroom.server.loop.RecurringLists;
import commandroom.server.loop.RecurringRules;
import commandroom.server.loop.ReportAndDispatch;
import commandroom.server.loop.TaskRules;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the recurring lists when their period begins (each day, week, month in station time):
 * one incident and one task per list and zone, written once thanks to their keys. Runs on its own
 * scheduler thread, first at once.
 */
public final class RecurringListWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecurringListWatcher.class);

    private final Hub hub;
    private final RecurringLists lists;
    private final TaskRules tasks;
    private final Ticker ticker;

    public RecurringListWatcher(Hub hub, RecurringLists lists, TaskRules tasks, Duration period) {
        this.hub = hub;
        this.lists = lists;
        this.tasks = tasks;
        this.ticker = new Ticker("recurring-lists", Duration.ZERO, period, this::check);
    }

    private void check() {
        var due = hub.read(s -> RecurringRules.due(s, lists, hub.clock().instant(), OverdueWatcher.SYSTEM));
        for (RecurringRules.Due d : due) {
            ReportAndDispatch.run(hub, tasks, OverdueWatcher.SYSTEM, RecurringRules.incident(d),
                    incidentId -> RecurringRules.task(d, incidentId, hub.clock().instant()));
            LOG.info("recurring list {} handed out", d.key());
        }
    }

    @Override
    public void close() {
        ticker.close();
    }
}
