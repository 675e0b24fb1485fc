package commandroom.sim.incident;

import commandroom.sim.rpc.RetryingCaller;
import commandroom.sim.rpc.Rpc;
import commandroom.sim.rpc.SerialExecutor;
import commandroom.sim.rpc.Session;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReportIncidentResponse;
import io.grpc.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated public: reports incidents to the hub as a duty officer ({@code sim-duty})
 * taking calls would, at Poisson arrival times per incident type.
 *
 * <p>Each report carries an idempotency key unique to this run and report, so a retry after
 * UNAVAILABLE never makes a second incident. Threading: confined to its own
 * {@link SerialExecutor}; {@link #start} and {@link #close} may be called from any thread.
 */
public final class IncidentGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentGenerator.class);

    private final Session session;
    private final ScheduledExecutorService scheduler;
    private final SerialExecutor serial;
    private final CommandServiceGrpc.CommandServiceStub stub;
    private final RetryingCaller caller;
    private final PoissonArrivals arrivals;
    private final IncidentComposer composer;
    /** Null: arrivals as drawn. Otherwise they are drawn at the curve's peak and thinned by the hour. */
    private final DayCurve curve;
    private final Random thinning;
    /** When the first incident comes (null: drawn as any other). */
    private final Duration first;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean closed;
    // Confined to the serial executor.
    private long count;
    private ScheduledFuture<?> timer;

    /**
     * @param session the duty officer's session
     * @param channel the channel to the hub
     * @param scheduler the shared scheduler
     * @param arrivals when and what arrives
     * @param composer what an arrival looks like
     */
    public IncidentGenerator(Session session, Channel channel, ScheduledExecutorService scheduler,
            PoissonArrivals arrivals, IncidentComposer composer) {
        this(session, channel, scheduler, arrivals, composer, null, new Random(0), null);
    }

    /**
     * As above, with arrivals that follow the hours of the day and a first incident at a set time.
     *
     * @param arrivals when and what arrives, drawn at the curve's peak rate when there is a curve
     * @param curve the day's curve that thins them, or null for none
     * @param thinning the chance each drawn arrival is kept by
     * @param first when the first incident comes, or null to draw it as any other
     */
    public IncidentGenerator(Session session, Channel channel, ScheduledExecutorService scheduler,
            PoissonArrivals arrivals, IncidentComposer composer, DayCurve curve, Random thinning, Duration first) {
        this.curve = curve;
        this.thinning = thinning;
        this.first = first;
        this.session = session;
        this.scheduler = scheduler;
        this.arrivals = arrivals;
        this.composer = composer;
        this.serial = new SerialExecutor(scheduler, "incident generator");
        this.stub = CommandServiceGrpc.newStub(channel).withCallCredentials(session.credentials()).withExecutor(serial);
        this.caller = new RetryingCaller(scheduler, session, () -> !closed);
    }

    /** Logs in and starts the arrivals. Does nothing if every rate is zero. */
    public void start() {
        if (arrivals.isSilent()) {
            LOG.info("incident generator: every rate is zero; no incidents will be generated");
            return;
        }
        session.start().whenCompleteAsync((user, failure) -> {
            if (failure == null && first != null) {
                PoissonArrivals.Arrival arrival = arrivals.next();
                timer = serial.schedule(scheduler, first.toMillis(), () -> {
                    report(arrival);
                    scheduleNext();
                });
            } else if (failure == null) {
                scheduleNext();
            }
        }, serial);
    }

    private void scheduleNext() {
        if (closed) {
            return;
        }
        PoissonArrivals.Arrival arrival = arrivals.next();
        timer = serial.schedule(scheduler, arrival.gap().toMillis(), () -> {
            if (curve == null || curve.keeps(Instant.now(), thinning.nextDouble())) {
                report(arrival);
            }
            scheduleNext();
        });
    }

    private void report(PoissonArrivals.Arrival arrival) {
        if (closed) {
            return;
        }
        count++;
        ReportIncidentRequest request = composer.compose(arrival.type()).toBuilder()
                .setIdempotencyKey("sim-incident:" + runId + ":" + count)
                .build();
        caller.<ReportIncidentResponse>call("ReportIncident", () -> Rpc.unary(o -> stub
                        .withDeadlineAfter(Rpc.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                        .reportIncident(request, o)))
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        LOG.warn("incident generator: report refused ({}): {}", Rpc.describe(failure),
                                request.getSummary());
                    } else {
                        LOG.debug("incident generator: reported {} at {}", response.getIncident().getId(),
                                request.getAddress());
                    }
                });
    }

    /** Stops generating; reports already sent finish on their own. */
    public void close() {
        closed = true;
        serial.execute(() -> {
            if (timer != null) {
                timer.cancel(false);
            }
        });
    }
}
