package commandroom.app.travel;

import commandroom.app.model.GeoPoint;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * How long one kind of unit takes to reach a place (an incident) from anywhere on the roads: one
 * search (Dijkstra) over the road graph outward from the place, at the kind's speed on each road
 * class, with the walk or crawl between the place and its nearest road at the off-road speed.
 * Roads go both ways, so "from the place" is "to the place". A drone flies straight. Immutable once
 * computed; any thread.
 */
public final class TravelTimes {

    private final RoadGraph graph;
    private final String kind;
    private final GeoPoint place;
    /** Seconds from each node to the place; infinite where no road leads. */
    private final double[] seconds;

    private TravelTimes(RoadGraph graph, String kind, GeoPoint place, double[] seconds) {
        this.graph = graph;
        this.kind = kind;
        this.place = place;
        this.seconds = seconds;
    }

    /** The search outward from a place for a kind of unit. */
    public static TravelTimes to(RoadGraph graph, GeoPoint place, String kind) {
        return new TravelTimes(graph, kind, place, Speeds.flies(kind)
                ? infinite(graph) : search(graph, java.util.List.of(place), kind));
    }

    /**
     * Seconds from each node of the graph to the nearest of several places (or from it: roads go
     * both ways) for a kind that drives or walks: one search seeded at every place's road.
     */
    static double[] search(RoadGraph graph, java.util.List<GeoPoint> places, String kind) {
        double[] s = infinite(graph);
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[1], b[1]));
        for (GeoPoint place : places) {
            RoadGraph.Access at = graph.access(place);
            if (at == null) {
                continue;
            }
            double off = at.offMetres() / kmh(Speeds.offRoad(kind));
            double v = kmh(Speeds.onRoad(kind, at.edge().roadClass()));
            seed(s, queue, at.edge().from(), off + at.along() * at.edge().metres() / v);
            seed(s, queue, at.edge().to(), off + (1 - at.along()) * at.edge().metres() / v);
        }
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int n = (int) top[0];
            if (top[1] > s[n]) {
                continue;
            }
            for (RoadGraph.Edge e : graph.edgesAt(n)) {
                int m = e.from() == n ? e.to() : e.from();
                double t = s[n] + e.metres() / kmh(Speeds.onRoad(kind, e.roadClass()));
                if (t < s[m]) {
                    s[m] = t;
                    queue.add(new double[] {m, t});
                }
            }
        }
        return s;
    }

    private static void seed(double[] s, PriorityQueue<double[]> queue, int node, double t) {
        if (t < s[node]) {
            s[node] = t;
            queue.add(new double[] {node, t});
        }
    }

    private static double[] infinite(RoadGraph graph) {
        double[] s = new double[graph.nodeCount()];
        Arrays.fill(s, Double.POSITIVE_INFINITY);
        return s;
    }

    /** Metres a second at so many km/h. */
    static double kmh(double kmh) {
        return kmh / 3.6;
    }

    /**
     * Seconds for this kind of unit standing somewhere to reach the place: to its nearest road, along
     * the roads, to the place. Infinite when the roads do not connect (or there are none).
     */
    public double secondsFrom(GeoPoint from) {
        if (Speeds.flies(kind)) {
            double[] a = graph.local(from);
            double[] b = graph.local(place);
            return Math.hypot(a[0] - b[0], a[1] - b[1]) / kmh(Speeds.DRONE_KMH);
        }
        RoadGraph.Access at = graph.access(from);
        if (at == null) {
            return Double.POSITIVE_INFINITY;
        }
        RoadGraph.Edge e = at.edge();
        double v = kmh(Speeds.onRoad(kind, e.roadClass()));
        double viaFrom = seconds[e.from()] + at.along() * e.metres() / v;
        double viaTo = seconds[e.to()] + (1 - at.along()) * e.metres() / v;
        double direct = Double.POSITIVE_INFINITY;
        RoadGraph.Access placeAt = graph.access(place);
        if (placeAt != null && placeAt.edge().equals(e)) {
            // Both on the same piece of road: along it, no detour through its ends.
            direct = placeAt.offMetres() / kmh(Speeds.offRoad(kind))
                    + Math.abs(placeAt.along() - at.along()) * e.metres() / v;
        }
        return at.offMetres() / kmh(Speeds.offRoad(kind)) + Math.min(direct, Math.min(viaFrom, viaTo));
    }

    /** Seconds from a node of the graph to the place (for drawing the rings). */
    public double secondsAtNode(int node) {
        return seconds[node];
    }

    /** The kind's speed on an edge, metres a second (for drawing the rings). */
    public double metresPerSecond(RoadGraph.Edge e) {
        return kmh(Speeds.onRoad(kind, e.roadClass()));
    }

    /** Whether this search is a drone's: no roads, a circle of the speed times the time. */
    public boolean flies() {
        return Speeds.flies(kind);
    }

    /** Metres a second straight over everything (for a drone's circles). */
    public double straightMetresPerSecond() {
        return kmh(Speeds.DRONE_KMH);
    }

    public RoadGraph graph() {
        return graph;
    }

    public GeoPoint place() {
        return place;
    }
}
