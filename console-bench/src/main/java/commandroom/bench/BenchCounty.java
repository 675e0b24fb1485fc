package commandroom.bench;

import commandroom.server.loop.SlaPolicy;
import commandroom.v1.CountySeed;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.Role;
import commandroom.v1.SeedUser;
import commandroom.v1.Staffing;
import commandroom.v1.TaskStep;
import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import commandroom.v1.Zone;
import java.time.Duration;
import java.util.Locale;

/**
 * A synthetic county built in code for load runs: square zones in a grid of 50 units each, M field
 * units with a terminal log-in each, N console users, one shift leader and a few duty officers who
 * take in incidents. Every user has the same password. Stateless.
 */
public final class BenchCounty {

    public static final String PASSWORD = "bench-password";
    static final String STATION = "s-bench";
    public static final String LEADER = "leader-01";

    private static final int UNITS_PER_ZONE = 50;
    private static final int ZONES_PER_ROW = 10;
    private static final double ZONE_DEGREES = 0.01;
    private static final double SOUTH = 30.50;
    private static final double WEST = 119.90;
    private static final UnitKind[] KINDS = {UnitKind.UNIT_KIND_COMMUNITY_OFFICER,
        UnitKind.UNIT_KIND_AUXILIARY_OFFICER, UnitKind.UNIT_KIND_GRID_WORKER, UnitKind.UNIT_KIND_VOLUNTEER,
        UnitKind.UNIT_KIND_PATROL_CAR};

    private BenchCounty() {}

    /**
     * Step clocks of 12 hours for every step and priority. The bench's units never sign for their
     * tasks; with the default clocks (sign for within a minute) every task would raise TaskOverdue
     * a minute after its dispatch, and those events would mix into a long window.
     */
    static SlaPolicy relaxedClocks() {
        SlaPolicy sla = SlaPolicy.defaults();
        Duration long12h = Duration.ofHours(12);
        for (TaskStep step : new TaskStep[] {TaskStep.TASK_STEP_SIGN_FOR, TaskStep.TASK_STEP_ARRIVE,
            TaskStep.TASK_STEP_FEEDBACK}) {
            sla = sla.with(step, null, null, long12h);
            for (Priority p : new Priority[] {Priority.PRIORITY_URGENT, Priority.PRIORITY_HIGH,
                Priority.PRIORITY_NORMAL, Priority.PRIORITY_LOW}) {
                sla = sla.with(step, null, p, long12h);
            }
        }
        return sla;
    }

    /** Login name (and unit id) of field unit i, 0-based. */
    public static String unit(int i) {
        return String.format(Locale.ROOT, "u-%05d", i);
    }

    /** Login name of console user i, 0-based. */
    public static String console(int i) {
        return String.format(Locale.ROOT, "console-%04d", i);
    }

    /** Login name of duty officer i, 0-based (they report incidents). */
    public static String intake(int i) {
        return String.format(Locale.ROOT, "intake-%02d", i);
    }

    /** Zone of unit i. */
    static String zoneOfUnit(int i) {
        return zone(i / UNITS_PER_ZONE);
    }

    /** A point in the middle of the zone of unit i (where its incidents happen). */
    static Position centreOfUnitZone(int i) {
        int z = i / UNITS_PER_ZONE;
        return pos(south(z) + ZONE_DEGREES / 2, west(z) + ZONE_DEGREES / 2);
    }

    /** The county: zones, units, and the users named by {@link #unit}, {@link #console}, {@link #intake}. */
    public static CountySeed build(int units, int consoles, int intakeUsers) {
        CountySeed.Builder b = CountySeed.newBuilder().setName("负载测试县").setStationId(STATION)
                .setCentre(pos(SOUTH + 0.05, WEST + 0.05));
        int zones = (units + UNITS_PER_ZONE - 1) / UNITS_PER_ZONE;
        for (int z = 0; z < zones; z++) {
            double s = south(z);
            double w = west(z);
            double n = s + ZONE_DEGREES;
            double e = w + ZONE_DEGREES;
            b.addZones(Zone.newBuilder().setId(zone(z)).setName("警务区 " + (z + 1)).setStationId(STATION)
                    .addPolygon(pos(s, w)).addPolygon(pos(s, e)).addPolygon(pos(n, e)).addPolygon(pos(n, w))
                    .setCommunityOfficerUnitId(unit(z * UNITS_PER_ZONE))
                    .setStaffing(Staffing.newBuilder().setCommunityOfficers(1).setAuxiliaryOfficers(2)
                            .setGridWorkers(1).setVolunteers(UNITS_PER_ZONE - 4)));
        }
        for (int i = 0; i < units; i++) {
            Position p = centreOfUnitZone(i);
            b.addUnits(Unit.newBuilder().setId(unit(i)).setName("单位 " + (i + 1)).setKind(KINDS[i % KINDS.length])
                    .setStationId(STATION).setZoneId(zoneOfUnit(i))
                    .setPosition(pos(p.getLatitude() + (i % 7) * 0.0005, p.getLongitude() + (i % 5) * 0.0005)));
            b.addUsers(user(unit(i), "终端 " + unit(i), Role.ROLE_FIELD_UNIT, unit(i)));
        }
        for (int i = 0; i < consoles; i++) {
            b.addUsers(user(console(i), "席位 " + (i + 1), Role.ROLE_DUTY_OFFICER, ""));
        }
        for (int i = 0; i < intakeUsers; i++) {
            b.addUsers(user(intake(i), "接警 " + (i + 1), Role.ROLE_DUTY_OFFICER, ""));
        }
        b.addUsers(user(LEADER, "带班领导", Role.ROLE_SHIFT_LEADER, ""));
        return b.build();
    }

    private static String zone(int z) {
        return String.format(Locale.ROOT, "z-%03d", z);
    }

    private static double south(int z) {
        return SOUTH + (z / ZONES_PER_ROW) * ZONE_DEGREES;
    }

    private static double west(int z) {
        return WEST + (z % ZONES_PER_ROW) * ZONE_DEGREES;
    }

    private static Position pos(double lat, double lon) {
        return Position.newBuilder().setLatitude(lat).setLongitude(lon).build();
    }

    private static SeedUser user(String name, String display, Role role, String unitId) {
        return SeedUser.newBuilder().setUsername(name).setDisplayName(display).setRole(role).setUnitId(unitId)
                .setPassword(PASSWORD).setStationId(STATION).build();
    }
}
