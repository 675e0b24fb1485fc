package commandroom.server.clock;

import commandroom.server.loop.AlarmBook;
import commandroom.server.loop.AlarmPolicy;
import commandroom.server.loop.Hub;
import commandroom.v1.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Raises the alarms the log asks for and escalates the ones nobody acknowledged in time, each an
 * event by the hub's clock. It looks ten times a second: an alarm reaches the consoles about a
 * tenth of a second after the event that needs a person, and escalates within that of its time.
 * Every decision is rechecked by the writer against the alarm book, so a replica or a restart
 * that looks again raises and escalates nothing twice. Runs on its own scheduler thread.
 */
public final class AlarmWatcher implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(100);

    private final Hub hub;
    private final AlarmPolicy policy;
    private final Ticker ticker;

    public AlarmWatcher(Hub hub, AlarmPolicy policy) {
        this.hub = hub;
        this.policy = policy;
        this.ticker = new Ticker("alarm-watcher", Duration.ZERO, PERIOD, this::check);
    }

    private void check() {
        record Work(boolean start, List<Long> pending, List<Map.Entry<String, Integer>> due) {}
        Work w = hub.read(s -> new Work(!s.alarms().started(), s.alarms().pending(),
                s.alarms().due(hub.clock().instant())));
        List<CompletableFuture<Hub.Result>> submitted = new ArrayList<>();
        if (w.start()) {
            submitted.add(hub.submit(OverdueWatcher.SYSTEM, "", Event.KindCase.ALARMS_STARTED, AlarmBook.start()));
        }
        for (long sequence : w.pending()) {
            submitted.add(hub.submit(OverdueWatcher.SYSTEM, "", Event.KindCase.ALARM_RAISED,
                    AlarmBook.raise(sequence, policy)));
        }
        for (Map.Entry<String, Integer> due : w.due()) {
            submitted.add(hub.submit(OverdueWatcher.SYSTEM, "", Event.KindCase.ALARM_ESCALATED,
                    AlarmBook.escalate(due.getKey(), due.getValue(), policy)));
        }
        submitted.forEach(CompletableFuture::join);
    }

    @Override
    public void close() {
        ticker.close();
    }
}
