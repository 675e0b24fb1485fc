package commandroom.server.loop;

import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import commandroom.v1.UnitStatus;
import commandroom.v1.Zone;
import commandroom.v1.ZoneStrength;
import java.util.ArrayList;
import java.util.List;

/**
 * The station's staffing rule (网格 + 警格: per zone a community officer, one or two auxiliary
 * officers, a grid worker, volunteers; each zone's numbers in its registry entry) against who is
 * on duty now: a unit off duty or out of service does not count, one on a break does. Stateless.
 */
public final class Staffing {

    private Staffing() {}

    /** Each zone and kind with fewer on duty than the rule wants, in zone order. */
    public static List<ZoneStrength> underStrength(HubState s) {
        List<ZoneStrength> out = new ArrayList<>();
        for (Zone z : s.zones()) {
            var rule = z.getStaffing();
            check(s, z, UnitKind.UNIT_KIND_COMMUNITY_OFFICER, rule.getCommunityOfficers(), out);
            check(s, z, UnitKind.UNIT_KIND_AUXILIARY_OFFICER, rule.getAuxiliaryOfficers(), out);
            check(s, z, UnitKind.UNIT_KIND_GRID_WORKER, rule.getGridWorkers(), out);
            check(s, z, UnitKind.UNIT_KIND_VOLUNTEER, rule.getVolunteers(), out);
        }
        return out;
    }

    private static void check(HubState s, Zone z, UnitKind kind, int wanted, List<ZoneStrength> out) {
        if (wanted <= 0) {
            return;
        }
        int on = 0;
        for (Unit u : s.units()) {
            if (u.getZoneId().equals(z.getId()) && u.getKind() == kind && onDuty(u)) {
                on++;
            }
        }
        if (on < wanted) {
            out.add(ZoneStrength.newBuilder().setZoneId(z.getId()).setKind(kind).setOnDuty(on).setWanted(wanted).build());
        }
    }

    static boolean onDuty(Unit u) {
        return u.getStatus() != UnitStatus.UNIT_STATUS_OFF_DUTY && u.getStatus() != UnitStatus.UNIT_STATUS_OUT_OF_SERVICE;
    }
}
