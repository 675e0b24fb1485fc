package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.loop.Hub;
import commandroom.server.loop.RegistryRules;
import commandroom.server.loop.ShiftPlanRules;
import commandroom.v1.Camera;
import commandroom.v1.Event;
import commandroom.v1.GetHistoryRequest;
import commandroom.v1.GetHistoryResponse;
import commandroom.v1.ImportPreview;
import commandroom.v1.ImportRequest;
import commandroom.v1.RegistryKind;
import commandroom.v1.RegistryResponse;
import commandroom.v1.RegistryServiceGrpc;
import commandroom.v1.RetireRequest;
import commandroom.v1.SaveCameraRequest;
import commandroom.v1.SaveUnitRequest;
import commandroom.v1.SaveZoneRequest;
import commandroom.v1.ShiftPlanRequest;
import commandroom.v1.Unit;
import commandroom.v1.Zone;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/**
 * RegistryService: the station's zones, units and cameras changed while the hub runs. The shape
 * of each request is checked here; what it means against the registry (versions, zones, codes,
 * geometry, what still uses an item) is the rules'. Thread-safe.
 */
public final class RegistryGrpcService extends RegistryServiceGrpc.RegistryServiceImplBase {

    /** Most items one import carries (a county's camera ledger is a few thousand). */
    static final int MAX_IMPORT_ITEMS = 20_000;

    private final Hub hub;

    public RegistryGrpcService(Hub hub) {
        this.hub = hub;
    }

    @Override
    public void saveZone(SaveZoneRequest r, StreamObserver<RegistryResponse> out) {
        if (CommandGrpcService.checked(() -> new Violations().key("idempotency_key", r.getIdempotencyKey())
                .throwIfAny(), out)) {
            reply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), Event.KindCase.ZONE_REGISTERED,
                    RegistryRules.saveZone(r.getZone(), r.getExpectedVersion())), RegistryKind.REGISTRY_KIND_ZONE,
                    r.getZone().getId(), out);
        }
    }

    @Override
    public void saveUnit(SaveUnitRequest r, StreamObserver<RegistryResponse> out) {
        if (CommandGrpcService.checked(() -> new Violations().key("idempotency_key", r.getIdempotencyKey())
                .throwIfAny(), out)) {
            reply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), Event.KindCase.UNIT_REGISTERED,
                    RegistryRules.saveUnit(r.getUnit(), r.getExpectedVersion())), RegistryKind.REGISTRY_KIND_UNIT,
                    r.getUnit().getId(), out);
        }
    }

    @Override
    public void saveCamera(SaveCameraRequest r, StreamObserver<RegistryResponse> out) {
        if (CommandGrpcService.checked(() -> new Violations().key("idempotency_key", r.getIdempotencyKey())
                .throwIfAny(), out)) {
            reply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), Event.KindCase.CAMERA_REGISTERED,
                    RegistryRules.saveCamera(r.getCamera(), r.getExpectedVersion())), RegistryKind.REGISTRY_KIND_CAMERA,
                    r.getCamera().getId(), out);
        }
    }

    @Override
    public void retire(RetireRequest r, StreamObserver<RegistryResponse> out) {
        if (CommandGrpcService.checked(() -> new Violations().known("kind", r.getKind()).id("id", r.getId())
                .text("reason", r.getReason().strip(), 2, 200).key("idempotency_key", r.getIdempotencyKey())
                .throwIfAny(), out)) {
            reply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), kindOf(r.getKind()),
                    RegistryRules.retire(r.getKind(), r.getId(), r.getExpectedVersion(), r.getReason().strip())),
                    r.getKind(), r.getId(), out);
        }
    }

    @Override
    public void setUnitDuty(commandroom.v1.SetUnitDutyRequest r, StreamObserver<RegistryResponse> out) {
        if (CommandGrpcService.checked(() -> new Violations().id("unit_id", r.getUnitId()).known("duty", r.getDuty())
                .text("reason", r.getReason().strip(), 0, 200).key("idempotency_key", r.getIdempotencyKey())
                .throwIfAny(), out)) {
            reply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), Event.KindCase.UNIT_DUTY_CHANGED,
                    RegistryRules.setDuty(r.getUnitId(), r.getDuty(), r.getReason().strip())),
                    RegistryKind.REGISTRY_KIND_UNIT, r.getUnitId(), out);
        }
    }

    @Override
    public void previewImport(ImportRequest r, StreamObserver<ImportPreview> out) {
        Replies.call(() -> {
            check(r);
            return hub.read(s -> RegistryRules.preview(s, r));
        }, out);
    }

    @Override
    public void applyImport(ImportRequest r, StreamObserver<ImportPreview> out) {
        if (CommandGrpcService.checked(() -> check(r), out)) {
            Replies.answer(hub.submitBatch(Caller.current().actor(), "import:" + r.getSha256(), kindOf(r.getKind()),
                    RegistryRules.apply(r)), res -> ((ImportPreview) res.entity()).toBuilder()
                    .setSequence(res.written() ? res.sequence() : 0).build(), out);
        }
    }

    @Override
    public void previewShiftPlan(ShiftPlanRequest r, StreamObserver<ImportPreview> out) {
        Replies.call(() -> {
            check(r);
            return hub.read(s -> ShiftPlanRules.preview(s, r, hub.clock().instant()));
        }, out);
    }

    @Override
    public void applyShiftPlan(ShiftPlanRequest r, StreamObserver<ImportPreview> out) {
        if (CommandGrpcService.checked(() -> check(r), out)) {
            Replies.answer(hub.submitBatch(Caller.current().actor(), "shifts:" + r.getSha256(),
                    Event.KindCase.SHIFTS_PLANNED, ShiftPlanRules.apply(r)), res -> ((ImportPreview) res.entity())
                    .toBuilder().setSequence(res.written() ? res.sequence() : 0).build(), out);
        }
    }

    private static void check(ShiftPlanRequest r) {
        Violations v = new Violations().text("source", r.getSource(), 1, 200);
        if (!r.getSha256().matches("[0-9a-f]{64}")) {
            v.add("sha256", "must be 64 lower-case hex digits");
        }
        if (r.getShiftsCount() == 0 || r.getShiftsCount() > MAX_IMPORT_ITEMS) {
            v.add("shifts", "1 to " + MAX_IMPORT_ITEMS + " in one plan, has " + r.getShiftsCount());
        }
        for (int i = 0; i < r.getShiftsCount(); i++) {
            var p = r.getShifts(i);
            v.id("shifts[" + i + "].unit_id", p.getUnitId());
            if (!p.hasStart() || !p.hasEnd()) {
                v.add("shifts[" + i + "]", "start and end are required");
            }
        }
        v.throwIfAny();
    }

    @Override
    public void getHistory(GetHistoryRequest r, StreamObserver<GetHistoryResponse> out) {
        Replies.call(() -> {
            new Violations().known("kind", r.getKind()).id("id", r.getId()).throwIfAny();
            return hub.read(s -> GetHistoryResponse.newBuilder().addAllChanges(s.history(r.getKind(), r.getId())).build());
        }, out);
    }

    private static void check(ImportRequest r) {
        Violations v = new Violations().known("kind", r.getKind()).text("source", r.getSource(), 1, 200);
        if (!r.getSha256().matches("[0-9a-f]{64}")) {
            v.add("sha256", "must be 64 lower-case hex digits");
        }
        int n = r.getZonesCount() + r.getUnitsCount() + r.getCamerasCount();
        if (n > MAX_IMPORT_ITEMS) {
            v.add("items", "at most " + MAX_IMPORT_ITEMS + " in one import, has " + n);
        }
        int mine = switch (r.getKind()) {
            case REGISTRY_KIND_ZONE -> r.getZonesCount();
            case REGISTRY_KIND_UNIT -> r.getUnitsCount();
            case REGISTRY_KIND_CAMERA -> r.getCamerasCount();
            default -> n;
        };
        if (mine != n) {
            v.add("items", "an import of " + r.getKind() + " carries only those");
        }
        v.throwIfAny();
    }

    private static Event.KindCase kindOf(RegistryKind kind) {
        return switch (kind) {
            case REGISTRY_KIND_ZONE -> Event.KindCase.ZONE_REGISTERED;
            case REGISTRY_KIND_UNIT -> Event.KindCase.UNIT_REGISTERED;
            default -> Event.KindCase.CAMERA_REGISTERED;
        };
    }

    /** The item's version after the request; a save that changed nothing answers the version it is at. */
    private void reply(CompletableFuture<Hub.Result> f, RegistryKind kind, String id, StreamObserver<RegistryResponse> out) {
        Replies.answer(f, res -> RegistryResponse.newBuilder().setSequence(res.sequence())
                .setVersion(res.entity() != null ? version(res.entity()) : hub.read(s -> switch (kind) {
                    case REGISTRY_KIND_ZONE -> s.zone(id).map(Zone::getVersion).orElse(0L);
                    case REGISTRY_KIND_UNIT -> s.unit(id).map(Unit::getVersion).orElse(0L);
                    default -> s.camera(id).map(Camera::getVersion).orElse(0L);
                })).build(), out);
    }

    private static long version(Object entity) {
        if (entity instanceof Zone z) {
            return z.getVersion();
        }
        if (entity instanceof Unit u) {
            return u.getVersion();
        }
        return entity instanceof Camera c ? c.getVersion() : 0;
    }
}
