package commandroom.server.roads;

import commandroom.geo.road.RoadImportException;
import commandroom.geo.road.RoadNetwork;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's one road network, so that every console and the simulator route with the same
 * numbers: imported from the OSM file the hub is started with (--roads FILE, the demo's own file
 * in the embedded default) in the background, since a county's import takes seconds and the hub
 * must serve meanwhile. Until it is loaded, or if the file cannot be used, there is no network and
 * the travel service answers with straight lines, each flagged; the file's problem is kept to
 * show. Thread-safe.
 */
public final class HubRoads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubRoads.class);

    private final AtomicReference<RoadNetwork> network = new AtomicReference<>();
    private final AtomicReference<String> problem = new AtomicReference<>("");
    private final CountDownLatch settled = new CountDownLatch(1);

    private HubRoads() {}

    /** No road network at all (a hub started without --roads). */
    public static HubRoads none() {
        HubRoads r = new HubRoads();
        r.problem.set("the hub was started without a roads file (--roads FILE.osm.pbf)");
        r.settled.countDown();
        return r;
    }

    /** Starts importing (or loading the cached import of) a roads file; returns at once. */
    public static HubRoads load(Path osmFile, Path cacheDir) {
        HubRoads r = new HubRoads();
        r.problem.set("the roads are being imported from " + osmFile.getFileName());
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                RoadNetwork n = RoadNetwork.open(osmFile, cacheDir);
                r.network.set(n);
                r.problem.set("");
                LOG.info("roads from {} {} in {} ms: {} road edges", osmFile.getFileName(),
                        n.imported() ? "imported" : "loaded", (System.nanoTime() - t0) / 1_000_000, n.edgeCount());
            } catch (RoadImportException e) {
                r.problem.set(e.getMessage());
                LOG.error("no road network, travel times are straight lines: {}", e.getMessage());
            } catch (RuntimeException e) {
                r.problem.set(osmFile.getFileName() + ": " + e);
                LOG.error("no road network, travel times are straight lines", e);
            } finally {
                r.settled.countDown();
            }
        }, "roads-import");
        t.setDaemon(true);
        t.start();
        return r;
    }

    /** The network, or null while there is none. */
    public RoadNetwork network() {
        return network.get();
    }

    /** Why there is no network ("" when there is one). */
    public String problem() {
        return problem.get();
    }

    /** Waits until the import has ended, one way or the other (tests, the demo's start). */
    public boolean awaitSettled(long timeout, TimeUnit unit) throws InterruptedException {
        return settled.await(timeout, unit);
    }

    @Override
    public void close() {
        RoadNetwork n = network.getAndSet(null);
        if (n != null) {
            n.close();
        }
    }
}
