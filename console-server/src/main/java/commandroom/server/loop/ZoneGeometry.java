package commandroom.server.loop;

import commandroom.v1.Position;
import commandroom.v1.Zone;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Zone polygons as JTS geometry (lon/lat as x/y: inside one county the distortion does not change
 * what crosses what): whether a ring is a polygon at all, and how much of it another zone covers.
 * Neighbouring zones drawn by hand overlap along their shared road; more than {@link #OVERLAP_TOLERANCE}
 * of either zone is a mistake. Stateless.
 */
final class ZoneGeometry {

    /** Share of a zone another may cover before it is called an overlap. */
    static final double OVERLAP_TOLERANCE = 0.02;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private ZoneGeometry() {}

    static Polygon polygon(List<Position> ring) {
        Coordinate[] c = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            c[i] = new Coordinate(ring.get(i).getLongitude(), ring.get(i).getLatitude());
        }
        c[ring.size()] = c[0];
        return FACTORY.createPolygon(c);
    }

    /** What is wrong with the ring as a polygon, or empty if nothing. */
    static Optional<String> problem(List<Position> ring) {
        if (ring.size() < 3) {
            return Optional.of("fewer than 3 points");
        }
        if (ring.size() > 10_000) {
            return Optional.of("more than 10000 points");
        }
        Polygon p = polygon(ring);
        TopologyValidationError e = new IsValidOp(p).getValidationError();
        if (e != null) {
            return Optional.of(e.getMessage().toLowerCase(java.util.Locale.ROOT) + " at "
                    + String.format(java.util.Locale.ROOT, "%.6f,%.6f", e.getCoordinate().y, e.getCoordinate().x));
        }
        if (p.getArea() == 0) {
            return Optional.of("no area");
        }
        return Optional.empty();
    }

    /** The share (0..1) of the smaller of the two zones that both cover; 0 for invalid polygons. */
    static double overlap(Zone a, Zone b) {
        if (problem(a.getPolygonList()).isPresent() || problem(b.getPolygonList()).isPresent()) {
            return 0;
        }
        Polygon pa = polygon(a.getPolygonList());
        Polygon pb = polygon(b.getPolygonList());
        if (!pa.getEnvelopeInternal().intersects(pb.getEnvelopeInternal())) {
            return 0;
        }
        Geometry both = pa.intersection(pb);
        return both.getArea() / Math.min(pa.getArea(), pb.getArea());
    }
}
