package commandroom.app.wall;

import commandroom.app.model.CameraItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which cameras look at a place: fixed cameras whose field of view (a wedge: direction, angle,
 * range) holds it, nearest first; then, for cameras with no field of view known, the nearest
 * within a radius. Distances on a local flat earth, good to a few metres over a county.
 */
public final class AlarmCameras {

    /** Cameras without a known field of view count when they are this close. */
    public static final double RADIUS_METRES = 300;
    private static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

    private AlarmCameras() {}

    /** Up to max cameras for a place, those that see it first. */
    public static List<CameraItem> forPlace(double latitude, double longitude, Collection<CameraItem> cameras, int max) {
        List<CameraItem> seeing = new ArrayList<>();
        List<CameraItem> near = new ArrayList<>();
        for (CameraItem c : cameras) {
            double d = distanceMetres(c, latitude, longitude);
            if (c.hasFieldOfView()) {
                if (d <= c.rangeMetres() && withinAngle(c, latitude, longitude, d)) {
                    seeing.add(c);
                }
            } else if (d <= RADIUS_METRES) {
                near.add(c);
            }
        }
        Comparator<CameraItem> nearest = Comparator.comparingDouble(c -> distanceMetres(c, latitude, longitude));
        seeing.sort(nearest);
        near.sort(nearest);
        List<CameraItem> out = new ArrayList<>(seeing);
        out.addAll(near);
        return out.subList(0, Math.min(max, out.size()));
    }

    /** Whether the place lies inside the camera's angle of view (a camera on the spot sees it). */
    static boolean withinAngle(CameraItem c, double latitude, double longitude, double distance) {
        if (distance < 1) {
            return true;
        }
        double off = Math.abs(bearingDegrees(c, latitude, longitude) - c.directionDegrees()) % 360;
        return Math.min(off, 360 - off) <= c.angleDegrees() / 2;
    }

    static double distanceMetres(CameraItem c, double latitude, double longitude) {
        double[] d = offsetMetres(c, latitude, longitude);
        return Math.hypot(d[0], d[1]);
    }

    /** Degrees clockwise from north, from the camera to the place. */
    static double bearingDegrees(CameraItem c, double latitude, double longitude) {
        double[] d = offsetMetres(c, latitude, longitude);
        return (Math.toDegrees(Math.atan2(d[0], d[1])) + 360) % 360;
    }

    /** The place seen from the camera: metres east and north. */
    private static double[] offsetMetres(CameraItem c, double latitude, double longitude) {
        return new double[] {
            (longitude - c.longitude()) * METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(c.latitude())),
            (latitude - c.latitude()) * METRES_PER_DEGREE_LAT};
    }
}
