package commandroom.sim;

import commandroom.sim.county.CountyIndex;
import commandroom.sim.dispatch.AutoDispatcher;
import commandroom.sim.incident.IncidentComposer;
import commandroom.sim.incident.DayCurve;
import commandroom.sim.incident.IncidentGenerator;
import commandroom.sim.incident.PoissonArrivals;
import commandroom.sim.loop.LoopFollower;
import commandroom.sim.loop.LoopListener;
import commandroom.sim.loop.LoopPrinter;
import commandroom.sim.review.AutoReviewer;
import commandroom.sim.rpc.Session;
import commandroom.sim.terminal.FieldTerminal;
import commandroom.sim.terminal.TerminalSettings;
import commandroom.v1.IncidentType;
import commandroom.v1.Role;
import commandroom.v1.SeedUser;
import commandroom.v1.Unit;
import io.grpc.Channel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way in to the simulated world: starts a terminal per field unit of the county, the
 * incident generator, the auto dispatcher, the auto reviewer and the loop printer, all over one
 * channel to a hub and one small shared thread pool; {@link #close()} stops them all.
 *
 * <p>The hub must already hold the county's users (it seeds them from the same
 * {@code CountySeed}); the simulated users log in with {@link SimConfig#password()} and keep
 * trying until they can, so the simulator may start before the hub is quite ready.
 *
 * <p>Threading: {@link #start}, {@link #addLoopListener} and {@link #close} may be called from
 * any thread; everything else runs on the simulator's own pool.
 */
public final class SimBootstrap implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimBootstrap.class);
    /** Terminals log in this far apart, so that a hub hashing passwords is not hit by all at once. */
    private static final long TERMINAL_STAGGER_MILLIS = 10;
    /** A late unit waits past a deadline only if the deadline is this near. */
    private static final Duration MAX_LATE_WAIT = Duration.ofMinutes(10);
    private static final long LOGOUT_WAIT_MILLIS = 3000;
    private static final long POOL_WAIT_SECONDS = 5;

    private final ScheduledThreadPoolExecutor pool;
    private final List<FieldTerminal> terminals = new ArrayList<>();
    private final List<Session> consoleSessions = new ArrayList<>();
    private IncidentGenerator generator;
    private AutoDispatcher dispatcher;
    private AutoReviewer reviewer;
    private commandroom.sim.alarm.AlarmColleague alarms;
    private LoopFollower loops;
    private boolean closed;

    private SimBootstrap(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, "commandroom-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
    }

    /**
     * Starts the simulated world.
     *
     * @param config what to simulate
     * @param channel a channel to the hub; the caller owns it and shuts it down after {@link #close()}
     * @param loopLog where to write one line per closed loop, or null for nowhere
     * @return the running simulator
     */
    public static SimBootstrap start(SimConfig config, Channel channel, PrintStream loopLog) {
        SimBootstrap sim = new SimBootstrap(config.schedulerThreads());
        sim.startAll(config, channel, loopLog);
        return sim;
    }

    private synchronized void startAll(SimConfig config, Channel channel, PrintStream loopLog) {
        long seed = config.randomSeed();
        loops = new LoopFollower(consoleSession(channel, SimConfig.DUTY_USER, config), channel, pool);
        if (loopLog != null) {
            loops.addListener(new LoopPrinter(loopLog));
        }
        loops.start();
        if (config.runAutoReviewer()) {
            reviewer = new AutoReviewer(consoleSession(channel, SimConfig.CHIEF_USER, config), channel, pool,
                    config.returnProbability(), config.speedFactor(), random(seed, -3), config.colleagueWait());
            reviewer.start();
        }
        if (config.runAutoDispatcher()) {
            dispatcher = new AutoDispatcher(consoleSession(channel, SimConfig.LEADER_USER, config), channel, pool,
                    config.speedFactor(), random(seed, -2), config.colleagueWait());
            dispatcher.start();
        }
        if (config.runTerminals()) {
            startTerminals(config, channel, seed);
        }
        if (!config.colleagueWait().isZero()) {
            // With people at the consoles, a colleague acknowledges what they leave in the alarm queue.
            alarms = new commandroom.sim.alarm.AlarmColleague(consoleSession(channel, SimConfig.DUTY_USER, config),
                    channel, pool, config.colleagueWait());
            alarms.start();
        }
        if (config.runIncidentGenerator()) {
            CountyIndex county = new CountyIndex(config.county());
            DayCurve curve = config.dayCurve() ? DayCurve.station() : null;
            Map<IncidentType, Double> rates = new EnumMap<>(IncidentType.class);
            config.incidentRatesPerHour().forEach((type, rate) -> rates.put(type, curve == null ? rate : rate * curve.peak()));
            generator = new IncidentGenerator(consoleSession(channel, SimConfig.DUTY_USER, config), channel, pool,
                    new PoissonArrivals(rates, random(seed, -1)),
                    new IncidentComposer(county, random(seed, -4)), curve, random(seed, -5), config.firstIncidentAfter());
            generator.start();
        }
        LOG.info("simulator started: {} terminals, generator {}, dispatcher {}, reviewer {}, speed x{}",
                terminals.size(), generator != null, dispatcher != null, reviewer != null, config.speedFactor());
    }

    private void startTerminals(SimConfig config, Channel channel, long seed) {
        Map<String, Unit> units = config.county().getUnitsList().stream()
                .collect(Collectors.toMap(Unit::getId, Function.identity(), (a, b) -> b));
        long fieldUsers = config.county().getUsersList().stream()
                .filter(u -> u.getRole() == Role.ROLE_FIELD_UNIT && !u.getUnitId().isEmpty()).count();
        TerminalSettings settings = new TerminalSettings(config.speedFactor(), config.photoProbability(),
                config.lateProbability(), MAX_LATE_WAIT, config.emergenciesPerHour() / Math.max(1, fieldUsers));
        int index = 0;
        for (SeedUser user : config.county().getUsersList()) {
            if (user.getRole() != Role.ROLE_FIELD_UNIT || user.getUnitId().isEmpty()) {
                continue;
            }
            Unit unit = units.get(user.getUnitId());
            if (unit == null) {
                LOG.warn("field user {} speaks for unknown unit {}; no terminal", user.getUsername(), user.getUnitId());
                continue;
            }
            Session session = new Session(channel, user.getUsername(), config.password(), pool);
            FieldTerminal terminal = new FieldTerminal(unit, session, channel, pool, settings, random(seed, index));
            terminals.add(terminal);
            pool.schedule(terminal::start, index * TERMINAL_STAGGER_MILLIS, TimeUnit.MILLISECONDS);
            index++;
        }
    }

    /** One session per console user, shared by the actors that log in as that user. */
    private Session consoleSession(Channel channel, String username, SimConfig config) {
        for (Session session : consoleSessions) {
            if (session.username().equals(username)) {
                return session;
            }
        }
        Session session = new Session(channel, username, config.password(), pool);
        consoleSessions.add(session);
        return session;
    }

    private static Random random(long seed, int actor) {
        // Different, reproducible streams per actor from one seed.
        return new Random(seed * 0x9E3779B97F4A7C15L + actor);
    }

    /** Adds a listener told of every loop closed from now on (on the simulator's thread; keep it quick). */
    public void addLoopListener(LoopListener listener) {
        loops.addListener(listener);
    }

    /** Stops every simulated actor, logs them out (best effort, a few seconds at most) and stops the pool. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (generator != null) {
            generator.close();
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (reviewer != null) {
            reviewer.close();
        }
        if (alarms != null) {
            alarms.close();
        }
        loops.close();
        List<CompletableFuture<Void>> logouts = new ArrayList<>();
        terminals.forEach(t -> logouts.add(t.close()));
        consoleSessions.forEach(s -> logouts.add(s.close()));
        try {
            CompletableFuture.allOf(logouts.toArray(CompletableFuture[]::new))
                    .get(LOGOUT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("simulator: not every logout was answered ({})", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(POOL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("simulator: pool threads still busy after {} s", POOL_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("simulator stopped");
    }
}
