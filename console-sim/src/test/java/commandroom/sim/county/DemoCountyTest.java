package commandroom.sim.county;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import commandroom.sim.geo.Polygons;
import commandroom.v1.Camera;
import commandroom.v1.CameraKind;
import commandroom.v1.CountySeed;
import commandroom.v1.Position;
import commandroom.v1.Role;
import commandroom.v1.SeedUser;
import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import commandroom.v1.Zone;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCountyTest {
    private static final CountySeed COUNTY = DemoCounty.load();

    @Test
    void demoCountyLoadsFromTheClasspathWithItsStationAndCentre() {
        assertEquals("清溪县（演示）", COUNTY.getName());
        assertEquals("s-qingxi", COUNTY.getStationId());
        assertEquals(30.5450, COUNTY.getCentre().getLatitude(), 1e-9);
        assertEquals(119.9600, COUNTY.getCentre().getLongitude(), 1e-9);
        assertEquals(10, COUNTY.getZonesCount());
        assertTrue(COUNTY.getCamerasCount() >= 48, "cameras: " + COUNTY.getCamerasCount());
        assertTrue(COUNTY.getRoadsCount() >= 10 && COUNTY.getRoadsCount() <= 14, "roads: " + COUNTY.getRoadsCount());
    }

    @Test
    void everyZoneIsStaffedExactlyAsItsStaffingSays() {
        for (Zone zone : COUNTY.getZonesList()) {
            assertTrue(zone.getName().endsWith("警务区"), zone.getName());
            assertEquals("s-qingxi", zone.getStationId());
            assertEquals(1, zone.getStaffing().getCommunityOfficers(), zone.getId());
            assertTrue(zone.getStaffing().getAuxiliaryOfficers() >= 1 && zone.getStaffing().getAuxiliaryOfficers() <= 2);
            assertEquals(1, zone.getStaffing().getGridWorkers(), zone.getId());
            assertEquals(3, zone.getStaffing().getVolunteers(), zone.getId());
            assertEquals(zone.getStaffing().getCommunityOfficers(), count(zone, UnitKind.UNIT_KIND_COMMUNITY_OFFICER));
            assertEquals(zone.getStaffing().getAuxiliaryOfficers(), count(zone, UnitKind.UNIT_KIND_AUXILIARY_OFFICER));
            assertEquals(zone.getStaffing().getGridWorkers(), count(zone, UnitKind.UNIT_KIND_GRID_WORKER));
            assertEquals(zone.getStaffing().getVolunteers(), count(zone, UnitKind.UNIT_KIND_VOLUNTEER));
            Unit officer = units().get(zone.getCommunityOfficerUnitId());
            assertNotNull(officer, zone.getId() + " names a community officer that does not exist");
            assertEquals(UnitKind.UNIT_KIND_COMMUNITY_OFFICER, officer.getKind());
            assertEquals(zone.getId(), officer.getZoneId());
        }
    }

    @Test
    void theStationHasFourPatrolCarsAndOneDrone() {
        assertEquals(4, COUNTY.getUnitsList().stream().filter(u -> u.getKind() == UnitKind.UNIT_KIND_PATROL_CAR).count());
        assertEquals(1, COUNTY.getUnitsList().stream().filter(u -> u.getKind() == UnitKind.UNIT_KIND_DRONE).count());
        assertTrue(units().containsKey("u-car1") && units().containsKey("u-drone1"));
    }

    @Test
    void everyUnitStartsInsideItsOwnZone() {
        Map<String, Zone> zones = zones();
        for (Unit unit : COUNTY.getUnitsList()) {
            Zone zone = zones.get(unit.getZoneId());
            assertNotNull(zone, unit.getId() + " has an unknown zone");
            assertTrue(unit.hasPosition(), unit.getId());
            assertTrue(Polygons.contains(zone.getPolygonList(), unit.getPosition()), unit.getId() + " is outside " + zone.getId());
            assertEquals("s-qingxi", unit.getStationId());
            assertFalse(unit.getName().isBlank());
        }
    }

    @Test
    void everyCameraStandsInTheZoneItNamesAndFixedCamerasHaveAPlausibleView() {
        Map<String, Zone> zones = zones();
        int body = 0;
        for (Camera camera : COUNTY.getCamerasList()) {
            Zone zone = zones.get(camera.getZoneId());
            assertNotNull(zone, camera.getId());
            assertTrue(Polygons.contains(zone.getPolygonList(), camera.getPosition()), camera.getId() + " is outside its zone");
            assertEquals("s-qingxi", camera.getStationId());
            assertTrue(camera.getId().matches("c-\\d{3}"), camera.getId());
            String stream = "udp://@127.0.0.1:" + (24000 + Integer.parseInt(camera.getId().substring(2)));
            assertEquals(stream, camera.getSubStreamUrl(), "each camera its own port");
            assertEquals("rtsp://127.0.0.1:8554/" + camera.getId(), camera.getMainStreamUrl(),
                    "the main stream from the RTSP server, as real cameras serve it");
            if (camera.getKind() == CameraKind.CAMERA_KIND_BODY || camera.getKind() == CameraKind.CAMERA_KIND_DRONE) {
                // Worn or carried: no view of its own, and where its unit is.
                body++;
                assertFalse(camera.hasFieldOfView(), camera.getId());
                Unit wearer = COUNTY.getUnitsList().stream().filter(u -> u.getId().equals(camera.getUnitId())).findFirst()
                        .orElseThrow(() -> new AssertionError(camera.getId() + " names no unit"));
                assertEquals(wearer.getPosition(), camera.getPosition(), camera.getId() + " where its unit is");
            } else {
                assertTrue(Set.of(CameraKind.CAMERA_KIND_SKYNET, CameraKind.CAMERA_KIND_XUELIANG,
                        CameraKind.CAMERA_KIND_FACE_CAPTURE).contains(camera.getKind()), camera.getId());
                double angle = camera.getFieldOfView().getAngleDegrees();
                double range = camera.getFieldOfView().getRangeMetres();
                double direction = camera.getFieldOfView().getDirectionDegrees();
                assertTrue(angle >= 60 && angle <= 90, camera.getId() + " angle " + angle);
                assertTrue(range >= 80 && range <= 200, camera.getId() + " range " + range);
                assertTrue(direction >= 0 && direction < 360, camera.getId() + " direction " + direction);
            }
        }
        assertEquals(3, body, "two body cameras and the drone's");
    }

    @Test
    void everyUnitHasExactlyOneFieldUserNamedAfterIt() {
        List<SeedUser> fieldUsers = COUNTY.getUsersList().stream().filter(u -> u.getRole() == Role.ROLE_FIELD_UNIT).toList();
        assertEquals(COUNTY.getUnitsCount(), fieldUsers.size());
        Set<String> seen = new HashSet<>();
        for (SeedUser user : fieldUsers) {
            assertEquals(user.getUsername(), user.getUnitId());
            assertTrue(units().containsKey(user.getUnitId()), user.getUsername());
            assertTrue(seen.add(user.getUnitId()), "two users for " + user.getUnitId());
        }
    }

    @Test
    void consoleAndSimulatorUsersHaveTheirRoles() {
        Map<String, SeedUser> users = COUNTY.getUsersList().stream()
                .collect(Collectors.toMap(SeedUser::getUsername, Function.identity()));
        assertEquals(Role.ROLE_DUTY_OFFICER, users.get("duty1").getRole());
        assertEquals(Role.ROLE_DUTY_OFFICER, users.get("duty2").getRole());
        assertEquals(Role.ROLE_SHIFT_LEADER, users.get("leader1").getRole());
        assertEquals(Role.ROLE_STATION_CHIEF, users.get("chief1").getRole());
        assertEquals(Role.ROLE_ADMIN, users.get("admin1").getRole());
        assertEquals(Role.ROLE_DUTY_OFFICER, users.get("sim-duty").getRole());
        assertEquals(Role.ROLE_SHIFT_LEADER, users.get("sim-leader").getRole());
        assertEquals(Role.ROLE_STATION_CHIEF, users.get("sim-chief").getRole());
        for (SeedUser user : COUNTY.getUsersList()) {
            assertEquals(DemoCounty.DEMO_PASSWORD, user.getPassword(), user.getUsername());
            assertEquals("s-qingxi", user.getStationId(), user.getUsername());
            assertFalse(user.getDisplayName().isBlank(), user.getUsername());
        }
    }

    @Test
    void zonesAreConvexAndEachZoneCentreLiesInNoOtherZone() {
        for (Zone zone : COUNTY.getZonesList()) {
            assertTrue(isConvex(zone.getPolygonList()), zone.getId() + " is not convex");
            Position centre = Polygons.vertexCentroid(zone.getPolygonList());
            List<String> holders = COUNTY.getZonesList().stream()
                    .filter(z -> Polygons.contains(z.getPolygonList(), centre)).map(Zone::getId).toList();
            assertEquals(List.of(zone.getId()), holders);
        }
    }

    @Test
    void idsAreUniqueAcrossEachKindOfThing() {
        assertEquals(COUNTY.getZonesCount(), COUNTY.getZonesList().stream().map(Zone::getId).distinct().count());
        assertEquals(COUNTY.getUnitsCount(), COUNTY.getUnitsList().stream().map(Unit::getId).distinct().count());
        assertEquals(COUNTY.getCamerasCount(), COUNTY.getCamerasList().stream().map(Camera::getId).distinct().count());
        assertEquals(COUNTY.getUsersCount(), COUNTY.getUsersList().stream().map(SeedUser::getUsername).distinct().count());
    }

    @Test
    void theCountySurvivesARoundTripThroughJsonFormat() throws Exception {
        String json = JsonFormat.printer().print(COUNTY);
        assertEquals(COUNTY, DemoCounty.parse(json));
    }

    @Test
    void theShippedFileIsExactlyWhatTheGeneratorAndJsonFormatWouldWrite() throws Exception {
        // A hand edit of county.json shows up here: change assets/tools/make_demo_county.py instead.
        try (var in = DemoCounty.class.getClassLoader().getResourceAsStream(DemoCounty.RESOURCE)) {
            String shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(JsonFormat.printer().print(COUNTY) + "\n", shipped);
        }
    }

    private static long count(Zone zone, UnitKind kind) {
        return COUNTY.getUnitsList().stream().filter(u -> u.getZoneId().equals(zone.getId()) && u.getKind() == kind).count();
    }

    private static Map<String, Unit> units() {
        return COUNTY.getUnitsList().stream().collect(Collectors.toMap(Unit::getId, Function.identity()));
    }

    private static Map<String, Zone> zones() {
        return COUNTY.getZonesList().stream().collect(Collectors.toMap(Zone::getId, Function.identity()));
    }

    private static boolean isConvex(List<Position> ring) {
        int n = ring.size();
        int sign = 0;
        for (int i = 0; i < n; i++) {
            Position a = ring.get(i);
            Position b = ring.get((i + 1) % n);
            Position c = ring.get((i + 2) % n);
            double cross = (b.getLongitude() - a.getLongitude()) * (c.getLatitude() - b.getLatitude())
                    - (b.getLatitude() - a.getLatitude()) * (c.getLongitude() - b.getLongitude());
            int s = (int) Math.signum(cross);
            if (s != 0) {
                if (sign != 0 && s != sign) {
                    return false;
                }
                sign = s;
            }
        }
        return n >= 3;
    }
}
