package commandroom.geo.road;

import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import commandroom.geo.Earth;
import commandroom.geo.LatLon;
import commandroom.geo.Mover;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a backward search's times into rings: for each time, every road piece from which the place
 * is reached within it. An edge is covered from each end as far as the time left at that end
 * allows; where the two reaches meet, the whole edge. Stateless.
 */
final class RingPieces {

    private RingPieces() {}

    static Rings cut(RoadNetwork net, Mover kind, TimeSearch search, int[] seconds, double walkMs) {
        int[] best = search.best;
        ArcGraph g = net.arcs();
        int[] in = g.inMs.get(kind);
        List<Rings.Ring> rings = new ArrayList<>();
        for (int t : seconds) {
            double limit = t * 1000.0 - walkMs;
            // edge -> {covered from its base end, covered from its adjacent end}, as fractions
            Map<Integer, double[]> cover = new LinkedHashMap<>();
            // Only the nodes the search reached, not the county's hundred thousand.
            for (int i = 0; i < search.reachedCount(); i++) {
                int n = search.reached(i);
                if (best[n] == ArcGraph.NO || best[n] > limit) {
                    continue;
                }
                double left = limit - best[n];
                for (int a = g.first[n]; a < g.first[n + 1]; a++) {
                    int ms = in[a];
                    if (ms == ArcGraph.NO) {
                        continue;
                    }
                    int e = g.edgeOf[a];
                    double c = ms == 0 ? 1 : Math.min(1, left / ms);
                    double[] both = cover.computeIfAbsent(e, k -> new double[2]);
                    int side = g.base[e] == n ? 0 : 1;
                    both[side] = Math.max(both[side], c);
                }
            }
            List<List<LatLon>> pieces = new ArrayList<>();
            for (Map.Entry<Integer, double[]> c : cover.entrySet()) {
                int e = c.getKey();
                double fromBase = c.getValue()[0];
                double fromAdj = c.getValue()[1];
                PointList line = net.hopper().getBaseGraph().getEdgeIteratorState(e, g.adj[e])
                        .fetchWayGeometry(FetchMode.ALL);
                if (fromBase + fromAdj >= 1) {
                    pieces.add(part(line, 0, 1));
                } else {
                    if (fromBase > 0) {
                        pieces.add(part(line, 0, fromBase));
                    }
                    if (fromAdj > 0) {
                        pieces.add(part(line, 1 - fromAdj, 1));
                    }
                }
            }
            rings.add(new Rings.Ring(t, pieces, 0));
        }
        return new Rings(rings);
    }

    /** The part of a line between two fractions of its length. */
    static List<LatLon> part(PointList line, double from, double to) {
        double total = 0;
        double[] cum = new double[line.size()];
        for (int i = 1; i < line.size(); i++) {
            total += Earth.metres(line.getLat(i - 1), line.getLon(i - 1), line.getLat(i), line.getLon(i));
            cum[i] = total;
        }
        double a = from * total;
        double b = to * total;
        List<LatLon> out = new ArrayList<>();
        for (int i = 0; i + 1 < line.size(); i++) {
            double s0 = cum[i];
            double s1 = cum[i + 1];
            if (s1 < a || s0 > b) {
                continue;
            }
            LatLon p = new LatLon(line.getLat(i), line.getLon(i));
            LatLon q = new LatLon(line.getLat(i + 1), line.getLon(i + 1));
            double len = s1 - s0;
            if (out.isEmpty()) {
                out.add(len <= 0 ? p : Earth.between(p, q, Math.max(0, (a - s0) / len)));
            }
            out.add(len <= 0 ? q : Earth.between(p, q, Math.min(1, (b - s0) / len)));
        }
        if (out.size() == 1) {
            out.add(out.get(0));
        }
        return out;
    }
}
