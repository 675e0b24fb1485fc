package commandroom.server.clock;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's clocks' heartbeat: runs one check on its own daemon thread at a fixed delay. A check
 * that fails is logged and tried again at the next tick: a clock must never stop for good.
 */
final class Ticker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

    private final ScheduledExecutorService timer;

    Ticker(String name, Duration initialDelay, Duration period, Runnable check) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                check.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed; retrying next tick", name, e);
            }
        }, initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
