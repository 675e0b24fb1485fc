package commandroom.server.cli;

import commandroom.geo.road.RoadImportException;
import commandroom.geo.road.RoadNetwork;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code commandroom-hub roads FILE}: imports a county's OpenStreetMap extract into the hub's road
 * cache (DATA/roads, by the file's SHA-256) ahead of a start with {@code --roads FILE}, and says
 * what it found, or names the file's problem and leaves the cache as it was. It touches no
 * database, so it may run beside a running hub; the hub takes the file at its next start.
 */
final class RoadsCommand {

    private final PrintStream out;

    RoadsCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        HubOptions o = HubOptions.parse(args, List.of());
        if (o.arguments().size() != 1) {
            throw new IllegalArgumentException("roads takes one file: commandroom-hub roads FILE.osm.pbf [options]");
        }
        Path file = Path.of(o.arguments().get(0));
        Path cache = o.hubConfig().roadsCacheDir();
        long t0 = System.nanoTime();
        try (RoadNetwork net = RoadNetwork.open(file, cache)) {
            out.printf("%s %s in %.1f s: %d road edges, %d junctions (SHA-256 %s); start the hub with --roads %s%n",
                    file.getFileName(), net.imported() ? "imported" : "already imported", (System.nanoTime() - t0) / 1e9,
                    net.edgeCount(), net.nodeCount(), net.sha256(), file);
            return HubCommandLine.OK;
        } catch (RoadImportException e) {
            throw new IllegalStateException("not imported: " + e.getMessage(), e);
        }
    }
}
