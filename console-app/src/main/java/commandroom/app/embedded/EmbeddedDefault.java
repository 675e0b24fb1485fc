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
     * As {@link #start(Path, int, double, PrintStream)}; with people at the consoles
     * (simulatedCommand false) only the field units are simulated: no incident generator, no
     * automatic dispatcher or reviewer, so the people do that work.
     */
    public static EmbeddedDefault start(Path dataDir, int port, double speedFactor, PrintStream loopLog,
                                        boolean simulatedCommand) throws IOException {
        CountySeed county = DemoCounty.load();
        // The demo's roads go through the import a station's OSM extract takes.
        Path roads = commandroom.sim.county.DemoRoads.writeOsm(county, dataDir.resolve("demo-roads.osm"));
        HubBootstrap hub = HubBootstrap.start(HubConfig.embedded(dataDir).withListener("127.0.0.1", port)
                .withSeed(county).withRoads(roads).asDemo()
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
        SimConfig config = SimConfig.builder(county).speedFactor(speedFactor)
                .incidentRate(IncidentType.INCIDENT_TYPE_CALL_110, 240)
                .incidentRate(IncidentType.INCIDENT_TYPE_DISPUTE, 120)
                .runIncidentGenerator(simulatedCommand).runAutoDispatcher(simulatedCommand)
                .runAutoReviewer(simulatedCommand).build();
        SimBootstrap sim = SimBootstrap.start(config, channel, loopLog);
        // The intake offers the demo county's addresses as a real station's offers its own.
        DemoAddresses.importInBackground(channel, county, demoPassword());
        return new EmbeddedDefault(hub, channel, sim);
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
