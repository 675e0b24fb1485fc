package commandroom.server.testing;

import commandroom.v1.Camera;
import commandroom.v1.CameraKind;
import commandroom.v1.CountySeed;
import commandroom.v1.FieldOfView;
import commandroom.v1.Position;
import commandroom.v1.Role;
import commandroom.v1.SeedUser;
import commandroom.v1.Staffing;
import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import commandroom.v1.Zone;

/**
 * A two-zone county small enough to reason about in a test, with the same user names as the demo
 * county (duty1, leader1, chief1, admin1, u-cd-co1 ...) so that outside clients work on both.
 */
public final class TestCounty {

    public static final String PASSWORD = "qingxi-demo";
    public static final String STATION = "s-qingxi";

    private TestCounty() {}

    public static CountySeed seed() {
        CountySeed.Builder b = CountySeed.newBuilder().setName("测试县").setStationId(STATION)
                .setCentre(pos(30.545, 119.960));
        b.addZones(zone("z-cd", "城东警务区", 30.540, 119.960, 30.550, 119.970, "u-cd-co1"));
        b.addZones(zone("z-cx", "城西警务区", 30.540, 119.950, 30.550, 119.960, "u-cx-co1"));
        b.addUnits(unit("u-cd-co1", "城东社区民警 李明", UnitKind.UNIT_KIND_COMMUNITY_OFFICER, "z-cd", 30.545, 119.965));
        b.addUnits(unit("u-cd-aux1", "城东辅警 王强", UnitKind.UNIT_KIND_AUXILIARY_OFFICER, "z-cd", 30.546, 119.966));
        b.addUnits(unit("u-cx-co1", "城西社区民警 张华", UnitKind.UNIT_KIND_COMMUNITY_OFFICER, "z-cx", 30.545, 119.955));
        b.addUnits(unit("u-car1", "巡逻车 1", UnitKind.UNIT_KIND_PATROL_CAR, "z-cx", 30.544, 119.954));
        b.addCameras(Camera.newBuilder().setId("c-001").setName("人民路口").setKind(CameraKind.CAMERA_KIND_SKYNET)
                .setPosition(pos(30.545, 119.962)).setZoneId("z-cd").setStationId(STATION)
                .setMainStreamUrl("rtsp://127.0.0.1:8554/c-001/main").setSubStreamUrl("rtsp://127.0.0.1:8554/c-001/sub")
                .setFieldOfView(FieldOfView.newBuilder().setDirectionDegrees(90).setAngleDegrees(70).setRangeMetres(150)));
        b.addCameras(Camera.newBuilder().setId("c-002").setName("解放街").setKind(CameraKind.CAMERA_KIND_XUELIANG)
                .setPosition(pos(30.545, 119.952)).setZoneId("z-cx").setStationId(STATION));
        b.addRoads(commandroom.v1.Road.newBuilder().setId("r-renmin").setName("人民路").setRoadClass("primary")
                .addLine(pos(30.545, 119.950)).addLine(pos(30.545, 119.970)));
        b.addUsers(user("duty1", "值班民警 周", Role.ROLE_DUTY_OFFICER, ""));
        b.addUsers(user("duty2", "值班民警 吴", Role.ROLE_DUTY_OFFICER, ""));
        b.addUsers(user("leader1", "带班领导 郑", Role.ROLE_SHIFT_LEADER, ""));
        b.addUsers(user("chief1", "所长 陈", Role.ROLE_STATION_CHIEF, ""));
        b.addUsers(user("admin1", "管理员", Role.ROLE_ADMIN, ""));
        for (String u : new String[] {"u-cd-co1", "u-cd-aux1", "u-cx-co1", "u-car1"}) {
            b.addUsers(user(u, u, Role.ROLE_FIELD_UNIT, u));
        }
        return b.build();
    }

    public static Position pos(double lat, double lon) {
        return Position.newBuilder().setLatitude(lat).setLongitude(lon).build();
    }

    private static Zone zone(String id, String name, double lat0, double lon0, double lat1, double lon1, String co) {
        return Zone.newBuilder().setId(id).setName(name).setStationId(STATION).setCommunityOfficerUnitId(co)
                .addPolygon(pos(lat0, lon0)).addPolygon(pos(lat0, lon1)).addPolygon(pos(lat1, lon1)).addPolygon(pos(lat1, lon0))
                .setStaffing(Staffing.newBuilder().setCommunityOfficers(1).setAuxiliaryOfficers(1)).build();
    }

    private static Unit unit(String id, String name, UnitKind kind, String zone, double lat, double lon) {
        return Unit.newBuilder().setId(id).setName(name).setKind(kind).setStationId(STATION).setZoneId(zone)
                .setPosition(pos(lat, lon)).build();
    }

    private static SeedUser user(String name, String display, Role role, String unit) {
        return SeedUser.newBuilder().setUsername(name).setDisplayName(display).setRole(role).setUnitId(unit)
                .setPassword(PASSWORD).setStationId(STATION).build();
    }
}
