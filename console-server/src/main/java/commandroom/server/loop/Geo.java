package commandroom.server.loop;

import commandroom.v1.Position;
import commandroom.v1.Zone;
import java.util.Collection;
import java.util.Optional;

/** Plane geometry good enough inside one county: point in zone, distance in metres. Stateless. */
public final class Geo {

    private static final double EARTH_RADIUS_M = 6_371_000;

    private Geo() {}

    /** The zone whose polygon holds the point, if any (ray casting on lon/lat). */
    public static Optional<Zone> zoneAt(Collection<Zone> zones, Position p) {
        for (Zone z : zones) {
            if (contains(z, p)) {
                return Optional.of(z);
            }
        }
        return Optional.empty();
    }

    public static boolean contains(Zone z, Position p) {
        boolean inside = false;
        int n = z.getPolygonCount();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            Position a = z.getPolygon(i);
            Position b = z.getPolygon(j);
            if ((a.getLatitude() > p.getLatitude()) != (b.getLatitude() > p.getLatitude())
                    && p.getLongitude() < (b.getLongitude() - a.getLongitude())
                    * (p.getLatitude() - a.getLatitude()) / (b.getLatitude() - a.getLatitude()) + a.getLongitude()) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Great-circle distance in metres (haversine). */
    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
