package commandroom.geo.road;

import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import commandroom.geo.Mover;
import java.util.EnumMap;
import java.util.Map;

/**
 * The road graph as flat arrays, with every kind's time on every edge in each direction, taken once
 * from GraphHopper's custom-model weightings. Why not GraphHopper's own searches: a dispatch asks
 * for every kind's times to one incident at once, and the coverage gaps for every responder's
 * reach over the whole county; over arrays of ints a search of a county (≈100,000 junctions) takes
 * milliseconds, where the generic graph with a weighting evaluated per edge takes several times
 * longer. The times are GraphHopper's, so a route it finds takes the same time as a search here.
 * Immutable once built; any thread.
 */
final class ArcGraph {

    /** No way through (no access for that kind, or that direction of a one-way street). */
    static final int NO = Integer.MAX_VALUE;

    final int nodes;
    final int edges;
    /** Arcs of node n: first[n] .. first[n+1]-1. */
    final int[] first;
    /** Per arc: the node at its other end, and its edge. */
    final int[] head;
    final int[] edgeOf;
    /** Per kind and arc, ms to travel into the node from the arc's head (for cutting rings). */
    final Map<Mover, int[]> inMs = new EnumMap<>(Mover.class);
    /**
     * The same per kind and direction interleaved with the arc's head, {head, ms, head, ms, …}: a
     * search reads both of an arc in one cache line (the county search's cost is memory, not sums).
     */
    final Map<Mover, int[]> outArcs = new EnumMap<>(Mover.class);
    final Map<Mover, int[]> inArcs = new EnumMap<>(Mover.class);
    /** Per kind and edge, ms from its base node to its adjacent node, and back. */
    final Map<Mover, int[]> forwardMs = new EnumMap<>(Mover.class);
    final Map<Mover, int[]> backwardMs = new EnumMap<>(Mover.class);
    /** Per edge, its base and adjacent node (as GraphHopper stores it). */
    final int[] base;
    final int[] adj;

    /**
     * @param islands per kind, GraphHopper's flag of the road islands it dropped for that kind's
     *                profile (a car park's loop): no way through them here either, as in its routes
     */
    ArcGraph(BaseGraph graph, Map<Mover, Weighting> weightings,
             Map<Mover, com.graphhopper.routing.ev.BooleanEncodedValue> islands) {
        nodes = graph.getNodes();
        edges = graph.getEdges();
        base = new int[edges];
        adj = new int[edges];
        int[] degree = new int[nodes + 1];
        for (Mover m : weightings.keySet()) {
            forwardMs.put(m, new int[edges]);
            backwardMs.put(m, new int[edges]);
        }
        AllEdgesIterator it = graph.getAllEdges();
        while (it.next()) {
            int e = it.getEdge();
            base[e] = it.getBaseNode();
            adj[e] = it.getAdjNode();
            degree[base[e]]++;
            if (adj[e] != base[e]) {
                degree[adj[e]]++;
            }
            for (Map.Entry<Mover, Weighting> w : weightings.entrySet()) {
                boolean island = it.get(islands.get(w.getKey()));
                forwardMs.get(w.getKey())[e] = island ? NO : millis(w.getValue(), it, false);
                backwardMs.get(w.getKey())[e] = island ? NO : millis(w.getValue(), it, true);
            }
        }
        first = new int[nodes + 1];
        for (int n = 0; n < nodes; n++) {
            first[n + 1] = first[n] + degree[n];
        }
        int arcs = first[nodes];
        head = new int[arcs];
        edgeOf = new int[arcs];
        int[] fill = java.util.Arrays.copyOf(first, nodes);
        for (int e = 0; e < edges; e++) {
            int a = fill[base[e]]++;
            head[a] = adj[e];
            edgeOf[a] = e;
            if (adj[e] != base[e]) {
                int b = fill[adj[e]]++;
                head[b] = base[e];
                edgeOf[b] = e;
            }
        }
        for (Mover m : weightings.keySet()) {
            int[] out = new int[arcs];
            int[] in = new int[arcs];
            int[] f = forwardMs.get(m);
            int[] b = backwardMs.get(m);
            for (int n = 0; n < nodes; n++) {
                for (int a = first[n]; a < first[n + 1]; a++) {
                    int e = edgeOf[a];
                    boolean fromBase = base[e] == n;
                    out[a] = fromBase ? f[e] : b[e];
                    in[a] = fromBase ? b[e] : f[e];
                }
            }
            inMs.put(m, in);
            outArcs.put(m, interleave(head, out));
            inArcs.put(m, interleave(head, in));
        }
    }

    private static int[] interleave(int[] head, int[] ms) {
        int[] both = new int[2 * head.length];
        for (int a = 0; a < head.length; a++) {
            both[2 * a] = head[a];
            both[2 * a + 1] = ms[a];
        }
        return both;
    }

    private static int millis(Weighting w, com.graphhopper.util.EdgeIteratorState edge, boolean reverse) {
        if (Double.isInfinite(w.calcEdgeWeight(edge, reverse))) {
            return NO;
        }
        return (int) Math.min(NO - 1, Math.max(0, w.calcEdgeMillis(edge, reverse)));
    }

    /** ms along an edge from its base side (forward) or its adjacent side, for a kind. */
    int millis(Mover kind, int edge, boolean fromBase) {
        return (fromBase ? forwardMs : backwardMs).get(kind)[edge];
    }
}
