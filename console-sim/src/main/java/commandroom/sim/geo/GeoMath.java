package commandroom.sim.geo;

import commandroom.v1.Position;

/**
 * Distances, bearings and small moves on the WGS-84 earth, for the few kilometres of a county.
 *
 * <p>Distances use the haversine formula on a sphere of the mean earth radius; moves use a local
 * flat (east, north) frame, which over a county errs by millimetres. Stateless and thread-safe.
 */
public final class GeoMath {
    /** Mean earth radius in metres (IUGG). */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private GeoMath() {
    }

    /** A position from latitude and longitude in degrees. */
    public static Position position(double latitude, double longitude) {
        return Position.newBuilder().setLatitude(latitude).setLongitude(longitude).build();
    }

    /** Great-circle distance in metres. */
    public static double distanceMetres(Position a, Position b) {
        double phi1 = Math.toRadians(a.getLatitude());
        double phi2 = Math.toRadians(b.getLatitude());
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(b.getLongitude() - a.getLongitude());
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Initial bearing from one position to another, degrees clockwise from north, 0 (inclusive) .. 360. */
    public static double bearingDegrees(Position from, Position to) {
        double phi1 = Math.toRadians(from.getLatitude());
        double phi2 = Math.toRadians(to.getLatitude());
        double dLambda = Math.toRadians(to.getLongitude() - from.getLongitude());
        double y = Math.sin(dLambda) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
        double degrees = Math.toDegrees(Math.atan2(y, x));
        return (degrees % 360 + 360) % 360;
    }

    /** Metres east of {@code origin}, in the local flat frame. */
    public static double eastMetres(Position origin, Position p) {
        return Math.toRadians(p.getLongitude() - origin.getLongitude()) * EARTH_RADIUS_METRES
                * Math.cos(Math.toRadians(origin.getLatitude()));
    }

    /** Metres north of {@code origin}, in the local flat frame. */
    public static double northMetres(Position origin, Position p) {
        return Math.toRadians(p.getLatitude() - origin.getLatitude()) * EARTH_RADIUS_METRES;
    }

    /** The position so many metres east and north of {@code origin}. */
    public static Position offset(Position origin, double east, double north) {
        double latitude = origin.getLatitude() + Math.toDegrees(north / EARTH_RADIUS_METRES);
        double longitude = origin.getLongitude()
                + Math.toDegrees(east / (EARTH_RADIUS_METRES * Math.cos(Math.toRadians(origin.getLatitude()))));
        return position(latitude, longitude);
    }

    /**
     * Moves from one position toward another by a distance along the straight line; stops at the
     * target rather than overshooting it.
     */
    public static Position moveToward(Position from, Position to, double metres) {
        double east = eastMetres(from, to);
        double north = northMetres(from, to);
        double length = Math.hypot(east, north);
        if (length <= metres || length == 0) {
            return to;
        }
        double fraction = metres / length;
        return offset(from, east * fraction, north * fraction);
    }

    /** Distance in metres from a point to a polyline (to its nearest segment). */
    public static double distanceToLineMetres(Position p, java.util.List<Position> line) {
        if (line.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        if (line.size() == 1) {
            return distanceMetres(p, line.get(0));
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < line.size(); i++) {
            double ax = eastMetres(p, line.get(i));
            double ay = northMetres(p, line.get(i));
            double bx = eastMetres(p, line.get(i + 1));
            double by = northMetres(p, line.get(i + 1));
            double dx = bx - ax;
            double dy = by - ay;
            double lengthSquared = dx * dx + dy * dy;
            double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
            best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
        }
        return best;
    }
}
