package commandroom.sim.county;

import commandroom.sim.geo.GeoMath;
import commandroom.sim.geo.Polygons;
import commandroom.v1.Camera;
import commandroom.v1.CameraKind;
import commandroom.v1.CountySeed;
import commandroom.v1.Position;
import commandroom.v1.Road;
import commandroom.v1.Zone;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Questions about a county seed that the simulated world asks: which zone holds a point, which
 * road is nearest, which fixed cameras look at a place.
 *
 * <p>Immutable after construction; any thread may call it.
 */
public final class CountyIndex {
    private final CountySeed seed;

    /** @param seed the county */
    public CountyIndex(CountySeed seed) {
        this.seed = seed;
    }

    /** The county. */
    public CountySeed seed() {
        return seed;
    }

    /** The zones. */
    public List<Zone> zones() {
        return seed.getZonesList();
    }

    /** The zone whose polygon holds the point, if any. */
    public Optional<Zone> zoneAt(Position p) {
        return seed.getZonesList().stream().filter(z -> Polygons.contains(z.getPolygonList(), p)).findFirst();
    }

    /** The zone with this id, if any. */
    public Optional<Zone> zone(String zoneId) {
        return seed.getZonesList().stream().filter(z -> z.getId().equals(zoneId)).findFirst();
    }

    /** The road whose centre line is nearest the point, with its distance in metres. */
    public Optional<NearestRoad> nearestRoad(Position p) {
        NearestRoad best = null;
        for (Road road : seed.getRoadsList()) {
            double metres = GeoMath.distanceToLineMetres(p, road.getLineList());
            if (best == null || metres < best.metres()) {
                best = new NearestRoad(road, metres);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Fixed cameras (those with a field of view) within a radius, nearest first.
     *
     * @param p the place
     * @param radiusMetres how far to look
     * @param max at most this many
     */
    public List<Camera> fixedCamerasNear(Position p, double radiusMetres, int max) {
        return seed.getCamerasList().stream()
                .filter(c -> c.hasFieldOfView() && c.getKind() != CameraKind.CAMERA_KIND_BODY)
                .filter(c -> GeoMath.distanceMetres(c.getPosition(), p) <= radiusMetres)
                .sorted(Comparator.comparingDouble(c -> GeoMath.distanceMetres(c.getPosition(), p)))
                .limit(max)
                .toList();
    }

    /** A road and how far a point is from it. */
    public record NearestRoad(Road road, double metres) {
    }
}
