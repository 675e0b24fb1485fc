package commandroom.app.map;

import commandroom.app.model.GeoPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * A zone's outline while someone edits it on the map: its corners in order (the ring not closed),
 * moved, added on an edge and removed, and whether it crosses itself (a ring that does cannot be a
 * zone; the hub refuses it too, but the editor says where before anything is sent). Corners are
 * found by screen distance in the viewport the user sees. Holds no Node; FX thread only.
 */
public final class OutlineEdit {

    /** The fewest corners of a ring with an area. */
    public static final int MIN_CORNERS = 3;

    private final List<GeoPoint> original;
    private final List<GeoPoint> corners;

    public OutlineEdit(List<GeoPoint> outline) {
        this.original = List.copyOf(outline);
        this.corners = new ArrayList<>(outline);
    }

    public List<GeoPoint> corners() {
        return List.copyOf(corners);
    }

    public boolean changed() {
        return !original.equals(corners);
    }

    /** The corner within tolerance pixels of (x, y), the nearest one; -1 if none. */
    public int cornerNear(MapViewport v, double x, double y, double tolerance) {
        int best = -1;
        double bestDistance = tolerance;
        for (int i = 0; i < corners.size(); i++) {
            GeoPoint p = corners.get(i);
            double d = Math.hypot(v.screenX(p.longitude()) - x, v.screenY(p.latitude()) - y);
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * The edge whose middle is within tolerance pixels of (x, y): edge i runs from corner i to the
     * next; -1 if none. Dragging an edge's middle adds a corner there.
     */
    public int edgeMiddleNear(MapViewport v, double x, double y, double tolerance) {
        int best = -1;
        double bestDistance = tolerance;
        for (int i = 0; i < corners.size(); i++) {
            GeoPoint m = middle(i);
            double d = Math.hypot(v.screenX(m.longitude()) - x, v.screenY(m.latitude()) - y);
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The middle of edge i (corner i to the next). */
    public GeoPoint middle(int edge) {
        GeoPoint a = corners.get(edge);
        GeoPoint b = corners.get((edge + 1) % corners.size());
        return new GeoPoint((a.latitude() + b.latitude()) / 2, (a.longitude() + b.longitude()) / 2);
    }

    public void move(int corner, GeoPoint to) {
        corners.set(corner, to);
    }

    /** Adds a corner on edge i, at a point; answers the new corner's index. */
    public int addOn(int edge, GeoPoint at) {
        corners.add(edge + 1, at);
        return edge + 1;
    }

    /** Removes a corner unless the ring would have fewer than three; true if it did. */
    public boolean remove(int corner) {
        if (corners.size() <= MIN_CORNERS) {
            return false;
        }
        corners.remove(corner);
        return true;
    }

    /**
     * The first two edges that cross (edge numbers from 1, as the user counts them), or null if the
     * ring is simple. Edges that share a corner do not count as crossing. Planar in degrees: at a
     * zone's size the difference from a projection does not move a crossing.
     */
    public int[] crossing() {
        int n = corners.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (j == i + 1 || (i == 0 && j == n - 1)) {
                    continue;
                }
                if (cross(corners.get(i), corners.get((i + 1) % n), corners.get(j), corners.get((j + 1) % n))) {
                    return new int[] {i + 1, j + 1};
                }
            }
        }
        return null;
    }

    private static boolean cross(GeoPoint a, GeoPoint b, GeoPoint c, GeoPoint d) {
        double d1 = side(c, d, a);
        double d2 = side(c, d, b);
        double d3 = side(a, b, c);
        double d4 = side(a, b, d);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }

    /** Which side of the line p→q the point r is on (the sign of the cross product). */
    private static double side(GeoPoint p, GeoPoint q, GeoPoint r) {
        return (q.longitude() - p.longitude()) * (r.latitude() - p.latitude())
                - (q.latitude() - p.latitude()) * (r.longitude() - p.longitude());
    }
}
