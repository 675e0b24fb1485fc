package commandroom.geo.road;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.ResponsePath;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.PMap;
import com.graphhopper.util.PointList;
import commandroom.geo.Earth;
import commandroom.geo.LatLon;
import commandroom.geo.Mover;
import commandroom.geo.SpeedProfiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A county's roads, imported from an OpenStreetMap extract with GraphHopper, and every travel time
 * the command room needs from them: a route from a place to a place per kind of unit, the times
 * of many units to one incident (the dispatch ranking), the 1-3-5 minute rings of a place, and
 * the coverage gaps of an area. A unit further than {@link #UNIT_SNAP_METRES} from any road it may
 * use gets the straight line at its off-road pace, flagged noRoad (see {@link StraightLine}).
 * Thread-safe: the graph is read-only once loaded; each call searches its own arrays.
 */
public final class RoadNetwork implements AutoCloseable {

    /** A unit this far from any road it may use has no road: its GPS puts it in a field or a yard. */
    public static final double UNIT_SNAP_METRES = 300;
    /** An incident this far from a road is reached by road and then on foot; further, straight only. */
    public static final double PLACE_SNAP_METRES = 2000;

    private final GraphHopper hopper;
    private final ArcGraph arcs;
    private final Map<Mover, EdgeFilter> snapFilters = new EnumMap<>(Mover.class);
    private final String source;
    private final boolean imported;
    private final String sha256;
    private final CoverageGrid coverage;

    private RoadNetwork(RoadImport.Loaded loaded, String source) {
        this.hopper = loaded.hopper();
        this.imported = loaded.imported();
        this.sha256 = loaded.sha256();
        this.source = source;
        Map<Mover, Weighting> weightings = new EnumMap<>(Mover.class);
        Map<Mover, BooleanEncodedValue> islands = new EnumMap<>(Mover.class);
        for (Mover m : Mover.values()) {
            if (m.flies()) {
                continue;
            }
            Weighting w = hopper.createWeighting(hopper.getProfile(m.profile()), new PMap());
            weightings.put(m, w);
            BooleanEncodedValue island = hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(m.profile()));
            snapFilters.put(m, new DefaultSnapFilter(w, island));
            islands.put(m, island);
        }
        this.arcs = new ArcGraph(hopper.getBaseGraph(), weightings, islands);
        this.coverage = new CoverageGrid(this);
    }

    /**
     * Opens the roads of an .osm or .osm.pbf file, importing them into cacheRoot first unless the
     * same file was imported before. Throws naming the file and the problem if it cannot be used;
     * the cache is then as it was.
     */
    public static RoadNetwork open(Path osmFile, Path cacheRoot) throws RoadImportException {
        return new RoadNetwork(RoadImport.open(osmFile, cacheRoot), osmFile.getFileName().toString());
    }

    /** Whether opening imported the file (false: the same file's graph was in the cache). */
    public boolean imported() {
        return imported;
    }

    /** The SHA-256 of the file the roads came from, hex. */
    public String sha256() {
        return sha256;
    }

    /** The file the roads came from (its name). */
    public String source() {
        return source;
    }

    /** Road edges (between junctions) in the graph. */
    public int edgeCount() {
        return arcs.edges;
    }

    /** Junctions and road ends in the graph. */
    public int nodeCount() {
        return arcs.nodes;
    }

    ArcGraph arcs() {
        return arcs;
    }

    GraphHopper hopper() {
        return hopper;
    }

    /** Where a place meets a road the kind may use, within so many metres; null if none. */
    Access access(LatLon p, Mover kind, double withinMetres) {
        Access a = nearest(p, kind);
        return a == null || a.offMetres() > withinMetres ? null : a;
    }

    /** The nearest edge of any kind within so many metres, not kept in the cache; null if none. */
    Access snapAny(LatLon p, double withinMetres) {
        Access a = Access.of(hopper.getLocationIndex().findClosest(p.latitude(), p.longitude(), EdgeFilter.ALL_EDGES),
                p.latitude(), p.longitude(), arcs.base);
        return a == null || a.offMetres() > withinMetres ? null : a;
    }

    /** A snap not kept in the cache (the cells of a grid, which keeps its own). */
    Access snapOnce(LatLon p, Mover kind, double withinMetres) {
        Access a = Access.of(hopper.getLocationIndex().findClosest(p.latitude(), p.longitude(), snapFilters.get(kind)),
                p.latitude(), p.longitude(), arcs.base);
        return a == null || a.offMetres() > withinMetres ? null : a;
    }

    private record Spot(LatLon at, Mover kind) {}

    /** Snaps already made: units stand still between most questions, and a snap costs more than a search's share. */
    private final Map<Spot, java.util.Optional<Access>> snapped = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int SNAPS_KEPT = 20_000;

    private Access nearest(LatLon p, Mover kind) {
        Spot key = new Spot(p, kind);
        java.util.Optional<Access> known = snapped.get(key);
        if (known == null) {
            known = java.util.Optional.ofNullable(Access.of(hopper.getLocationIndex().findClosest(p.latitude(),
                    p.longitude(), snapFilters.get(kind)), p.latitude(), p.longitude(), arcs.base));
            if (snapped.size() >= SNAPS_KEPT) {
                snapped.clear();
            }
            snapped.put(key, known);
        }
        return known.orElse(null);
    }

    /** The kind's way from one place to another: by road when both ends are near one, else straight. */
    public Route route(LatLon from, LatLon to, Mover kind) {
        if (kind.flies()) {
            return StraightLine.route(kind, from, to);
        }
        Access a = access(from, kind, UNIT_SNAP_METRES);
        Access b = access(to, kind, PLACE_SNAP_METRES);
        if (a == null || b == null) {
            return StraightLine.route(kind, from, to);
        }
        // Between the points where the ends meet their roads: the walk to each is added below, and a
        // raw point on the very edge of the extract would be refused as out of its bounds.
        GHResponse r = hopper.route(new GHRequest(a.roadLat(), a.roadLon(), b.roadLat(), b.roadLon())
                .setProfile(kind.profile()));
        if (r.hasErrors()) {
            return StraightLine.route(kind, from, to);
        }
        ResponsePath p = r.getBest();
        double offPace = SpeedProfiles.metresPerSecond(SpeedProfiles.offRoadKmh(kind));
        List<LatLon> line = new ArrayList<>();
        line.add(from);
        PointList pts = p.getPoints();
        for (int i = 0; i < pts.size(); i++) {
            line.add(new LatLon(pts.getLat(i), pts.getLon(i)));
        }
        line.add(to);
        double off = a.offMetres() + b.offMetres();
        return new Route(p.getTime() / 1000.0 + off / offPace, p.getDistance() + off, line, false);
    }

    /**
     * How far a dispatch ranking searches: a unit further than this by road is not a candidate a
     * shift leader weighs minute by minute, and stopping there keeps a county-wide ranking from
     * searching every road of the county for the slow kinds (on foot 45 minutes is 4 km).
     */
    public static final double HORIZON_SECONDS = 45 * 60;

    /**
     * How long each unit takes to reach a place: for each kind, one search backward from the place
     * over that kind's roads, until every unit of the kind is reached or the search reaches its
     * horizon ({@link #HORIZON_SECONDS}; the units beyond it are flagged so). Units without a road
     * near them, or whose road does not lead there, get the straight line, flagged. In the units'
     * order.
     */
    public List<Arrival> arrivals(LatLon place, List<Traveller> units) {
        return arrivals(place, units, HORIZON_SECONDS);
    }

    /** As {@link #arrivals(LatLon, List)}, with another horizon (a test's town is small). */
    List<Arrival> arrivals(LatLon place, List<Traveller> units, double horizonSeconds) {
        Arrival[] out = new Arrival[units.size()];
        // One search per way of moving: grid workers and volunteers ride where auxiliaries do.
        Map<Mover, List<Integer>> bySearch = new EnumMap<>(Mover.class);
        for (int i = 0; i < units.size(); i++) {
            Mover kind = units.get(i).kind();
            if (kind.flies()) {
                out[i] = StraightLine.arrival(units.get(i), place);
            } else {
                bySearch.computeIfAbsent(SpeedProfiles.searchedAs(kind), k -> new ArrayList<>()).add(i);
            }
        }
        // The searches are independent: side by side on the machine's cores, a county's ranking
        // takes the longest search, not the sum of three.
        List<java.util.concurrent.CompletableFuture<Void>> running = new ArrayList<>();
        for (Map.Entry<Mover, List<Integer>> k : bySearch.entrySet()) {
            running.add(java.util.concurrent.CompletableFuture.runAsync(
                    () -> arrivalsOf(k.getKey(), k.getValue(), place, units, out, horizonSeconds), SEARCHES));
        }
        running.forEach(java.util.concurrent.CompletableFuture::join);
        return List.of(out);
    }

    /** Threads for the searches of one question; as many as cores, at most one per way of moving. */
    static final java.util.concurrent.ExecutorService SEARCHES = java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "road-search");
                t.setDaemon(true);
                return t;
            });

    /** One way of moving's search backward from the place, and the times of its units (into out). */
    private void arrivalsOf(Mover kind, List<Integer> which, LatLon place, List<Traveller> units, Arrival[] out,
                            double horizonSeconds) {
        Access target = access(place, kind, PLACE_SNAP_METRES);
        if (target == null) {
            for (int i : which) {
                out[i] = StraightLine.arrival(units.get(i), place);
            }
            return;
        }
        Access[] from = new Access[units.size()];
        List<Integer> targets = new ArrayList<>();
        for (int i : which) {
            from[i] = access(units.get(i).at(), units.get(i).kind(), UNIT_SNAP_METRES);
            if (from[i] != null) {
                targets.add(arcs.base[from[i].edge()]);
                targets.add(arcs.adj[from[i].edge()]);
            }
        }
        try (TimeSearch s = new TimeSearch(arcs, arcs.inArcs.get(kind))) {
            seedTowards(s, kind, target);
            s.run((int) (horizonSeconds * 1000), targets.stream().mapToInt(Integer::intValue).toArray());
            for (int i : which) {
                Traveller u = units.get(i);
                Access a = from[i];
                double ms = a == null ? Double.POSITIVE_INFINITY : towards(s, kind, a, target);
                if (Double.isInfinite(ms) && a != null && s.cut()) {
                    // Near a road, and the search stopped at its horizon before reaching it: far, not cut
                    // off (a unit whose road does not lead there at all reads so too; it ranks last either way).
                    Arrival straight = StraightLine.arrival(u, place);
                    out[i] = new Arrival(u.id(), Math.max(horizonSeconds, straight.seconds()), straight.metres(),
                            false, true);
                } else if (Double.isInfinite(ms)) {
                    out[i] = StraightLine.arrival(u, place);
                } else {
                    double offPace = SpeedProfiles.metresPerSecond(SpeedProfiles.offRoadKmh(u.kind()));
                    double seconds = ms / 1000 * SpeedProfiles.slowerBy(u.kind())
                            + (a.offMetres() + target.offMetres()) / offPace;
                    out[i] = new Arrival(u.id(), seconds, Earth.metres(u.at(), place), false);
                }
            }
        }
    }

    /** Seeds a backward search at a place's road: each end of its edge, with the time from there to the place. */
    private void seedTowards(TimeSearch s, Mover kind, Access place) {
        int e = place.edge();
        int f = arcs.millis(kind, e, true);
        int b = arcs.millis(kind, e, false);
        if (f != ArcGraph.NO) {
            s.seed(arcs.base[e], place.along() * f);
        }
        if (b != ArcGraph.NO) {
            s.seed(arcs.adj[e], (1 - place.along()) * b);
        }
    }

    /** ms from a point of the roads to the place a backward search started at (infinite if none). */
    private double towards(TimeSearch s, Mover kind, Access from, Access place) {
        int e = from.edge();
        int f = arcs.millis(kind, e, true);
        int b = arcs.millis(kind, e, false);
        double best = Double.POSITIVE_INFINITY;
        int atAdj = s.best[arcs.adj[e]];
        int atBase = s.best[arcs.base[e]];
        if (f != ArcGraph.NO && atAdj != ArcGraph.NO) {
            best = Math.min(best, (1 - from.along()) * f + atAdj);
        }
        if (b != ArcGraph.NO && atBase != ArcGraph.NO) {
            best = Math.min(best, from.along() * b + atBase);
        }
        if (place.edge() == e) {
            // The same piece of road: straight along it, not round by its ends.
            double d = place.along() - from.along();
            int along = d >= 0 ? f : b;
            if (along != ArcGraph.NO) {
                best = Math.min(best, Math.abs(d) * along);
            }
        }
        return best;
    }

    /**
     * The rings of a place for a kind: the road pieces from which it is reached within each time
     * (seconds, ascending). Nested by construction: one search, cut at each time.
     */
    public Rings rings(LatLon place, Mover kind, int... seconds) {
        int[] times = seconds.clone();
        java.util.Arrays.sort(times);
        if (kind.flies()) {
            List<Rings.Ring> r = new ArrayList<>();
            for (int t : times) {
                r.add(new Rings.Ring(t, List.of(), t * SpeedProfiles.metresPerSecond(SpeedProfiles.DRONE_KMH)));
            }
            return new Rings(r);
        }
        Access at = access(place, kind, PLACE_SNAP_METRES);
        if (at == null || times.length == 0) {
            List<Rings.Ring> r = new ArrayList<>();
            for (int t : times) {
                r.add(new Rings.Ring(t, List.of(), 0));
            }
            return new Rings(r);
        }
        double offPace = SpeedProfiles.metresPerSecond(SpeedProfiles.offRoadKmh(kind));
        double walkMs = at.offMetres() / offPace * 1000;
        try (TimeSearch s = new TimeSearch(arcs, arcs.inArcs.get(kind))) {
            seedTowards(s, kind, at);
            s.run((int) Math.max(0, times[times.length - 1] * 1000L - walkMs), null);
            return RingPieces.cut(this, kind, s, times, walkMs);
        }
    }

    /**
     * Where none of the units reaches within limitSeconds: the area (outer rings of polygons) cut
     * into cells of about cellMetres, each cell's centre timed from the nearest unit of each kind.
     */
    public Gaps gaps(List<Traveller> units, List<List<LatLon>> area, double cellMetres, double limitSeconds) {
        return coverage.gaps(units, area, cellMetres, limitSeconds);
    }

    @Override
    public void close() {
        hopper.close();
    }
}
