package commandroom.server.ops;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * Decides whether the hub is healthy: it is when its database answers (the log is the truth: a hub
 * that cannot append must not take dispatches). Checked every 10 s and on every request to the
 * HTTP endpoint; the answer also sets the standard gRPC health service, so gRPC-aware balancers
 * and the plain-HTTP monitor see the same thing. Thread-safe.
 */
public final class HealthMonitor implements AutoCloseable {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final DataSource database;
    private final HealthStatusManager grpcHealth;
    private final LongSupplier lastSequence;
    private final IntSupplier subscribers;
    private final Clock clock;
    private final Instant started;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hub-health");
        t.setDaemon(true);
        return t;
    });

    public HealthMonitor(DataSource database, HealthStatusManager grpcHealth, LongSupplier lastSequence,
                         IntSupplier subscribers, Clock clock) {
        this.database = database;
        this.grpcHealth = grpcHealth;
        this.lastSequence = lastSequence;
        this.subscribers = subscribers;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** Starts the periodic check. */
    public void start(Duration period) {
        timer.scheduleWithFixedDelay(this::check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Checks now, updates the gRPC health service, and says what it found. */
    public HealthReport check() {
        String databaseError = null;
        try (Connection c = database.getConnection()) {
            if (!c.isValid(DATABASE_TIMEOUT_SECONDS)) {
                databaseError = "database did not answer within " + DATABASE_TIMEOUT_SECONDS + " s";
            }
        } catch (SQLException | RuntimeException e) {
            databaseError = String.valueOf(e.getMessage());
        }
        boolean serving = databaseError == null;
        grpcHealth.setStatus("", serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
        return new HealthReport(serving, databaseError, lastSequence.getAsLong(), subscribers.getAsInt(),
                Duration.between(started, clock.instant()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        grpcHealth.enterTerminalState();
    }
}
