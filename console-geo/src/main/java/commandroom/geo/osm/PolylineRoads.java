package commandroom.geo.osm;

import commandroom.geo.Earth;
import commandroom.geo.LatLon;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns roads drawn by hand as polylines (the demo county's) into an OpenStreetMap file a router
 * can use. Drawn roads that cross share no point, and roads drawn to meet may stop a few metres
 * apart; in OSM two ways meet only where they share a node. So every crossing becomes a shared
 * node, an end within {@link #JOIN_METRES} of another road is joined to it, and long segments are
 * cut into pieces of at most {@link #STEP_METRES} (densified, as surveyed ways are). O(n²) in
 * segments: for tens of roads, not for a province (the bench writes its grid directly). Stateless.
 */
public final class PolylineRoads {

    /** A road to write: its name, its OSM highway value ("primary", "residential", "footway"…), its line. */
    public record Road(String name, String highway, List<LatLon> line) {}

    /** An end this close to another road joins it (drawn to meet, a little apart). */
    static final double JOIN_METRES = 15;
    /** Longest piece between two nodes of a written way. */
    static final double STEP_METRES = 50;

    private PolylineRoads() {}

    /** Writes the roads to an .osm file; returns the number of ways written. */
    public static int write(List<Road> roads, Path file) throws IOException {
        LatLon ref = roads.stream().flatMap(r -> r.line().stream()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no roads to write"));
        double mLon = Earth.RADIUS_METRES * Math.toRadians(1) * Math.cos(Math.toRadians(ref.latitude()));
        double mLat = Earth.RADIUS_METRES * Math.toRadians(1);
        List<List<double[]>> lines = new ArrayList<>();
        for (Road r : roads) {
            List<double[]> xy = new ArrayList<>();
            for (LatLon p : r.line()) {
                xy.add(new double[] {(p.longitude() - ref.longitude()) * mLon, (p.latitude() - ref.latitude()) * mLat});
            }
            lines.add(xy);
        }
        // Per road, the positions along each segment where a node must be: its own points, crossings, joins.
        List<List<List<Double>>> cuts = new ArrayList<>();
        for (List<double[]> l : lines) {
            List<List<Double>> perSegment = new ArrayList<>();
            for (int i = 0; i + 1 < l.size(); i++) {
                perSegment.add(new ArrayList<>(List.of(0.0, 1.0)));
            }
            cuts.add(perSegment);
        }
        for (int a = 0; a < lines.size(); a++) {
            for (int b = a + 1; b < lines.size(); b++) {
                cross(lines.get(a), lines.get(b), cuts.get(a), cuts.get(b));
            }
        }
        for (int a = 0; a < lines.size(); a++) {
            for (int b = 0; b < lines.size(); b++) {
                if (a != b) {
                    joinEnds(lines.get(a), lines.get(b), cuts.get(a), cuts.get(b));
                }
            }
        }
        // Nodes: positions rounded to a decimetre are one node, so both roads name the same one.
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<Long, double[]> at = new LinkedHashMap<>();
        List<long[]> wayNodes = new ArrayList<>();
        for (int r = 0; r < lines.size(); r++) {
            List<double[]> l = lines.get(r);
            List<Long> nodes = new ArrayList<>();
            for (int i = 0; i + 1 < l.size(); i++) {
                List<Double> ts = cuts.get(r).get(i);
                ts.sort(Double::compare);
                double[] p = l.get(i);
                double[] q = l.get(i + 1);
                double len = Math.hypot(q[0] - p[0], q[1] - p[1]);
                for (int k = 0; k < ts.size(); k++) {
                    double t0 = ts.get(k);
                    add(nodes, ids, at, lerp(p, q, t0));
                    if (k + 1 < ts.size()) {
                        double span = (ts.get(k + 1) - t0) * len;
                        int pieces = (int) Math.ceil(span / STEP_METRES);
                        for (int s = 1; s < pieces; s++) {
                            add(nodes, ids, at, lerp(p, q, t0 + (ts.get(k + 1) - t0) * s / pieces));
                        }
                    }
                }
            }
            wayNodes.add(nodes.stream().mapToLong(Long::longValue).toArray());
        }
        try (OsmWriter w = new OsmWriter(file)) {
            for (Map.Entry<Long, double[]> n : at.entrySet()) {
                double[] xy = n.getValue();
                w.node(n.getKey(), new LatLon(ref.latitude() + xy[1] / mLat, ref.longitude() + xy[0] / mLon));
            }
            for (int r = 0; r < roads.size(); r++) {
                Map<String, String> tags = new LinkedHashMap<>();
                tags.put("highway", roads.get(r).highway());
                if (roads.get(r).name() != null && !roads.get(r).name().isBlank()) {
                    tags.put("name", roads.get(r).name());
                }
                w.way(wayNodes.get(r), tags);
            }
        }
        return roads.size();
    }

    private static void add(List<Long> nodes, Map<String, Long> ids, Map<Long, double[]> at, double[] p) {
        String key = Math.round(p[0] * 10) + ":" + Math.round(p[1] * 10);
        Long id = ids.computeIfAbsent(key, k -> (long) ids.size() + 1);
        at.putIfAbsent(id, p);
        if (nodes.isEmpty() || nodes.get(nodes.size() - 1).longValue() != id) {
            nodes.add(id);
        }
    }

    private static void cross(List<double[]> a, List<double[]> b, List<List<Double>> cutsA, List<List<Double>> cutsB) {
        for (int i = 0; i + 1 < a.size(); i++) {
            for (int j = 0; j + 1 < b.size(); j++) {
                double[] t = crossing(a.get(i), a.get(i + 1), b.get(j), b.get(j + 1));
                if (t != null) {
                    // Both cut at the same point: computed once from a, so the nodes round alike.
                    double[] x = lerp(a.get(i), a.get(i + 1), t[0]);
                    cutsA.get(i).add(t[0]);
                    cutsB.get(j).add(along(b.get(j), b.get(j + 1), x));
                }
            }
        }
    }

    /** A road's ends that stop short of (or run a little past) another road are joined to it. */
    private static void joinEnds(List<double[]> road, List<double[]> other, List<List<Double>> cutsRoad,
                                 List<List<Double>> cutsOther) {
        for (int end = 0; end < 2; end++) {
            double[] e = end == 0 ? road.get(0) : road.get(road.size() - 1);
            int bestSeg = -1;
            double bestT = 0;
            double best = JOIN_METRES;
            for (int j = 0; j + 1 < other.size(); j++) {
                double t = Math.max(0, Math.min(1, along(other.get(j), other.get(j + 1), e)));
                double[] q = lerp(other.get(j), other.get(j + 1), t);
                double d = Math.hypot(q[0] - e[0], q[1] - e[1]);
                if (d < best && d > 0.05) {
                    best = d;
                    bestSeg = j;
                    bestT = t;
                }
            }
            if (bestSeg >= 0) {
                double[] q = lerp(other.get(bestSeg), other.get(bestSeg + 1), bestT);
                e[0] = q[0];
                e[1] = q[1];
                cutsOther.get(bestSeg).add(bestT);
            }
        }
    }

    /** Fractions {t on ab, u on cd} where the segments cross strictly inside ab; null if they do not. */
    static double[] crossing(double[] a, double[] b, double[] c, double[] d) {
        double rx = b[0] - a[0];
        double ry = b[1] - a[1];
        double sx = d[0] - c[0];
        double sy = d[1] - c[1];
        double den = rx * sy - ry * sx;
        if (Math.abs(den) < 1e-9) {
            return null;
        }
        double t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
        double u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / den;
        return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? new double[] {t, u} : null;
    }

    /** Fraction along ab of the foot of p (unclamped). */
    private static double along(double[] a, double[] b, double[] p) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double l2 = dx * dx + dy * dy;
        return l2 == 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2;
    }

    private static double[] lerp(double[] a, double[] b, double t) {
        return new double[] {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t};
    }
}
