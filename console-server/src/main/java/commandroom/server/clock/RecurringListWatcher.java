package commandroom.server.clock;

import commandroom.server.loop.Hub;
import commandroom.server.loop.IncidentRules;
import commandroom.server.loop.RecurringLists;
import commandroom.server.loop.RecurringRules;
import commandroom.server.loop.TaskRules;
import commandroom.v1.Event;
import commandroom.v1.Incident;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the recurring lists when their period begins (each day, week, month in station time):
 * one incident and one task per list and zone, written once thanks to their keys. Runs on its own
 * scheduler thread.
 */
public final class RecurringListWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecurringListWatcher.class);

    private final Hub hub;
    private final RecurringLists lists;
    private final TaskRules tasks;
    private final ScheduledExecutorService timer;

    public RecurringListWatcher(Hub hub, RecurringLists lists, TaskRules tasks, Duration period) {
        this.hub = hub;
        this.lists = lists;
        this.tasks = tasks;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recurring-lists");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            var due = hub.read(s -> RecurringRules.due(s, lists, hub.clock().instant(), OverdueWatcher.SYSTEM));
            for (RecurringRules.Due d : due) {
                var report = RecurringRules.incident(d);
                Incident incident = (Incident) hub.submit(OverdueWatcher.SYSTEM, report.getIdempotencyKey(),
                        Event.KindCase.INCIDENT_REPORTED, IncidentRules.report(report)).join().entity();
                var dispatch = RecurringRules.task(d, incident.getId(), hub.clock().instant());
                hub.submit(OverdueWatcher.SYSTEM, dispatch.getIdempotencyKey(), Event.KindCase.TASK_DISPATCHED,
                        tasks.dispatch(dispatch, OverdueWatcher.SYSTEM)).join();
                LOG.info("recurring list {} handed out", d.key());
            }
        } catch (RuntimeException e) {
            LOG.warn("recurring lists not handed out; retrying next tick", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
