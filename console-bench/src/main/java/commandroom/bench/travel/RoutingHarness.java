package commandroom.bench.travel;

import commandroom.geo.Earth;
import commandroom.geo.LatLon;
import commandroom.geo.Mover;
import commandroom.geo.SpeedProfiles;
import commandroom.geo.road.Arrival;
import commandroom.geo.road.Gaps;
import commandroom.geo.road.RoadNetwork;
import commandroom.geo.road.Traveller;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Travel times on a county-sized road network, timed (issue 19): generates an OSM extract of
 * ≥ 200,000 road edges ({@link CountyRoads}), imports it with GraphHopper (timed), places a
 * county's units at random, then for random incidents times the 1-3-5 minute rings (patrol car)
 * plus every unit's travel time to the incident (the dispatch ranking), and the coverage gaps of
 * the whole county for the responders. Beside each, a baseline from the same run: the
 * straight-line ranking the console used before, and straight-line gaps. Prints markdown;
 * {@code --out FILE} appends it. Options: {@code --side N} (junctions a side, default 320),
 * {@code --incidents N} (default 300), {@code --cell M} (gap cell side in metres, default 200).
 */
public final class RoutingHarness {

    private static final LatLon ORIGIN = new LatLon(29.20, 119.80);
    private static final int[] RINGS = {60, 180, 300};

    private RoutingHarness() {}

    public static void main(String[] args) throws Exception {
        int side = intArg(args, "--side", 320);
        int incidents = intArg(args, "--incidents", 300);
        int cell = intArg(args, "--cell", 200);
        Path out = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--out")) {
                out = Path.of(args[i + 1]);
            }
        }
        Path dir = Files.createTempDirectory("routing-harness");
        StringBuilder r = new StringBuilder();
        try {
            Path osm = dir.resolve("county.osm");
            long t0 = System.nanoTime();
            CountyRoads.write(osm, ORIGIN, side);
            double writeS = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            RoadNetwork net = RoadNetwork.open(osm, dir.resolve("graphs"));
            double importS = (System.nanoTime() - t0) / 1e9;
            net.close();
            t0 = System.nanoTime();
            net = RoadNetwork.open(osm, dir.resolve("graphs"));
            double loadS = (System.nanoTime() - t0) / 1e9;
            double sideMetres = (side - 1) * CountyRoads.STEP;
            r.append(String.format(Locale.ROOT, "### Routing on a generated county (%d road edges, %d junctions, %.0f km², "
                            + "%.0f MB .osm)%n%n", net.edgeCount(), net.nodeCount(), sideMetres * sideMetres / 1e6,
                    Files.size(osm) / 1e6));
            r.append(String.format(Locale.ROOT, "- %s, %d cores, load average %.2f at the start%n", java.time.Instant.now(),
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            r.append(String.format(Locale.ROOT, "- generate the .osm: %.1f s; GraphHopper import: %.1f s; load of the "
                    + "cached graph: %.2f s%n", writeS, importS, loadS));

            Random random = new Random(5);
            double sink = 0;
            List<Traveller> units = units(random, sideMetres);
            List<LatLon> places = new ArrayList<>();
            for (int i = 0; i < incidents; i++) {
                places.add(Earth.offset(ORIGIN, random.nextDouble() * sideMetres, random.nextDouble() * sideMetres));
            }
            int warm = Math.min(50, incidents);
            long[][] whole = incidents(net, units, places, warm);
            // One station's hub: the demo county's 69 units within 8 km of the town in the middle,
            // incidents there too (a search stops once it has reached the kind's last unit).
            LatLon town = Earth.offset(ORIGIN, sideMetres / 2, sideMetres / 2);
            List<Traveller> station = units(random, 16_000, Earth.offset(town, -8000, -8000), new int[] {6, 12, 22, 12, 15, 2});
            List<LatLon> stationPlaces = new ArrayList<>();
            for (int i = 0; i < incidents; i++) {
                stationPlaces.add(Earth.offset(town, random.nextDouble() * 16_000 - 8000, random.nextDouble() * 16_000 - 8000));
            }
            long[][] one = incidents(net, station, stationPlaces, warm);
            int noRoad = (int) whole[2][0];
            sink += whole[2][1] + one[2][1];
            r.append(String.format(Locale.ROOT, "- the county: %d units at random over it (%s); one station: %d units "
                    + "within 8 km of the town; %d incidents at random in each, after %d to warm up%n",
                    units.size(), mix(units), station.size(), incidents, warm));
            r.append("\n| per incident | p50 | p99 | max |\n|---|---|---|---|\n");
            r.append(row("county: 1-3-5 rings (patrol car) + every unit's travel time, ranked (target p99 ≤ 50 ms)", whole[0]));
            r.append(row("county baseline: straight-line ranking at 20 km/h (the console before)", whole[1]));
            r.append(row("one station: 1-3-5 rings + every unit's travel time, ranked", one[0]));
            r.append(row("one station baseline: straight-line ranking", one[1]));
            r.append(String.format(Locale.ROOT, "%nUnits flagged no road (further than %.0f m from one): %.1f per incident."
                    + " Units beyond the ranking's %.0f-minute horizon (ranked last, marked so): %.1f of %d per incident"
                    + " in the county, %.1f of %d in one station.%n", RoadNetwork.UNIT_SNAP_METRES,
                    noRoad / (double) incidents, RoadNetwork.HORIZON_SECONDS / 60, whole[2][2] / (double) incidents,
                    units.size(), one[2][2] / (double) incidents, station.size()));

            List<Traveller> responders = units.stream().filter(u -> u.kind() == Mover.PATROL_CAR
                    || u.kind() == Mover.COMMUNITY_OFFICER || u.kind() == Mover.AUXILIARY_OFFICER).toList();
            List<List<LatLon>> county = List.of(List.of(ORIGIN, Earth.offset(ORIGIN, sideMetres, 0),
                    Earth.offset(ORIGIN, sideMetres, sideMetres), Earth.offset(ORIGIN, 0, sideMetres)));
            t0 = System.nanoTime();
            Gaps cold = net.gaps(responders, county, cell, 300);
            double coldS = (System.nanoTime() - t0) / 1e9;
            long[] warmGaps = new long[5];
            Gaps g = cold;
            for (int i = 0; i < warmGaps.length; i++) {
                // Units move between two looks: shift each a little.
                List<Traveller> moved = responders.stream().map(u -> new Traveller(u.id(), u.kind(),
                        Earth.offset(u.at(), random.nextDouble() * 200 - 100, random.nextDouble() * 200 - 100))).toList();
                long g0 = System.nanoTime();
                g = net.gaps(moved, county, cell, 300);
                warmGaps[i] = System.nanoTime() - g0;
            }
            long g0 = System.nanoTime();
            double straightShare = straightGaps(responders, county.get(0), sideMetres, cell);
            double straightS = (System.nanoTime() - g0) / 1e9;
            r.append(String.format(Locale.ROOT, "%n| whole-county coverage gaps, %d responders, %d m cells (%d cells) | time |"
                    + " covered |%n|---|---|---|%n", responders.size(), cell, g.cells()));
            r.append(String.format(Locale.ROOT, "| first look (cells meet the roads, then the searches; target ≤ 2 s) | %.2f s | %.1f %% |%n",
                    coldS, cold.coveredShare() * 100));
            Arrays.sort(warmGaps);
            r.append(String.format(Locale.ROOT, "| later looks, units moved (median of %d) | %.2f s | %.1f %% |%n",
                    warmGaps.length, warmGaps[warmGaps.length / 2] / 1e9, g.coveredShare() * 100));
            r.append(String.format(Locale.ROOT, "| baseline: straight-line reach at road speed, same cells | %.2f s | %.1f %% |%n",
                    straightS, straightShare * 100));
            r.append(String.format(Locale.ROOT, "%nLoad average at the end %.2f. Heap used after the run: %d MB. (checksum %.0f)%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, sink));
            net.close();
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        stdout.print(r);
        if (out != null) {
            Files.writeString(out, r.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /**
     * Times rings + ranking and the straight-line baseline per incident; {routed, straight, {no-road
     * count, checksum, beyond-the-horizon count}}.
     */
    private static long[][] incidents(RoadNetwork net, List<Traveller> units, List<LatLon> places, int warm) {
        int n = places.size();
        long[] routed = new long[n];
        long[] straight = new long[n];
        long noRoad = 0;
        long beyond = 0;
        double sink = 0;
        for (int i = 0; i < warm + n; i++) {
            LatLon place = places.get(i % n);
            long s0 = System.nanoTime();
            sink += net.rings(place, Mover.PATROL_CAR, RINGS).rings().size();
            List<Arrival> times = net.arrivals(place, units);
            List<Arrival> ranked = times.stream().sorted(Comparator.comparingDouble(Arrival::seconds)).toList();
            long s1 = System.nanoTime();
            sink += ranked.get(0).seconds();
            sink += straightRanking(place, units);
            long s2 = System.nanoTime();
            if (i >= warm) {
                routed[i - warm] = s1 - s0;
                straight[i - warm] = s2 - s1;
                noRoad += times.stream().filter(Arrival::noRoad).count();
                beyond += times.stream().filter(Arrival::beyond).count();
            }
        }
        return new long[][] {routed, straight, {noRoad, (long) sink, beyond}};
    }

    /** A county's units at random: 20 patrol cars, 30 community officers, 50 auxiliaries, 40 grid workers, 55 volunteers, 5 drones. */
    private static List<Traveller> units(Random random, double sideMetres) {
        return units(random, sideMetres, ORIGIN, new int[] {20, 30, 50, 40, 55, 5});
    }

    /** Units at random over a square: so many of each kind (car, community, auxiliary, grid, volunteer, drone). */
    private static List<Traveller> units(Random random, double sideMetres, LatLon southWest, int[] counts) {
        List<Traveller> units = new ArrayList<>();
        Mover[] kinds = {Mover.PATROL_CAR, Mover.COMMUNITY_OFFICER, Mover.AUXILIARY_OFFICER, Mover.GRID_WORKER,
                Mover.VOLUNTEER, Mover.DRONE};
        for (int k = 0; k < kinds.length; k++) {
            for (int i = 0; i < counts[k]; i++) {
                units.add(new Traveller(kinds[k] + "-" + i, kinds[k],
                        Earth.offset(southWest, random.nextDouble() * sideMetres, random.nextDouble() * sideMetres)));
            }
        }
        return units;
    }

    private static String mix(List<Traveller> units) {
        StringBuilder s = new StringBuilder();
        for (Mover m : Mover.values()) {
            long n = units.stream().filter(u -> u.kind() == m).count();
            s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(m.name().toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }

    /** The old ranking: straight-line metres at a brisk 20 km/h, sorted. */
    private static double straightRanking(LatLon place, List<Traveller> units) {
        double[] cost = new double[units.size()];
        for (int i = 0; i < cost.length; i++) {
            cost[i] = Earth.metres(units.get(i).at(), place) / (20 / 3.6);
        }
        Arrays.sort(cost);
        return cost[0];
    }

    /** Straight-line gaps: a cell is covered if a responder is within its kind's fastest speed × 5 min. */
    private static double straightGaps(List<Traveller> units, List<LatLon> square, double sideMetres, int cell) {
        int n = (int) Math.ceil(sideMetres / cell);
        int covered = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                LatLon c = Earth.offset(ORIGIN, (x + 0.5) * cell, (y + 0.5) * cell);
                for (Traveller u : units) {
                    if (Earth.metres(u.at(), c) <= 300 * SpeedProfiles.metresPerSecond(SpeedProfiles.fastestKmh(u.kind()))) {
                        covered++;
                        break;
                    }
                }
            }
        }
        return covered / (double) (n * n);
    }

    private static String row(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms |%n", what, pct(s, 50), pct(s, 99),
                s[s.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double q) {
        int i = (int) Math.ceil(q / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

}
