package commandroom.bench.map;

import commandroom.app.model.GeoPoint;
import commandroom.app.model.RoadItem;
import commandroom.app.travel.RoadGraph;
import commandroom.app.travel.TravelTimes;
import commandroom.sim.county.DemoCounty;
import commandroom.v1.CountySeed;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The 1-3-5 minute rings of an incident, timed: for random places in the demo county, the road
 * graph's search for every kind of unit on the roads (patrol car, community and auxiliary officer,
 * grid worker, volunteer) plus each of the county's units' travel time to the place — what the map
 * and the dispatch dialog compute when an incident is picked. Also the graph's build. Prints
 * markdown; {@code --out FILE} appends it. Issue 5's target: one incident ≤ 20 ms.
 */
public final class TravelHarness {

    private static final String[] KINDS = {"PATROL_CAR", "COMMUNITY_OFFICER", "AUXILIARY_OFFICER", "GRID_WORKER",
            "VOLUNTEER"};

    private TravelHarness() {}

    public static void main(String[] args) throws Exception {
        Path out = commandroom.bench.HarnessOutput.outOf(args);
        CountySeed county = DemoCounty.load();
        List<RoadItem> roads = county.getRoadsList().stream().map(r -> new RoadItem(r.getId(), r.getName(),
                r.getRoadClass(), r.getLineList().stream().map(p -> new GeoPoint(p.getLatitude(), p.getLongitude()))
                .toList())).toList();
        List<GeoPoint> units = county.getUnitsList().stream()
                .map(u -> new GeoPoint(u.getPosition().getLatitude(), u.getPosition().getLongitude())).toList();
        double minLat = units.stream().mapToDouble(GeoPoint::latitude).min().orElseThrow();
        double maxLat = units.stream().mapToDouble(GeoPoint::latitude).max().orElseThrow();
        double minLon = units.stream().mapToDouble(GeoPoint::longitude).min().orElseThrow();
        double maxLon = units.stream().mapToDouble(GeoPoint::longitude).max().orElseThrow();

        long[] build = new long[200];
        RoadGraph graph = null;
        for (int i = 0; i < build.length; i++) {
            long t0 = System.nanoTime();
            graph = RoadGraph.of(roads);
            build[i] = System.nanoTime() - t0;
        }
        Random random = new Random(7);
        int warm = 500;
        int measured = 2000;
        long[] times = new long[measured];
        double sink = 0;
        for (int i = 0; i < warm + measured; i++) {
            GeoPoint place = new GeoPoint(minLat + random.nextDouble() * (maxLat - minLat),
                    minLon + random.nextDouble() * (maxLon - minLon));
            long t0 = System.nanoTime();
            for (String kind : KINDS) {
                TravelTimes t = TravelTimes.to(graph, place, kind);
                for (GeoPoint u : units) {
                    sink += Math.min(1e6, t.secondsFrom(u));
                }
            }
            long t = System.nanoTime() - t0;
            if (i >= warm) {
                times[i - warm] = t;
            }
        }
        Arrays.sort(times);
        Arrays.sort(build);
        String report = String.format(Locale.ROOT, "#### Travel times (%s)%n%d cores, load average %.2f; demo county: "
                        + "%d roads → %d nodes, %d edges; %d units; %d random places after %d to warm up (checksum %.0f)%n%n"
                        + "| what | p50 ms | p99 ms | max ms |%n|---|---|---|---|%n"
                        + "| one incident: %d searches + every unit's time | %.3f | %.3f | %.3f |%n"
                        + "| the road graph built from the roads | %.3f | %.3f | %.3f |%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), roads.size(), graph.nodeCount(),
                graph.edges().size(), units.size(), measured, warm, sink, KINDS.length,
                ms(times, 50), ms(times, 99), ms(times, 100), ms(build, 50), ms(build, 99), ms(build, 100));
        commandroom.bench.HarnessOutput.emit(report, out);
    }

    private static double ms(long[] sorted, double q) {
        int r = (int) Math.ceil(q / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))] / 1e6;
    }
}
