package commandroom.app.embedded;

import commandroom.server.HubBootstrap;
import commandroom.server.HubConfig;
import commandroom.sim.SimBootstrap;
import commandroom.sim.SimConfig;
import commandroom.sim.county.DemoCounty;
import commandroom.sim.video.DemoCameraStreams;
import commandroom.v1.CountySeed;
import commandroom.v1.IncidentType;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default: an in-process hub over the demo county (H2 file in the user's data
 * directory, TLS on 127.0.0.1) and the simulated field units, incidents, dispatcher and reviewer,
 * which log in over TLS exactly as terminals do. The only place in the app that touches the server
 * and the simulator (an architecture test keeps it so). Start and close from one thread.
 */
public final class EmbeddedDefault implements AutoCloseable {

    private final HubBootstrap hub;
    private final ManagedChannel simChannel;
    private final SimBootstrap sim;
    private DemoCameraStreams cameras;

    private EmbeddedDefault(HubBootstrap hub, ManagedChannel simChannel, SimBootstrap sim) {
        this.hub = hub;
        this.simChannel = simChannel;
        this.sim = sim;
    }

    /**
     * Starts hub and simulator. The simulator runs faster than real time (speed factor) so that a
     * demo shows loops closing within minutes; the hub's clocks run in real time.
     */
    public static EmbeddedDefault start(Path dataDir, int port, double speedFactor, PrintStream loopLog) throws IOException {
        return start(dataDir, port, speedFactor, loopLog, true);
    }

    /**
     * Who does the room's work beside the people at the consoles.
     */
    public enum Room {
        /** Nobody at a console: the simulator reports, dispatches and reviews at once (--no-ui). */
        SIMULATED,
        /** People do all of it: only the field units are simulated (tests that drive a console). */
        PEOPLE,
        /**
         * The embedded default with a window: calls come in through the day (more by day, fewer at
         * night) and simulated colleagues take an incident or a feedback left for two minutes.
         */
        LIVING
    }

    /** How long a simulated colleague leaves work to the people at the consoles (LIVING). */
    public static final Duration COLLEAGUE_WAIT = Duration.ofMinutes(2);
    /** The first call of a LIVING room comes this soon after start: a new user sees one at once. */
    public static final Duration FIRST_CALL = Duration.ofSeconds(15);

    /**
     * As {@link #start(Path, int, double, PrintStream)}; with people at the consoles
     * (simulatedCommand false) only the field units are simulated: no incident generator, no
     * automatic dispatcher or reviewer, so the people do that work.
     */
    public static EmbeddedDefault start(Path dataDir, int port, double speedFactor, PrintStream loopLog,
                                        boolean simulatedCommand) throws IOException {
        return start(dataDir, port, speedFactor, loopLog, simulatedCommand ? Room.SIMULATED : Room.PEOPLE, 0, null);
    }

    /**
     * Whether a start with this room writes the station's two published years first (a fresh data
     * directory, a window): that takes about a minute, once, and the launcher says so meanwhile.
     */
    public static boolean writesHistory(Path dataDir, Room room) {
        return room == Room.LIVING && StationHistory.isFresh(dataDir);
    }

    /**
     * Starts hub and simulator with the room as given.
     *
     * @param callsPerHour with LIVING, the day's mean of 110 calls per hour (other kinds of incident
     *     in proportion); 0 for none
     * @param historyProgress null to write no history; else the station's history is written when
     *     {@link #writesHistory} says so, and this is told how far it is, 0..1, from another thread
     */
    public static EmbeddedDefault start(Path dataDir, int port, double speedFactor, PrintStream loopLog,
                                        Room room, double callsPerHour, DoubleConsumer historyProgress)
            throws IOException {
        CountySeed county = DemoCounty.load();
        // The demo's roads go through the import a station's OSM extract takes.
        Path roads = commandroom.sim.county.DemoRoads.writeOsm(county, dataDir.resolve("demo-roads.osm"));
        HubConfig settings = HubConfig.embedded(dataDir).withSeed(county).asDemo();
        if (historyProgress != null && writesHistory(dataDir, room)) {
            // First start with a window: the station's two published years go into the log first.
            StationHistory.play(dataDir, settings, county, demoPassword(), historyProgress);
        }
        // The station's alarm queue (the history above is played without one: its calls are past).
        HubBootstrap hub = HubBootstrap.start(settings.withListener("127.0.0.1", port).withRoads(roads)
                .withAlarms(commandroom.server.loop.AlarmPolicy.station())
                .withFastestUnits(100 * Math.max(1, speedFactor)));
        try {
            // A few hundred milliseconds for the demo's town; the simulator's first routes need it.
            hub.roads().awaitSettled(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", hub.port(),
                        TlsChannelCredentials.newBuilder().trustManager(hub.certificate().toFile()).build())
                .maxInboundMessageSize(16 * 1024 * 1024).build();
        SimConfig config = simConfig(county, speedFactor, room, callsPerHour);
        SimBootstrap sim = SimBootstrap.start(config, channel, loopLog);
        // The intake offers the demo county's addresses as a real station's offers its own.
        DemoAddresses.importInBackground(channel, county, demoPassword());
        return new EmbeddedDefault(hub, channel, sim);
    }

    private static SimConfig simConfig(CountySeed county, double speedFactor, Room room, double callsPerHour) {
        SimConfig.Builder config = SimConfig.builder(county).speedFactor(speedFactor);
        switch (room) {
            case SIMULATED -> config.incidentRate(IncidentType.INCIDENT_TYPE_CALL_110, 240)
                    .incidentRate(IncidentType.INCIDENT_TYPE_DISPUTE, 120);
            case PEOPLE -> config.runIncidentGenerator(false).runAutoDispatcher(false).runAutoReviewer(false);
            case LIVING -> config.incidentRates(livingRates(callsPerHour)).dayCurve(true)
                    .colleagueWait(COLLEAGUE_WAIT).firstIncidentAfter(callsPerHour > 0 ? FIRST_CALL : null)
                    // A unit's emergency button now and then (a scuffle, a fall): once an hour or so.
                    .emergenciesPerHour(callsPerHour > 0 ? 1 : 0);
            default -> throw new IllegalArgumentException(room.name());
        }
        return config.build();
    }

    /**
     * A station's mix around its 110 calls: a dispute for every four calls, patrol findings,
     * information to collect and key persons' alerts fewer still.
     */
    static Map<IncidentType, Double> livingRates(double callsPerHour) {
        Map<IncidentType, Double> rates = new EnumMap<>(IncidentType.class);
        rates.put(IncidentType.INCIDENT_TYPE_CALL_110, callsPerHour);
        rates.put(IncidentType.INCIDENT_TYPE_DISPUTE, callsPerHour / 4);
        rates.put(IncidentType.INCIDENT_TYPE_PATROL_FINDING, callsPerHour / 6);
        rates.put(IncidentType.INCIDENT_TYPE_INFO_COLLECTION, callsPerHour / 8);
        rates.put(IncidentType.INCIDENT_TYPE_KEY_PERSON_ALERT, callsPerHour / 12);
        return rates;
    }

    /** The hub's TLS port on 127.0.0.1. */
    public int port() {
        return hub.port();
    }

    /** The password of every demo user. */
    public static String demoPassword() {
        return DemoCounty.DEMO_PASSWORD;
    }

    /** The hub's last durable event (for tests that check a console caught up). */
    public long lastSequence() {
        return hub.lastSequence();
    }

    /** The certificate a console must trust to reach the hub. */
    public Path certificate() {
        return hub.certificate();
    }

    /**
     * Starts live streams for the first cameras of the demo county (a wall of 4 shows them), for a
     * console with people at it; the rest of the county's cameras stay dark.
     */
    public void startCameraStreams(int count) {
        startCameraStreams(count, 704, 576);
    }

    /** As {@link #startCameraStreams(int)}, at another picture size (smaller ones cost less to encode). */
    public void startCameraStreams(int count, int width, int height) {
        startCameraStreams(count, width, height, false);
    }

    /** As above; with worn, the cameras units wear or carry stream too (the demo shows them). */
    public void startCameraStreams(int count, int width, int height, boolean worn) {
        if (cameras == null) {
            cameras = DemoCameraStreams.start(DemoCounty.load(), count, width, height, worn);
        }
    }

    @Override
    public void close() {
        if (cameras != null) {
            cameras.close();
        }
        sim.close();
        simChannel.shutdownNow();
        try {
            simChannel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hub.close();
    }
}
