package commandroom.sim.geo;

import commandroom.v1.Position;
import java.util.List;
import java.util.Random;

/**
 * Point-in-polygon and random points for zone outlines (rings of {@link Position}, not closed).
 *
 * <p>Tests run on longitude/latitude directly: the flat frame of a county is an affine image of
 * it, and containment does not change under an affine map. Stateless and thread-safe.
 */
public final class Polygons {
    private static final int MAX_TRIES = 10_000;

    private Polygons() {
    }

    /** Whether the ring holds the point (even-odd rule; points on an edge may fall either way). */
    public static boolean contains(List<Position> ring, Position p) {
        boolean inside = false;
        double x = p.getLongitude();
        double y = p.getLatitude();
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double xi = ring.get(i).getLongitude();
            double yi = ring.get(i).getLatitude();
            double xj = ring.get(j).getLongitude();
            double yj = ring.get(j).getLatitude();
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The mean of the ring's vertices: inside any convex ring. */
    public static Position vertexCentroid(List<Position> ring) {
        double latitude = 0;
        double longitude = 0;
        for (Position p : ring) {
            latitude += p.getLatitude();
            longitude += p.getLongitude();
        }
        return GeoMath.position(latitude / ring.size(), longitude / ring.size());
    }

    /**
     * A uniformly random point inside the ring, by rejection from its bounding box.
     *
     * @throws IllegalArgumentException if the ring has no area to speak of
     */
    public static Position randomPointInside(List<Position> ring, Random random) {
        double minLat = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        for (Position p : ring) {
            minLat = Math.min(minLat, p.getLatitude());
            maxLat = Math.max(maxLat, p.getLatitude());
            minLon = Math.min(minLon, p.getLongitude());
            maxLon = Math.max(maxLon, p.getLongitude());
        }
        for (int i = 0; i < MAX_TRIES; i++) {
            Position p = GeoMath.position(minLat + random.nextDouble() * (maxLat - minLat),
                    minLon + random.nextDouble() * (maxLon - minLon));
            if (contains(ring, p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("ring of " + ring.size() + " points has no usable inside");
    }
}
