package commandroom.server.loop;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import commandroom.v1.Camera;
import commandroom.v1.CameraRegistered;
import commandroom.v1.Event;
import commandroom.v1.ImportPreview;
import commandroom.v1.ImportProblem;
import commandroom.v1.ImportProblemCode;
import commandroom.v1.ImportRequest;
import commandroom.v1.RegistryKind;
import commandroom.v1.Road;
import commandroom.v1.RoadRegistered;
import commandroom.v1.Unit;
import commandroom.v1.UnitRegistered;
import commandroom.v1.Zone;
import commandroom.v1.ZoneRegistered;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry's rules: seeding a county, saving one zone, unit or camera at its expected version,
 * retiring one that nothing uses, and imports: a file's items compared with the registry (added,
 * changed, unchanged, retired when the file is the whole ledger), every problem listed, and the
 * changes written all at once. Facts only: what changed is a list of field names. Stateless.
 */
public final class RegistryRules {

    /** Fields the registry does not own: a unit's live state, and what the hub counts itself. */
    private static final Set<String> NOT_COMPARED = Set.of("version", "retired", "status", "heading_degrees",
            "station_id");

    private RegistryRules() {}

    // --- Seeding (the county file on an empty hub): registered once, never changed from there.

    public static Hub.Decision zone(Zone z) {
        return (s, now) -> s.zone(z.getId()).isPresent() ? null
                : Event.newBuilder().setZoneRegistered(ZoneRegistered.newBuilder().setZone(z));
    }

    public static Hub.Decision unit(Unit u) {
        return (s, now) -> s.unit(u.getId()).isPresent() ? null
                : Event.newBuilder().setUnitRegistered(UnitRegistered.newBuilder().setUnit(u));
    }

    public static Hub.Decision road(Road r) {
        return (s, now) -> r.equals(s.road(r.getId()).orElse(null)) ? null
                : Event.newBuilder().setRoadRegistered(RoadRegistered.newBuilder().setRoad(r));
    }

    public static Hub.Decision camera(Camera c) {
        return (s, now) -> s.camera(c.getId()).isPresent() ? null
                : Event.newBuilder().setCameraRegistered(CameraRegistered.newBuilder().setCamera(c));
    }

    // --- One item at a time (the administration window).

    public static Hub.Decision saveZone(Zone z, long expected) {
        return (s, now) -> {
            Zone old = existing(s.zones, s.retiredZones, z.getId(), expected, "zone");
            Zone.Builder b = z.toBuilder().setStationId(old != null ? old.getStationId() : station(s));
            if (!z.hasStaffing() && old != null && old.hasStaffing()) {
                // A form that does not show the staffing rule (the console's) must not erase it.
                b.setStaffing(old.getStaffing());
            }
            Zone next = b.build();
            Map<String, Zone> zones = new LinkedHashMap<>(s.zones);
            zones.put(next.getId(), next);
            refuse(RegistryChecks.zone(next, 0, view(s, zones), s.units));
            return old != null && changed(old, next).isEmpty() ? null : zoneEvent(old, next, "");
        };
    }

    public static Hub.Decision saveUnit(Unit u, long expected) {
        return (s, now) -> {
            Unit old = existing(s.units, s.retiredUnits, u.getId(), expected, "unit");
            Unit next = live(u, old, s);
            refuse(RegistryChecks.unit(next, 0, view(s, s.zones)));
            return old != null && changed(old, next).isEmpty() ? null : unitEvent(old, next, "");
        };
    }

    public static Hub.Decision saveCamera(Camera c, long expected) {
        return (s, now) -> {
            Camera old = existing(s.cameras, s.retiredCameras, c.getId(), expected, "camera");
            Camera[] found = new Camera[1];
            refuse(RegistryChecks.camera(keepOrigin(c.toBuilder(), old)
                    .setStationId(old != null ? old.getStationId() : station(s)).build(), 0, view(s, s.zones), found));
            return old != null && changed(old, found[0]).isEmpty() ? null : cameraEvent(old, found[0], "");
        };
    }

    /** Retires an item nothing uses any more; it keeps its last version's content. */
    public static Hub.Decision retire(RegistryKind kind, String id, long expected, String reason) {
        return (s, now) -> {
            List<ImportProblem> inUse = new ArrayList<>();
            Event.Builder e = switch (kind) {
                case REGISTRY_KIND_ZONE -> {
                    Zone z = existing(s.zones, s.retiredZones, id, expected, "zone");
                    inUse.addAll(zoneInUse(s, z, Set.of(), Set.of(), 0));
                    yield Event.newBuilder().setZoneRegistered(ZoneRegistered.newBuilder()
                            .setZone(z.toBuilder().setVersion(z.getVersion() + 1).setRetired(true)).setReason(reason));
                }
                case REGISTRY_KIND_UNIT -> {
                    Unit u = existing(s.units, s.retiredUnits, id, expected, "unit");
                    inUse.addAll(unitInUse(s, u, 0));
                    yield Event.newBuilder().setUnitRegistered(UnitRegistered.newBuilder()
                            .setUnit(u.toBuilder().setVersion(u.getVersion() + 1).setRetired(true)).setReason(reason));
                }
                case REGISTRY_KIND_CAMERA -> {
                    Camera c = existing(s.cameras, s.retiredCameras, id, expected, "camera");
                    yield Event.newBuilder().setCameraRegistered(CameraRegistered.newBuilder()
                            .setCamera(c.toBuilder().setVersion(c.getVersion() + 1).setRetired(true)).setReason(reason));
                }
                default -> throw HubException.invalid("kind", "is required");
            };
            if (!inUse.isEmpty()) {
                throw HubException.precondition(inUse.get(0).getReason());
            }
            return e;
        };
    }

    /** Puts a unit on or off duty, on a break or out of service; the same duty again changes nothing. */
    public static Hub.Decision setDuty(String unitId, commandroom.v1.UnitDuty duty, String reason) {
        return (s, now) -> {
            Unit u = s.unit(unitId).orElseThrow(() -> HubException.notFound("unit_id", "unit", unitId));
            commandroom.v1.UnitDuty was = s.duty.getOrDefault(unitId,
                    u.getStatus() == commandroom.v1.UnitStatus.UNIT_STATUS_OFF_DUTY ? commandroom.v1.UnitDuty.UNIT_DUTY_OFF_DUTY
                            : commandroom.v1.UnitDuty.UNIT_DUTY_ON_DUTY);
            return was == duty ? null : Event.newBuilder().setUnitDutyChanged(commandroom.v1.UnitDutyChanged.newBuilder()
                    .setUnitId(unitId).setDuty(duty).setReason(reason));
        };
    }

    // --- Imports.

    /** What the import would change now; nothing is written. */
    public static ImportPreview preview(HubState s, ImportRequest r) {
        return plan(s, r, "").preview();
    }

    /** Writes the import's changes in one batch; refused (FAILED_PRECONDITION) while it has a problem. */
    public static Hub.BatchDecision apply(ImportRequest r) {
        return apply(r, "");
    }

    /**
     * A camera source's catalog as an import: its cameras carry the source's origin, and with
     * retire_missing only that source's cameras are retired.
     */
    public static Hub.BatchDecision apply(ImportRequest r, String origin) {
        return (s, now) -> {
            Plan p = plan(s, r, origin);
            if (p.preview().getProblemsCount() > 0) {
                ImportProblem first = p.preview().getProblems(0);
                throw new HubException(Status.Code.FAILED_PRECONDITION, "",
                        p.preview().getProblemsCount() + " problem(s) in the import, the first: item " + first.getIndex()
                                + " (" + first.getId() + ") " + first.getReason() + "; nothing was written");
            }
            return new Hub.Batch(p.events(), p.preview());
        };
    }

    private record Plan(ImportPreview preview, List<Event.Builder> events) {}

    private static Plan plan(HubState s, ImportRequest r, String origin) {
        ImportPreview.Builder out = ImportPreview.newBuilder().setAlreadyApplied(s.importApplied(r.getSha256()));
        List<Event.Builder> events = new ArrayList<>();
        String source = r.getSource();
        switch (r.getKind()) {
            case REGISTRY_KIND_ZONE -> {
                Map<String, Zone> zones = new LinkedHashMap<>(s.zones);
                List<Zone> next = new ArrayList<>();
                for (Zone z : r.getZonesList()) {
                    Zone old = s.zones.get(z.getId());
                    // A zone map draws areas: who staffs them stays as the registry has it.
                    Zone n = z.toBuilder().setStationId(old != null ? old.getStationId() : station(s))
                            .setCommunityOfficerUnitId(old != null && z.getCommunityOfficerUnitId().isEmpty()
                                    ? old.getCommunityOfficerUnitId() : z.getCommunityOfficerUnitId())
                            .setStaffing(old != null && !z.hasStaffing() ? old.getStaffing() : z.getStaffing()).build();
                    next.add(n);
                    zones.put(n.getId(), n);
                }
                Set<String> listed = ids(r.getZonesList().stream().map(Zone::getId).toList());
                Set<String> retiring = new HashSet<>();
                if (r.getRetireMissing()) {
                    s.zones.keySet().stream().filter(id -> !listed.contains(id)).forEach(retiring::add);
                    retiring.forEach(zones::remove);
                }
                for (int i = 0; i < next.size(); i++) {
                    Zone n = next.get(i);
                    out.addAllProblems(retiredAlready(s.retiredZones.containsKey(n.getId()), i, n.getId()));
                    out.addAllProblems(RegistryChecks.zone(n, i, view(s, zones), s.units));
                    classify(out, events, s.zones.get(n.getId()), n, source, RegistryRules::zoneEvent);
                }
                for (String id : retiring) {
                    Zone z = s.zones.get(id);
                    out.addAllProblems(zoneInUse(s, z, Set.of(), retiring, -1));
                    out.addRetired(id);
                    events.add(Event.newBuilder().setZoneRegistered(ZoneRegistered.newBuilder()
                            .setZone(z.toBuilder().setVersion(z.getVersion() + 1).setRetired(true)).setReason(source)));
                }
            }
            case REGISTRY_KIND_UNIT -> {
                RegistryChecks.View v = view(s, s.zones);
                Set<String> listed = ids(r.getUnitsList().stream().map(Unit::getId).toList());
                for (int i = 0; i < r.getUnitsCount(); i++) {
                    Unit old = s.units.get(r.getUnits(i).getId());
                    Unit n = live(r.getUnits(i), old, s);
                    out.addAllProblems(retiredAlready(s.retiredUnits.containsKey(n.getId()), i, n.getId()));
                    out.addAllProblems(RegistryChecks.unit(n, i, v));
                    classify(out, events, old, n, source, RegistryRules::unitEvent);
                }
                if (r.getRetireMissing()) {
                    for (Unit u : s.units.values()) {
                        if (!listed.contains(u.getId())) {
                            out.addAllProblems(unitInUse(s, u, -1));
                            out.addRetired(u.getId());
                            events.add(Event.newBuilder().setUnitRegistered(UnitRegistered.newBuilder()
                                    .setUnit(u.toBuilder().setVersion(u.getVersion() + 1).setRetired(true)).setReason(source)));
                        }
                    }
                }
            }
            case REGISTRY_KIND_CAMERA -> {
                Set<String> listed = ids(r.getCamerasList().stream().map(Camera::getId).toList());
                Map<String, String> byCode = new HashMap<>();
                for (Camera c : s.cameras.values()) {
                    boolean leaving = r.getRetireMissing() && !listed.contains(c.getId()) && ofOrigin(c, origin);
                    if (!c.getNationalCode().isEmpty() && !leaving) {
                        byCode.put(c.getNationalCode(), c.getId());
                    }
                }
                RegistryChecks.View v = new RegistryChecks.View(s.zones, byCode, s.units.keySet());
                for (int i = 0; i < r.getCamerasCount(); i++) {
                    Camera old = s.cameras.get(r.getCameras(i).getId());
                    Camera.Builder b = r.getCameras(i).toBuilder().setStationId(old != null ? old.getStationId() : station(s));
                    Camera c = (origin.isEmpty() ? keepOrigin(b, old) : b).build();
                    Camera[] found = new Camera[1];
                    out.addAllProblems(retiredAlready(s.retiredCameras.containsKey(c.getId()), i, c.getId()));
                    out.addAllProblems(RegistryChecks.camera(c, i, v, found));
                    classify(out, events, old, found[0], source, RegistryRules::cameraEvent);
                }
                if (r.getRetireMissing()) {
                    for (Camera c : s.cameras.values()) {
                        if (!listed.contains(c.getId()) && ofOrigin(c, origin)) {
                            out.addRetired(c.getId());
                            events.add(Event.newBuilder().setCameraRegistered(CameraRegistered.newBuilder()
                                    .setCamera(c.toBuilder().setVersion(c.getVersion() + 1).setRetired(true)).setReason(source)));
                        }
                    }
                }
            }
            default -> throw HubException.invalid("kind", "is required");
        }
        out.setAddedTotal(out.getAddedCount()).setChangedTotal(out.getChangedCount())
                .setRetiredTotal(out.getRetiredCount()).setProblemTotal(out.getProblemsCount());
        return new Plan(out.build(), events);
    }

    /** Whether a camera came with an import of this origin ("": a ledger, or registered by hand). */
    private static boolean ofOrigin(Camera c, String origin) {
        return c.getOrigin().getSourceId().equals(origin);
    }

    /**
     * A camera saved by hand or from a ledger stays its source's: the chief may name it or give it
     * a field of view, but where it plays from is the source's to say.
     */
    private static Camera.Builder keepOrigin(Camera.Builder c, Camera old) {
        return old != null && old.hasOrigin() ? c.setOrigin(old.getOrigin()) : c.clearOrigin();
    }

    private interface EventOf<T> {
        Event.Builder of(T old, T next, String reason);
    }

    private static <T extends Message> void classify(ImportPreview.Builder out, List<Event.Builder> events, T old, T next,
                                                     String source, EventOf<T> event) {
        String id = (String) next.getField(next.getDescriptorForType().findFieldByName("id"));
        if (old == null) {
            out.addAdded(id);
            events.add(event.of(null, next, source));
        } else if (changed(old, next).isEmpty()) {
            out.setUnchanged(out.getUnchanged() + 1);
        } else {
            out.addChanged(id);
            events.add(event.of(old, next, source));
        }
    }

    private static List<ImportProblem> retiredAlready(boolean retired, int index, String id) {
        return retired ? List.of(RegistryChecks.problem(index, id, "id", ImportProblemCode.IMPORT_PROBLEM_CODE_IN_USE,
                "id: " + id + " was retired; registered items keep their ids for history", id)) : List.of();
    }

    private static List<ImportProblem> zoneInUse(HubState s, Zone z, Set<String> unitsLeaving, Set<String> zonesLeaving,
                                                 int index) {
        List<String> users = new ArrayList<>();
        s.units.values().stream().filter(u -> u.getZoneId().equals(z.getId()) && !unitsLeaving.contains(u.getId()))
                .forEach(u -> users.add("unit " + u.getId()));
        s.cameras.values().stream().filter(c -> c.getZoneId().equals(z.getId())).forEach(c -> users.add("camera " + c.getId()));
        if (users.isEmpty()) {
            return List.of();
        }
        String what = String.join(", ", users.subList(0, Math.min(5, users.size())))
                + (users.size() > 5 ? " and " + (users.size() - 5) + " more" : "");
        return List.of(RegistryChecks.problem(index, z.getId(), "id", ImportProblemCode.IMPORT_PROBLEM_CODE_IN_USE,
                "zone " + z.getId() + " still has " + what, what));
    }

    private static List<ImportProblem> unitInUse(HubState s, Unit u, int index) {
        if (s.openTasksOf(u.getId()).isEmpty()) {
            return List.of();
        }
        String tasks = String.join(", ", s.openTasksOf(u.getId()));
        return List.of(RegistryChecks.problem(index, u.getId(), "id", ImportProblemCode.IMPORT_PROBLEM_CODE_IN_USE,
                "unit " + u.getId() + " is on open task(s) " + tasks, tasks));
    }

    // --- Shared.

    private static <T extends Message> T existing(Map<String, T> live, Map<String, T> retired, String id, long expected,
                                                  String what) {
        T old = live.get(id);
        if (old == null && retired.containsKey(id)) {
            throw HubException.precondition(what + " " + id + " is retired; it keeps its id for history");
        }
        if (expected == 0) {
            if (old != null) {
                throw new HubException(Status.Code.ALREADY_EXISTS, "id", what + " " + id + " exists already");
            }
            return null;
        }
        if (old == null) {
            throw HubException.notFound("id", what, id);
        }
        long version = (Long) old.getField(old.getDescriptorForType().findFieldByName("version"));
        if (version != expected) {
            throw HubException.stale("expected_version", expected, version);
        }
        return old;
    }

    private static void refuse(List<ImportProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        ImportProblem p = problems.get(0);
        Status.Code code = switch (p.getCode()) {
            case IMPORT_PROBLEM_CODE_UNKNOWN_ZONE -> Status.Code.NOT_FOUND;
            case IMPORT_PROBLEM_CODE_TAKEN -> Status.Code.ALREADY_EXISTS;
            case IMPORT_PROBLEM_CODE_ZONES_OVERLAP, IMPORT_PROBLEM_CODE_IN_USE -> Status.Code.FAILED_PRECONDITION;
            default -> Status.Code.INVALID_ARGUMENT;
        };
        throw new HubException(code, p.getField(), p.getReason());
    }

    /** A unit as the registry saves it: its live state (where, doing what) stays the hub's. */
    private static Unit live(Unit u, Unit old, HubState s) {
        Unit.Builder b = u.toBuilder().setStationId(old != null ? old.getStationId() : station(s));
        if (old != null) {
            b.setStatus(old.getStatus()).setPosition(old.getPosition()).setHeadingDegrees(old.getHeadingDegrees());
        }
        return b.build();
    }

    private static RegistryChecks.View view(HubState s, Map<String, Zone> zones) {
        Map<String, String> byCode = new HashMap<>();
        s.cameras.values().stream().filter(c -> !c.getNationalCode().isEmpty())
                .forEach(c -> byCode.put(c.getNationalCode(), c.getId()));
        return new RegistryChecks.View(zones, byCode, s.units.keySet());
    }

    /** The station's id, as its first zone says (a hub serves one station). */
    private static String station(HubState s) {
        return s.zones.values().stream().map(Zone::getStationId).filter(x -> !x.isEmpty()).findFirst().orElse("");
    }

    private static Set<String> ids(List<String> ids) {
        return new HashSet<>(ids);
    }

    /** The fields (proto names) whose values differ, leaving out what the registry does not own. */
    static List<String> changed(Message old, Message next) {
        List<String> out = new ArrayList<>();
        for (FieldDescriptor f : next.getDescriptorForType().getFields()) {
            // A unit's position is where it is now (its terminal's); a camera's is where it hangs.
            boolean live = NOT_COMPARED.contains(f.getName()) || next instanceof Unit && f.getName().equals("position");
            if (!live && !java.util.Objects.equals(old.getField(f), next.getField(f))) {
                out.add(f.getName());
            }
        }
        return out;
    }

    private static Event.Builder zoneEvent(Zone old, Zone next, String reason) {
        return Event.newBuilder().setZoneRegistered(ZoneRegistered.newBuilder()
                .setZone(next.toBuilder().setVersion(old == null ? 1 : old.getVersion() + 1).setRetired(false))
                .addAllChangedFields(old == null ? List.of() : changed(old, next)).setReason(reason));
    }

    private static Event.Builder unitEvent(Unit old, Unit next, String reason) {
        return Event.newBuilder().setUnitRegistered(UnitRegistered.newBuilder()
                .setUnit(next.toBuilder().setVersion(old == null ? 1 : old.getVersion() + 1).setRetired(false))
                .addAllChangedFields(old == null ? List.of() : changed(old, next)).setReason(reason));
    }

    private static Event.Builder cameraEvent(Camera old, Camera next, String reason) {
        return Event.newBuilder().setCameraRegistered(CameraRegistered.newBuilder()
                .setCamera(next.toBuilder().setVersion(old == null ? 1 : old.getVersion() + 1).setRetired(false))
                .addAllChangedFields(old == null ? List.of() : changed(old, next)).setReason(reason));
    }
}
