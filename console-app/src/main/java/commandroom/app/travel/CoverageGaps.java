package commandroom.app.travel;

import commandroom.app.model.GeoPoint;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where no available unit can be within a time (the county's 5 minutes): the county's zones cut
 * into square cells, each cell's centre timed from every available unit at its own kind's speed
 * over the roads (one search per kind, seeded at all its units), a drone straight; the cells
 * nobody reaches in time are the gaps, and the share of cells reached is the county's coverage.
 * Immutable once computed; any thread.
 */
public final class CoverageGaps {

    /** A cell's bounds in degrees (WGS-84). */
    public record Cell(double south, double west, double north, double east) {}

    private static final double METRES_PER_DEGREE = 111_320;

    private final List<Cell> gaps;
    private final int cells;

    private CoverageGaps(List<Cell> gaps, int cells) {
        this.gaps = List.copyOf(gaps);
        this.cells = cells;
    }

    /** The gaps in the zones for the available units, in cells of about cellMetres a side. */
    public static CoverageGaps of(RoadGraph graph, Collection<UnitItem> units, Collection<ZoneItem> zones,
                                  double cellMetres, double limitSeconds) {
        List<UnitItem> available = units.stream().filter(UnitItem::isAvailable).toList();
        Map<String, Reach> byKind = new HashMap<>();
        for (UnitItem u : available) {
            byKind.computeIfAbsent(u.kind(), k -> new Reach(k, graph)).units.add(new GeoPoint(u.latitude(), u.longitude()));
        }
        byKind.values().forEach(Reach::search);
        double[] box = bounds(zones);
        double dLat = cellMetres / METRES_PER_DEGREE;
        double dLon = cellMetres / (METRES_PER_DEGREE * Math.cos(Math.toRadians((box[0] + box[2]) / 2)));
        List<Cell> gaps = new ArrayList<>();
        int counted = 0;
        for (double south = box[0]; south < box[2]; south += dLat) {
            for (double west = box[1]; west < box[3]; west += dLon) {
                GeoPoint centre = new GeoPoint(south + dLat / 2, west + dLon / 2);
                if (zones.stream().noneMatch(z -> inside(z.polygon(), centre))) {
                    continue;
                }
                counted++;
                boolean reached = false;
                for (Reach r : byKind.values()) {
                    if (r.seconds(centre) <= limitSeconds) {
                        reached = true;
                        break;
                    }
                }
                if (!reached) {
                    gaps.add(new Cell(south, west, south + dLat, west + dLon));
                }
            }
        }
        return new CoverageGaps(gaps, counted);
    }

    /** The cells no available unit reaches in time. */
    public List<Cell> gaps() {
        return gaps;
    }

    /** Share of the zones' cells some available unit reaches in time, 0–1 (1 with no zones). */
    public double coveredShare() {
        return cells == 0 ? 1 : 1 - (double) gaps.size() / cells;
    }

    /** One kind's units and how long they take to any point. */
    private static final class Reach {
        final String kind;
        final RoadGraph graph;
        final List<GeoPoint> units = new ArrayList<>();
        double[] nodes;
        /** Units standing by each piece of road: {along, seconds to reach the road}. */
        final Map<RoadGraph.Edge, List<double[]>> onEdge = new HashMap<>();

        Reach(String kind, RoadGraph graph) {
            this.kind = kind;
            this.graph = graph;
        }

        void search() {
            if (Speeds.flies(kind) || graph.isEmpty()) {
                return;
            }
            nodes = TravelTimes.search(graph, units, kind);
            for (GeoPoint u : units) {
                RoadGraph.Access at = graph.access(u);
                if (at != null) {
                    onEdge.computeIfAbsent(at.edge(), e -> new ArrayList<>()).add(
                            new double[] {at.along(), at.offMetres() / TravelTimes.kmh(Speeds.offRoad(kind))});
                }
            }
        }

        double seconds(GeoPoint p) {
            if (Speeds.flies(kind)) {
                double best = Double.POSITIVE_INFINITY;
                double[] a = graph.local(p);
                for (GeoPoint u : units) {
                    double[] b = graph.local(u);
                    best = Math.min(best, Math.hypot(a[0] - b[0], a[1] - b[1]) / TravelTimes.kmh(Speeds.DRONE_KMH));
                }
                return best;
            }
            RoadGraph.Access at = nodes == null ? null : graph.access(p);
            if (at == null) {
                return Double.POSITIVE_INFINITY;
            }
            RoadGraph.Edge e = at.edge();
            double v = TravelTimes.kmh(Speeds.onRoad(kind, e.roadClass()));
            double best = Math.min(nodes[e.from()] + at.along() * e.metres() / v,
                    nodes[e.to()] + (1 - at.along()) * e.metres() / v);
            // A unit on the same piece of road comes straight along it.
            for (double[] u : onEdge.getOrDefault(e, List.of())) {
                best = Math.min(best, u[1] + Math.abs(u[0] - at.along()) * e.metres() / v);
            }
            return at.offMetres() / TravelTimes.kmh(Speeds.offRoad(kind)) + best;
        }
    }

    /** {south, west, north, east} of the zones. */
    private static double[] bounds(Collection<ZoneItem> zones) {
        double[] b = {90, 180, -90, -180};
        for (ZoneItem z : zones) {
            for (GeoPoint p : z.polygon()) {
                b[0] = Math.min(b[0], p.latitude());
                b[1] = Math.min(b[1], p.longitude());
                b[2] = Math.max(b[2], p.latitude());
                b[3] = Math.max(b[3], p.longitude());
            }
        }
        return b;
    }

    /** Whether a point is inside a ring (even-odd rule). */
    static boolean inside(List<GeoPoint> ring, GeoPoint p) {
        boolean in = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            GeoPoint a = ring.get(i);
            GeoPoint b = ring.get(j);
            if ((a.latitude() > p.latitude()) != (b.latitude() > p.latitude())
                    && p.longitude() < (b.longitude() - a.longitude()) * (p.latitude() - a.latitude())
                    / (b.latitude() - a.latitude()) + a.longitude()) {
                in = !in;
            }
        }
        return in;
    }
}
