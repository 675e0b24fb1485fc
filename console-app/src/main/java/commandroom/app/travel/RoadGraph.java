package commandroom.app.travel;

import commandroom.app.model.GeoPoint;
import commandroom.app.model.RoadItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The road network as a graph: nodes are the roads' points and the places where roads cross
 * (computed: two roads that cross share no point in the data), edges are road pieces with their
 * length and class. Positions are kept in metres on a local flat earth around the first point
 * (good to a metre over a county). Immutable once built; any thread.
 */
public final class RoadGraph {

    /** A piece of road between two nodes. */
    public record Edge(int from, int to, double metres, String roadClass) {}

    /** Where a place meets the network: an edge, how far along it (0..1), and how far off it (m). */
    public record Access(Edge edge, double along, double offMetres) {}

    /** Nodes closer than this are one (roads drawn to meet but a little apart). */
    private static final double SNAP_METRES = 3;

    private final double refLat;
    private final double refLon;
    private final double metresPerDegLon;
    private final List<double[]> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<List<Edge>> adjacent = new ArrayList<>();

    private RoadGraph(double refLat, double refLon) {
        this.refLat = refLat;
        this.refLon = refLon;
        this.metresPerDegLon = 111_320 * Math.cos(Math.toRadians(refLat));
    }

    /** Builds the graph of some roads (empty roads: an empty graph). */
    public static RoadGraph of(Collection<RoadItem> roads) {
        GeoPoint ref = roads.stream().flatMap(r -> r.line().stream()).findFirst().orElse(new GeoPoint(0, 0));
        RoadGraph g = new RoadGraph(ref.latitude(), ref.longitude());
        // Every road's segments in metres, then each cut where another road's segment crosses it.
        List<double[][]> segments = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<Integer> roadOf = new ArrayList<>();
        int r = 0;
        for (RoadItem road : roads) {
            for (int i = 0; i + 1 < road.line().size(); i++) {
                segments.add(new double[][] {g.local(road.line().get(i)), g.local(road.line().get(i + 1))});
                classes.add(road.roadClass());
                roadOf.add(r);
            }
            r++;
        }
        for (int s = 0; s < segments.size(); s++) {
            double[] a = segments.get(s)[0];
            double[] b = segments.get(s)[1];
            List<Double> cuts = new ArrayList<>(List.of(0.0, 1.0));
            for (int o = 0; o < segments.size(); o++) {
                if (roadOf.get(o).equals(roadOf.get(s))) {
                    continue;
                }
                double t = crossing(a, b, segments.get(o)[0], segments.get(o)[1]);
                if (t > 0 && t < 1) {
                    cuts.add(t);
                }
            }
            cuts.sort(Double::compare);
            for (int k = 0; k + 1 < cuts.size(); k++) {
                double[] p = lerp(a, b, cuts.get(k));
                double[] q = lerp(a, b, cuts.get(k + 1));
                double len = Math.hypot(q[0] - p[0], q[1] - p[1]);
                if (len > 0.01) {
                    g.addEdge(g.node(p), g.node(q), len, classes.get(s));
                }
            }
        }
        return g;
    }

    /** Where segment ab is crossed by segment cd, as a fraction of ab; NaN if they do not cross. */
    static double crossing(double[] a, double[] b, double[] c, double[] d) {
        double rx = b[0] - a[0];
        double ry = b[1] - a[1];
        double sx = d[0] - c[0];
        double sy = d[1] - c[1];
        double den = rx * sy - ry * sx;
        if (Math.abs(den) < 1e-9) {
            return Double.NaN;
        }
        double t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
        double u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / den;
        return u >= 0 && u <= 1 ? t : Double.NaN;
    }

    private static double[] lerp(double[] a, double[] b, double t) {
        return new double[] {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t};
    }

    private int node(double[] p) {
        for (int i = 0; i < nodes.size(); i++) {
            double[] n = nodes.get(i);
            if (Math.hypot(n[0] - p[0], n[1] - p[1]) <= SNAP_METRES) {
                return i;
            }
        }
        nodes.add(p);
        adjacent.add(new ArrayList<>());
        return nodes.size() - 1;
    }

    private void addEdge(int a, int b, double metres, String roadClass) {
        if (a == b) {
            return;
        }
        Edge e = new Edge(a, b, metres, roadClass);
        edges.add(e);
        adjacent.get(a).add(e);
        adjacent.get(b).add(e);
    }

    /** A position in metres east and north of the graph's reference point. */
    public double[] local(GeoPoint p) {
        return new double[] {(p.longitude() - refLon) * metresPerDegLon, (p.latitude() - refLat) * 111_320};
    }

    /** A local position back in WGS-84. */
    public GeoPoint geo(double[] xy) {
        return new GeoPoint(refLat + xy[1] / 111_320, refLon + xy[0] / metresPerDegLon);
    }

    /** Where a place meets the network (the nearest point of the nearest edge); null with no roads. */
    public Access access(GeoPoint place) {
        double[] p = local(place);
        Access best = null;
        for (Edge e : edges) {
            double[] a = nodes.get(e.from());
            double[] b = nodes.get(e.to());
            double dx = b[0] - a[0];
            double dy = b[1] - a[1];
            double t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
            double off = Math.hypot(a[0] + dx * t - p[0], a[1] + dy * t - p[1]);
            if (best == null || off < best.offMetres()) {
                best = new Access(e, t, off);
            }
        }
        return best;
    }

    /** Whether there are no roads at all. */
    public boolean isEmpty() {
        return edges.isEmpty();
    }

    public int nodeCount() {
        return nodes.size();
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    List<Edge> edgesAt(int node) {
        return adjacent.get(node);
    }

    /** A node's position, metres east and north of the reference. */
    public double[] nodeAt(int node) {
        return nodes.get(node).clone();
    }
}
