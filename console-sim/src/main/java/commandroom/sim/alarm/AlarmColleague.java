package commandroom.sim.alarm;

import commandroom.sim.rpc.ConsoleFeed;
import commandroom.sim.rpc.Rpc;
import commandroom.sim.rpc.SerialExecutor;
import commandroom.sim.rpc.Session;
import commandroom.v1.AcknowledgeAlarmRequest;
import commandroom.v1.AcknowledgeAlarmResponse;
import commandroom.v1.Alarm;
import commandroom.v1.Event;
import commandroom.v1.Snapshot;
import io.grpc.Channel;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated duty officer as a colleague at the alarm queue ({@code sim-duty}): an alarm nobody
 * at a console acknowledged within the wait, the colleague acknowledges, so the living station's
 * queue does not fill up over hours. An alarm a person acknowledged first is left alone (the hub
 * refuses a second acknowledgement with FAILED_PRECONDITION, which is dropped). Threading: confined
 * to its own {@link SerialExecutor}; start and close from any thread.
 */
public final class AlarmColleague {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmColleague.class);

    private final ScheduledExecutorService scheduler;
    private final SerialExecutor serial;
    private final ConsoleFeed feed;
    private final Duration wait;
    // Confined to the serial executor.
    private final Set<String> done = new HashSet<>();

    public AlarmColleague(Session session, Channel channel, ScheduledExecutorService scheduler, Duration wait) {
        this.scheduler = scheduler;
        this.wait = wait;
        this.serial = new SerialExecutor(scheduler, "alarm colleague");
        this.feed = new ConsoleFeed("alarm colleague", channel, session, scheduler, serial, this::onSnapshot,
                this::onEvent);
    }

    public void start() {
        feed.start();
    }

    public void close() {
        feed.close();
    }

    private void onSnapshot(Snapshot s) {
        s.getAlarmsList().stream().filter(a -> !a.hasAcknowledgedAt() && !a.getStale()).forEach(this::later);
    }

    private void onEvent(Event e) {
        if (e.hasAlarmRaised() && !e.getAlarmRaised().getAlarm().getStale()) {
            later(e.getAlarmRaised().getAlarm());
        } else if (e.hasAlarmAcknowledged()) {
            done.add(e.getAlarmAcknowledged().getAlarmId());
        }
    }

    private void later(Alarm a) {
        serial.schedule(scheduler, wait.toMillis(), () -> {
            if (!done.contains(a.getId())) {
                acknowledge(a.getId());
            }
        });
    }

    private void acknowledge(String id) {
        AcknowledgeAlarmRequest r = AcknowledgeAlarmRequest.newBuilder().setAlarmId(id).build();
        feed.caller().<AcknowledgeAlarmResponse>call("AcknowledgeAlarm", () -> Rpc.unary(o -> feed.stub()
                        .withDeadlineAfter(Rpc.DEADLINE.toMillis(), TimeUnit.MILLISECONDS).acknowledgeAlarm(r, o)))
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        LOG.debug("alarm colleague: {} not acknowledged ({})", id, Rpc.describe(failure));
                    }
                });
    }
}
