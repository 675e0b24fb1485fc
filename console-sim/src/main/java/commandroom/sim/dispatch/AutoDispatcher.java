package commandroom.sim.dispatch;

import commandroom.sim.rpc.ConsoleFeed;
import commandroom.sim.rpc.Rpc;
import commandroom.sim.rpc.SerialExecutor;
import commandroom.sim.rpc.Session;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.Incident;
import commandroom.v1.IncidentStatus;
import commandroom.v1.Snapshot;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskResponse;
import io.grpc.Channel;
import io.grpc.Status;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated shift leader ({@code sim-leader}): dispatches every new incident to the
 * nearest available unit, with a task kind that fits the incident type.
 *
 * <p>The idempotency key is derived from the incident id, so neither a retry after UNAVAILABLE
 * nor a restart of the simulator (which re-dispatches open incidents found in the snapshot)
 * ever makes a second task for the same incident. Threading: confined to its own
 * {@link SerialExecutor}; {@link #start} and {@link #close} may be called from any thread.
 */
public final class AutoDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AutoDispatcher.class);
    /** A leader reads the incident before dispatching: 2..6 s real time, before the speed factor. */
    private static final double MIN_THINK_SECONDS = 2;
    private static final double MAX_THINK_SECONDS = 6;

    private final ScheduledExecutorService scheduler;
    private final SerialExecutor serial;
    private final ConsoleFeed feed;
    /** The hub's travel times, to send the quickest unit as the console would rank it. */
    private final commandroom.v1.TravelServiceGrpc.TravelServiceStub travel;
    private final Random random;
    private final double speedFactor;
    // Confined to the serial executor.
    private final UnitBoard board = new UnitBoard();
    private final Set<String> handled = new HashSet<>();
    /** Incidents someone has sent a unit to: after the wait, the simulated leader leaves them alone. */
    private final Set<String> dispatched = new HashSet<>();
    private final Duration wait;

    /**
     * @param session the shift leader's session
     * @param channel the channel to the hub
     * @param scheduler the shared scheduler
     * @param speedFactor how much faster than real time the leader thinks
     * @param random source of chance
     */
    public AutoDispatcher(Session session, Channel channel, ScheduledExecutorService scheduler, double speedFactor,
            Random random) {
        this(session, channel, scheduler, speedFactor, random, Duration.ZERO);
    }

    /**
     * As above; with a wait, the simulated leader is a colleague who leaves each new incident to the
     * people at the consoles for that long (real time) and dispatches only those nobody has.
     */
    public AutoDispatcher(Session session, Channel channel, ScheduledExecutorService scheduler, double speedFactor,
            Random random, Duration wait) {
        this.wait = wait;
        this.scheduler = scheduler;
        this.speedFactor = speedFactor;
        this.random = random;
        this.serial = new SerialExecutor(scheduler, "auto dispatcher");
        this.travel = commandroom.v1.TravelServiceGrpc.newStub(channel).withCallCredentials(session.credentials());
        this.feed = new ConsoleFeed("auto dispatcher", channel, session, scheduler, serial, this::onSnapshot,
                this::onEvent);
    }

    /** Logs in and starts dispatching. */
    public void start() {
        feed.start();
    }

    /** Stops dispatching; dispatches already sent finish on their own. */
    public void close() {
        feed.close();
    }

    private void onSnapshot(Snapshot snapshot) {
        board.apply(snapshot);
        snapshot.getTasksList().forEach(t -> dispatched.add(t.getIncidentId()));
        for (Incident incident : snapshot.getIncidentsList()) {
            if (incident.getStatus() == IncidentStatus.INCIDENT_STATUS_OPEN && incident.getTaskIdsCount() == 0) {
                later(incident);
            }
        }
    }

    private void onEvent(Event event) {
        board.apply(event);
        if (event.hasTaskDispatched()) {
            dispatched.add(event.getTaskDispatched().getTask().getIncidentId());
        }
        if (event.hasIncidentReported()) {
            later(event.getIncidentReported().getIncident());
        }
    }

    private void later(Incident incident) {
        if (!handled.add(incident.getId())) {
            return;
        }
        double seconds = MIN_THINK_SECONDS + random.nextDouble() * (MAX_THINK_SECONDS - MIN_THINK_SECONDS);
        serial.schedule(scheduler, wait.toMillis() + Math.round(seconds * 1000 / speedFactor), () -> {
            // With a wait, someone at a console may have sent a unit meanwhile.
            if (wait.isZero() || !dispatched.contains(incident.getId())) {
                dispatch(incident);
            }
        });
    }

    /**
     * Asks the hub how long each unit that may go takes (the ranking the console shows a shift
     * leader) and sends the quickest; if the hub cannot say, the nearest in a straight line.
     */
    private void dispatch(Incident incident) {
        java.util.List<NearestUnitChooser.Candidate> mayGo =
                NearestUnitChooser.mayGo(board.candidates(), incident.getPriority());
        commandroom.v1.RankArrivalsRequest.Builder ask = commandroom.v1.RankArrivalsRequest.newBuilder()
                .setPlace(incident.getPosition());
        mayGo.forEach(c -> ask.addUnits(commandroom.v1.TravelUnit.newBuilder().setUnitId(c.unitId())
                .setKind(c.kind() == commandroom.v1.UnitKind.UNIT_KIND_UNSPECIFIED
                        ? commandroom.v1.UnitKind.UNIT_KIND_COMMUNITY_OFFICER : c.kind())
                .setPosition(c.position())));
        Rpc.<commandroom.v1.RankArrivalsReply>unary(o -> travel
                        .withDeadlineAfter(Rpc.DEADLINE.toMillis(), TimeUnit.MILLISECONDS).rankArrivals(ask.build(), o))
                .whenCompleteAsync((ranked, failure) -> {
                    java.util.Map<String, Double> seconds = new java.util.HashMap<>();
                    if (ranked != null) {
                        ranked.getArrivalsList().forEach(a -> seconds.put(a.getUnitId(), a.getSeconds()));
                    } else {
                        LOG.debug("auto dispatcher: no travel times ({}); the nearest goes", Rpc.describe(failure));
                    }
                    dispatch(incident, ranked == null
                            ? NearestUnitChooser.choose(mayGo, incident.getPosition(), incident.getPriority())
                            : NearestUnitChooser.choose(mayGo, incident.getPriority(),
                                    c -> seconds.getOrDefault(c.unitId(), Double.MAX_VALUE)));
                }, serial);
    }

    private void dispatch(Incident incident, Optional<NearestUnitChooser.Candidate> chosen) {
        if (chosen.isEmpty()) {
            LOG.warn("auto dispatcher: no unit may go to {} ({})", incident.getId(), incident.getAddress());
            return;
        }
        String unitId = chosen.get().unitId();
        TaskKind kind = Instructions.kindFor(incident.getType());
        DispatchTaskRequest request = DispatchTaskRequest.newBuilder()
                .setIncidentId(incident.getId())
                .setKind(kind)
                .addUnitIds(unitId)
                .setInstruction(Instructions.textFor(kind, incident))
                .setIdempotencyKey("sim-dispatch:" + incident.getId())
                .build();
        board.choosing(incident.getId(), unitId);
        feed.caller().<TaskResponse>call("DispatchTask", () -> Rpc.unary(o -> feed.stub()
                        .withDeadlineAfter(Rpc.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                        .dispatchTask(request, o)))
                .whenCompleteAsync((response, failure) -> {
                    if (failure == null) {
                        board.dispatched(response.getTask());
                        LOG.debug("auto dispatcher: {} -> {} ({})", incident.getId(), unitId, kind);
                        return;
                    }
                    board.chosenInVain(incident.getId());
                    Status.Code code = Rpc.code(failure);
                    if (code == Status.Code.FAILED_PRECONDITION || code == Status.Code.NOT_FOUND
                            || code == Status.Code.ABORTED) {
                        LOG.debug("auto dispatcher: {} not dispatched ({})", incident.getId(), Rpc.describe(failure));
                    } else {
                        LOG.warn("auto dispatcher: {} not dispatched ({})", incident.getId(), Rpc.describe(failure));
                    }
                }, serial);
    }
}
