package commandroom.sim.county;

import commandroom.geo.LatLon;
import commandroom.geo.osm.PolylineRoads;
import commandroom.v1.CountySeed;
import commandroom.v1.Road;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo county's roads as an OpenStreetMap file, so that the demo's hub imports them through
 * the very path a station's extract takes (--roads): crossings made shared nodes, the lines
 * densified, each road's class as OSM's highway tag. Written again at each start; the same bytes
 * give the same SHA-256, so the hub's cached graph is reused. Stateless.
 */
public final class DemoRoads {

    private DemoRoads() {}

    /** Writes the county's roads to an .osm file and returns it. */
    public static Path writeOsm(CountySeed county, Path file) {
        List<PolylineRoads.Road> roads = county.getRoadsList().stream().map(DemoRoads::road).toList();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            PolylineRoads.write(roads, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo roads to " + file, e);
        }
        return file;
    }

    private static PolylineRoads.Road road(Road r) {
        return new PolylineRoads.Road(r.getName(), highway(r.getRoadClass()),
                r.getLineList().stream().map(p -> new LatLon(p.getLatitude(), p.getLongitude())).toList());
    }

    /** The seed's road class as OSM's highway value (a "path" is a footway: no cars). */
    static String highway(String roadClass) {
        return switch (roadClass) {
            case "primary", "secondary", "tertiary", "residential", "service" -> roadClass;
            case "path" -> "footway";
            default -> "unclassified";
        };
    }
}
