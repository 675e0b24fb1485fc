package commandroom.geo.road;

import commandroom.geo.Earth;
import commandroom.geo.LatLon;
import commandroom.geo.Mover;
import commandroom.geo.SpeedProfiles;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coverage gaps of an area: its cells' centres, each timed from the units of every kind (one
 * forward search per kind, from all its units at once, up to the limit). Where each cell meets the
 * roads is worked out once per area and cell size and kept, since the roads do not move while the
 * units do: a second look at the same county costs the searches only. Thread-safe.
 */
final class CoverageGrid {

    private record Key(List<List<LatLon>> area, double cellMetres) {}

    /** The cells of one area: centres, bounds, and per kind where each meets the roads. */
    private static final class Grid {
        final double[] lat;
        final double[] lon;
        final double dLat;
        final double dLon;
        final Map<Mover, Access[]> access = new java.util.concurrent.ConcurrentHashMap<>();
        /** Where each cell meets the nearest road of any kind (most roads serve every kind). */
        volatile Access[] any;

        Grid(double[] lat, double[] lon, double dLat, double dLon) {
            this.lat = lat;
            this.lon = lon;
            this.dLat = dLat;
            this.dLon = dLon;
        }
    }

    private final RoadNetwork net;
    private final Map<Key, Grid> grids = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Grid> eldest) {
            return size() > 4;
        }
    };

    CoverageGrid(RoadNetwork net) {
        this.net = net;
    }

    Gaps gaps(List<Traveller> units, List<List<LatLon>> area, double cellMetres, double limitSeconds) {
        if (!(cellMetres >= 10)) {
            throw new IllegalArgumentException("cell size must be at least 10 m, not " + cellMetres);
        }
        Grid grid = grid(area, cellMetres);
        int cells = grid.lat.length;
        boolean[] covered = new boolean[cells];
        Map<Mover, List<Traveller>> byKind = new EnumMap<>(Mover.class);
        for (Traveller u : units) {
            byKind.computeIfAbsent(u.kind(), k -> new ArrayList<>()).add(u);
        }
        snapAll(grid);
        // Each kind on its own core: its snaps of the cells (the first look), its search, its cells.
        List<java.util.concurrent.CompletableFuture<boolean[]>> kinds = new ArrayList<>();
        for (Map.Entry<Mover, List<Traveller>> k : byKind.entrySet()) {
            kinds.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                boolean[] reached = new boolean[cells];
                reach(grid, k.getKey(), k.getValue(), limitSeconds, reached);
                return reached;
            }, RoadNetwork.SEARCHES));
        }
        for (var k : kinds) {
            boolean[] reached = k.join();
            for (int c = 0; c < cells; c++) {
                covered[c] |= reached[c];
            }
        }
        List<Gaps.Cell> gaps = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            if (!covered[c]) {
                gaps.add(new Gaps.Cell(grid.lat[c] - grid.dLat / 2, grid.lon[c] - grid.dLon / 2,
                        grid.lat[c] + grid.dLat / 2, grid.lon[c] + grid.dLon / 2));
            }
        }
        return new Gaps(gaps, cells);
    }

    /** Marks the cells one kind's units reach in time. */
    private void reach(Grid grid, Mover kind, List<Traveller> units, double limitSeconds, boolean[] covered) {
        List<Traveller> straight = new ArrayList<>();
        if (kind.flies()) {
            straight.addAll(units);
        } else {
            ArcGraph g = net.arcs();
            try (TimeSearch s = new TimeSearch(g, g.outArcs.get(kind))) {
                searchAndMark(grid, kind, units, limitSeconds, covered, s, straight);
            }
        }
        for (Traveller u : straight) {
            double reach = limitSeconds * SpeedProfiles.metresPerSecond(
                    kind.flies() ? SpeedProfiles.DRONE_KMH : SpeedProfiles.offRoadKmh(kind));
            for (int c = 0; c < grid.lat.length; c++) {
                if (!covered[c] && Earth.metres(u.at().latitude(), u.at().longitude(), grid.lat[c], grid.lon[c]) <= reach) {
                    covered[c] = true;
                }
            }
        }
    }

    /** One ground kind's search from all its units at once, and the cells it reaches in time. */
    private void searchAndMark(Grid grid, Mover kind, List<Traveller> units, double limitSeconds, boolean[] covered,
                               TimeSearch s, List<Traveller> straight) {
        ArcGraph g = net.arcs();
        double offPace = SpeedProfiles.metresPerSecond(SpeedProfiles.offRoadKmh(kind));
        // Units standing on an edge: they reach its points straight along it.
        Map<Integer, List<double[]>> onEdge = new HashMap<>();
        for (Traveller u : units) {
            Access a = net.access(u.at(), kind, RoadNetwork.UNIT_SNAP_METRES);
            if (a == null) {
                straight.add(u);
                continue;
            }
            double walk = a.offMetres() / offPace * 1000;
            int e = a.edge();
            int f = g.millis(kind, e, true);
            int b = g.millis(kind, e, false);
            if (f != ArcGraph.NO) {
                s.seed(g.adj[e], walk + (1 - a.along()) * f);
            }
            if (b != ArcGraph.NO) {
                s.seed(g.base[e], walk + a.along() * b);
            }
            onEdge.computeIfAbsent(e, x -> new ArrayList<>()).add(new double[] {a.along(), walk});
        }
        long limitMs = (long) (limitSeconds * 1000);
        s.run((int) Math.min(ArcGraph.NO - 1, limitMs), null);
        Access[] at = cellAccess(grid, kind);
        for (int c = 0; c < at.length; c++) {
            Access a = at[c];
            if (covered[c] || a == null) {
                continue;
            }
            int e = a.edge();
            int f = g.millis(kind, e, true);
            int b = g.millis(kind, e, false);
            double best = Double.POSITIVE_INFINITY;
            int atBase = s.best[g.base[e]];
            int atAdj = s.best[g.adj[e]];
            if (f != ArcGraph.NO && atBase != ArcGraph.NO) {
                best = Math.min(best, atBase + a.along() * f);
            }
            if (b != ArcGraph.NO && atAdj != ArcGraph.NO) {
                best = Math.min(best, atAdj + (1 - a.along()) * b);
            }
            for (double[] u : onEdge.getOrDefault(e, List.of())) {
                double d = a.along() - u[0];
                int along = d >= 0 ? f : b;
                if (along != ArcGraph.NO) {
                    best = Math.min(best, u[1] + Math.abs(d) * along);
                }
            }
            if (best + a.offMetres() / offPace * 1000 <= limitMs) {
                covered[c] = true;
            }
        }
    }

    /**
     * The first look at an area: every cell snapped once to the nearest road of any kind, in chunks
     * on the search threads (the caller waits, the pool's threads do not).
     */
    private void snapAll(Grid grid) {
        if (grid.any != null) {
            return;
        }
        int n = grid.lat.length;
        Access[] any = new Access[n];
        int chunks = 8;
        List<java.util.concurrent.CompletableFuture<Void>> parts = new ArrayList<>();
        for (int k = 0; k < chunks; k++) {
            int from = n * k / chunks;
            int to = n * (k + 1) / chunks;
            parts.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (int c = from; c < to; c++) {
                    any[c] = net.snapAny(new LatLon(grid.lat[c], grid.lon[c]), RoadNetwork.UNIT_SNAP_METRES);
                }
            }, RoadNetwork.SEARCHES));
        }
        parts.forEach(java.util.concurrent.CompletableFuture::join);
        grid.any = any;
    }

    private Access[] cellAccess(Grid grid, Mover kind) {
        Access[] at = grid.access.get(kind);
        if (at == null) {
            // The nearest road of any kind serves when this kind may use it; else its own snap.
            // Outside any lock, so the kinds work side by side; two askers at once both snap, one keeps.
            ArcGraph g = net.arcs();
            Access[] any = grid.any;
            at = new Access[grid.lat.length];
            for (int c = 0; c < at.length; c++) {
                Access a = any[c];
                if (a == null) {
                    continue;
                }
                boolean usable = g.millis(kind, a.edge(), true) != ArcGraph.NO
                        || g.millis(kind, a.edge(), false) != ArcGraph.NO;
                at[c] = usable ? a : net.snapOnce(new LatLon(grid.lat[c], grid.lon[c]), kind,
                        RoadNetwork.UNIT_SNAP_METRES);
            }
            Access[] raced = grid.access.putIfAbsent(kind, at);
            at = raced != null ? raced : at;
        }
        return at;
    }

    private Grid grid(List<List<LatLon>> area, double cellMetres) {
        Key key = new Key(area, cellMetres);
        synchronized (grids) {
            Grid g = grids.get(key);
            if (g == null) {
                g = cells(area, cellMetres);
                grids.put(key, g);
            }
            return g;
        }
    }

    private static Grid cells(List<List<LatLon>> area, double cellMetres) {
        double s = 90;
        double w = 180;
        double n = -90;
        double e = -180;
        for (List<LatLon> ring : area) {
            for (LatLon p : ring) {
                s = Math.min(s, p.latitude());
                w = Math.min(w, p.longitude());
                n = Math.max(n, p.latitude());
                e = Math.max(e, p.longitude());
            }
        }
        double metresPerDegree = Earth.RADIUS_METRES * Math.toRadians(1);
        double dLat = cellMetres / metresPerDegree;
        double dLon = cellMetres / (metresPerDegree * Math.cos(Math.toRadians((s + n) / 2)));
        List<double[]> inside = new ArrayList<>();
        for (double south = s; south < n; south += dLat) {
            for (double west = w; west < e; west += dLon) {
                double clat = south + dLat / 2;
                double clon = west + dLon / 2;
                for (List<LatLon> ring : area) {
                    if (inside(ring, clat, clon)) {
                        inside.add(new double[] {clat, clon});
                        break;
                    }
                }
            }
        }
        double[] lat = new double[inside.size()];
        double[] lon = new double[inside.size()];
        for (int i = 0; i < lat.length; i++) {
            lat[i] = inside.get(i)[0];
            lon[i] = inside.get(i)[1];
        }
        return new Grid(lat, lon, dLat, dLon);
    }

    /** Whether a point is inside a ring (even-odd rule). */
    static boolean inside(List<LatLon> ring, double lat, double lon) {
        boolean in = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            LatLon a = ring.get(i);
            LatLon b = ring.get(j);
            if ((a.latitude() > lat) != (b.latitude() > lat)
                    && lon < (b.longitude() - a.longitude()) * (lat - a.latitude()) / (b.latitude() - a.latitude())
                    + a.longitude()) {
                in = !in;
            }
        }
        return in;
    }
}
