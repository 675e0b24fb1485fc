package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.app.model.CameraItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which cameras see a place, on a small made-up street corner. */
class AlarmCamerasTest {

    private static final double LAT = 30.0;
    private static final double LON = 120.0;
    /** About a metre of latitude and of longitude at 30°N, in degrees. */
    private static final double M_LAT = 1 / 110_574.0;
    private static final double M_LON = 1 / (111_320.0 * Math.cos(Math.toRadians(LAT)));

    private final CameraItem east = fixed("east", 0, 0, 90, 60, 100);
    private final CameraItem north = fixed("north", 0, 0, 0, 60, 100);
    private final CameraItem farEast = fixed("far-east", 0, -80, 90, 40, 200);
    private final CameraItem body = new CameraItem("body", "执法记录仪", "BODY", "z", "s", LAT + 200 * M_LAT, LON,
            "", "", 0, 0, 0);
    private final CameraItem farBody = new CameraItem("far-body", "执法记录仪", "BODY", "z", "s", LAT + 400 * M_LAT, LON,
            "", "", 0, 0, 0);
    private final List<CameraItem> all = List.of(north, farBody, body, farEast, east);

    @Test
    void fixedCamerasThatSeeThePlaceComeFirstNearestFirstThenNearbyCamerasWithoutAView() {
        assertEquals(List.of("east", "far-east", "body"), ids(AlarmCameras.forPlace(LAT, LON + 50 * M_LON, all, 8)),
                "50 m east: in the east camera's wedge and the far one's; the body camera is within 300 m");
        assertEquals(List.of("north", "body"), ids(AlarmCameras.forPlace(LAT + 50 * M_LAT, LON, all, 8)),
                "50 m north: only the north camera looks that way");
        assertEquals(List.of("far-east", "body"), ids(AlarmCameras.forPlace(LAT, LON + 110 * M_LON, all, 8)),
                "110 m east: beyond the east camera's 100 m");
        assertEquals(List.of("east"), ids(AlarmCameras.forPlace(LAT, LON + 50 * M_LON, all, 1)), "at most max");
        assertEquals(List.of(), ids(AlarmCameras.forPlace(LAT - 1000 * M_LAT, LON, all, 8)), "nobody sees it");
    }

    private static CameraItem fixed(String id, double northMetres, double eastMetres, double direction, double angle,
                                    double range) {
        return new CameraItem(id, id, "SKYNET", "z", "s", LAT + northMetres * M_LAT, LON + eastMetres * M_LON, "", "",
                direction, angle, range);
    }

    private static List<String> ids(List<CameraItem> cameras) {
        return cameras.stream().map(CameraItem::id).toList();
    }
}
