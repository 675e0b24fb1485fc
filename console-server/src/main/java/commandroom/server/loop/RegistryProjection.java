package commandroom.server.loop;

import com.google.protobuf.Message;
import commandroom.v1.Camera;
import commandroom.v1.Event;
import commandroom.v1.RegistryChange;
import commandroom.v1.RegistryChangeKind;
import commandroom.v1.RegistryKind;
import commandroom.v1.Unit;
import commandroom.v1.UnitStatus;
import commandroom.v1.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies the registry's events: an item registered, changed or retired moves between the live
 * maps and the retired ones, gets its next version (counted here, so a log written before versions
 * existed reads the same), and a line in its history. Returns the item as stored. Called by the
 * {@link Projector} only.
 */
final class RegistryProjection {

    /** Import batches carry this idempotency key prefix, then the file's SHA-256. */
    static final String IMPORT_KEY = "import:";

    private RegistryProjection() {}

    static Message zone(HubState s, Event e) {
        var r = e.getZoneRegistered();
        Zone old = s.zones.containsKey(r.getZone().getId()) ? s.zones.get(r.getZone().getId())
                : s.retiredZones.get(r.getZone().getId());
        Zone z = r.getZone().toBuilder().setVersion(next(old == null ? 0 : old.getVersion())).build();
        place(s.zones, s.retiredZones, z.getId(), z, z.getRetired());
        record(s, e, RegistryKind.REGISTRY_KIND_ZONE, z.getId(), old == null, z.getRetired(), r.getChangedFieldsList(),
                r.getReason(), z.getVersion());
        return z;
    }

    static Message unit(HubState s, Event e, UnitStatus liveStatus) {
        var r = e.getUnitRegistered();
        Unit old = s.units.containsKey(r.getUnit().getId()) ? s.units.get(r.getUnit().getId())
                : s.retiredUnits.get(r.getUnit().getId());
        Unit u = r.getUnit().toBuilder().setVersion(next(old == null ? 0 : old.getVersion())).setStatus(liveStatus).build();
        place(s.units, s.retiredUnits, u.getId(), u, u.getRetired());
        record(s, e, RegistryKind.REGISTRY_KIND_UNIT, u.getId(), old == null, u.getRetired(), r.getChangedFieldsList(),
                r.getReason(), u.getVersion());
        return u;
    }

    static Message camera(HubState s, Event e) {
        var r = e.getCameraRegistered();
        Camera old = s.cameras.containsKey(r.getCamera().getId()) ? s.cameras.get(r.getCamera().getId())
                : s.retiredCameras.get(r.getCamera().getId());
        Camera c = r.getCamera().toBuilder().setVersion(next(old == null ? 0 : old.getVersion())).build();
        place(s.cameras, s.retiredCameras, c.getId(), c, c.getRetired());
        record(s, e, RegistryKind.REGISTRY_KIND_CAMERA, c.getId(), old == null, c.getRetired(), r.getChangedFieldsList(),
                r.getReason(), c.getVersion());
        return c;
    }

    private static long next(long version) {
        return version + 1;
    }

    private static <T> void place(Map<String, T> live, Map<String, T> retired, String id, T item, boolean isRetired) {
        if (isRetired) {
            live.remove(id);
            retired.put(id, item);
        } else {
            retired.remove(id);
            live.put(id, item);
        }
    }

    private static void record(HubState s, Event e, RegistryKind kind, String id, boolean isNew, boolean retired,
                               List<String> fields, String reason, long version) {
        RegistryChangeKind what = retired ? RegistryChangeKind.REGISTRY_CHANGE_KIND_RETIRED
                : isNew ? RegistryChangeKind.REGISTRY_CHANGE_KIND_REGISTERED : RegistryChangeKind.REGISTRY_CHANGE_KIND_CHANGED;
        s.registryHistory.computeIfAbsent(kind.name() + ":" + id, k -> new ArrayList<>()).add(RegistryChange.newBuilder()
                .setSequence(e.getSequence()).setAt(e.getTime()).setActor(e.getActor()).setKind(what)
                .addAllFields(fields).setReason(reason).setVersion(version).build());
        if (e.getIdempotencyKey().startsWith(IMPORT_KEY)) {
            s.appliedImports.add(e.getIdempotencyKey().substring(IMPORT_KEY.length()));
        }
    }
}
