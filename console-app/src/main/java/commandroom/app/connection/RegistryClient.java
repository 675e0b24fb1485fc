package commandroom.app.connection;

import commandroom.app.model.GeoPoint;
import commandroom.app.model.ImportOutcome;
import commandroom.app.model.RegistryChangeLine;
import commandroom.app.model.RegistryEntry;
import commandroom.app.model.RegistryEntry.Registry;
import commandroom.imports.CameraLedger;
import commandroom.imports.FileProblem;
import commandroom.imports.ReadFile;
import commandroom.imports.UnitRoster;
import commandroom.imports.ZoneFile;
import commandroom.v1.Camera;
import commandroom.v1.CameraKind;
import commandroom.v1.FieldOfView;
import commandroom.v1.GetHistoryRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.ImportPreview;
import commandroom.v1.ImportProblem;
import commandroom.v1.ImportRequest;
import commandroom.v1.Position;
import commandroom.v1.RegistryKind;
import commandroom.v1.RegistryServiceGrpc;
import commandroom.v1.RetireRequest;
import commandroom.v1.SaveCameraRequest;
import commandroom.v1.SaveUnitRequest;
import commandroom.v1.SaveZoneRequest;
import commandroom.v1.Snapshot;
import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import commandroom.v1.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The administration window's way to the registry: reads its zones, units and cameras (with their
 * versions), saves and retires one, reads an item's history, and imports a file: read here with
 * console-import (encodings, spreadsheets, GeoJSON), checked against the registry by the hub's
 * preview, applied in one batch. Off the FX thread with deadlines; refusals as
 * {@link CommandFailure}. Thread-safe.
 */
public final class RegistryClient {

    /** The registry as read: its three lists. */
    public record Contents(List<RegistryEntry> zones, List<RegistryEntry> units, List<RegistryEntry> cameras) {}

    /**
     * A file read and previewed, to apply as it was previewed (an address book is sent again in
     * batches: request is null, book holds the rows).
     */
    public record Prepared(ImportRequest request, ReadFile<?> file, ImportOutcome preview, String source,
                           boolean wholeBook) {}

    private final HubSession session;
    private final Executor executor;
    private final AddressClient addresses;

    public RegistryClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
        this.addresses = new AddressClient(session, executor);
    }

    /** The standard addresses matching a search (the registry window's address tab). */
    public CompletableFuture<List<RegistryEntry>> searchAddresses(String typed) {
        if (typed.isBlank()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return addresses.search(typed, 50).thenApply(found -> found.stream().map(a -> new RegistryEntry(
                Registry.ADDRESS, a.id(), a.text(), "", a.zoneId(), "", "", a.latitude(), a.longitude(), 0, 0, 0, "", "",
                "", List.of(), 0)).toList());
    }

    private RegistryServiceGrpc.RegistryServiceBlockingStub stub(int seconds) {
        return RegistryServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                .withDeadlineAfter(seconds, TimeUnit.SECONDS);
    }

    public CompletableFuture<Contents> load() {
        return HubCalls.async(executor, () -> {
            Snapshot s = commandroom.v1.CommandServiceGrpc.newBlockingStub(session.channel())
                    .withCallCredentials(session.credentials()).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getSnapshot(GetSnapshotRequest.getDefaultInstance());
            return new Contents(s.getZonesList().stream().map(RegistryClient::entry).toList(),
                    s.getUnitsList().stream().map(RegistryClient::entry).toList(),
                    s.getCamerasList().stream().map(RegistryClient::entry).toList());
        });
    }

    /** Saves an item (new when its version is 0); answers its version after the save. */
    public CompletableFuture<Long> save(RegistryEntry e) {
        String key = UUID.randomUUID().toString();
        return HubCalls.async(executor, () -> switch (e.registry()) {
            case ZONE -> stub(15).saveZone(SaveZoneRequest.newBuilder().setZone(zone(e)).setExpectedVersion(e.version())
                    .setIdempotencyKey(key).build()).getVersion();
            case UNIT -> stub(15).saveUnit(SaveUnitRequest.newBuilder().setUnit(unit(e)).setExpectedVersion(e.version())
                    .setIdempotencyKey(key).build()).getVersion();
            case CAMERA -> stub(15).saveCamera(SaveCameraRequest.newBuilder().setCamera(camera(e))
                    .setExpectedVersion(e.version()).setIdempotencyKey(key).build()).getVersion();
            case ADDRESS -> throw new IllegalArgumentException("standard addresses change by importing their book");
        });
    }

    public CompletableFuture<Long> retire(RegistryEntry e, String reason) {
        return HubCalls.async(executor, () -> stub(15).retire(RetireRequest.newBuilder().setKind(kind(e.registry()))
                .setId(e.id()).setExpectedVersion(e.version()).setReason(reason)
                .setIdempotencyKey(UUID.randomUUID().toString()).build()).getVersion());
    }

    /** Puts a unit on or off duty (ON_DUTY, OFF_DUTY, ON_BREAK, OUT_OF_SERVICE), with an optional reason. */
    public CompletableFuture<Void> setDuty(String unitId, String duty, String reason) {
        return HubCalls.async(executor, () -> {
            stub(15).setUnitDuty(commandroom.v1.SetUnitDutyRequest.newBuilder().setUnitId(unitId)
                    .setDuty(commandroom.v1.UnitDuty.valueOf("UNIT_DUTY_" + duty)).setReason(reason)
                    .setIdempotencyKey(UUID.randomUUID().toString()).build());
            return null;
        });
    }

    public CompletableFuture<List<RegistryChangeLine>> history(Registry registry, String id) {
        return HubCalls.async(executor, () -> stub(15).getHistory(GetHistoryRequest.newBuilder().setKind(kind(registry))
                .setId(id).build()).getChangesList().stream().map(c -> new RegistryChangeLine(
                ProtoMapper.instant(c.getAt()), c.getActor().getDisplayName().isEmpty() ? c.getActor().getUserId()
                        : c.getActor().getDisplayName(), c.getKind().name().substring("REGISTRY_CHANGE_KIND_".length()),
                c.getFieldsList(), c.getReason(), c.getVersion())).toList());
    }

    /**
     * Reads a file of the registry's kind and has the hub preview it. zoneId turns the file's
     * zone text (an id or a name) into a zone id.
     */
    public CompletableFuture<Prepared> prepare(Registry registry, String fileName, byte[] bytes, boolean retireMissing,
                                               Function<String, Optional<String>> zoneId) {
        if (registry == Registry.ADDRESS) {
            ReadFile<commandroom.v1.StandardAddress> book;
            try {
                book = AddressClient.read(fileName, bytes, zoneId);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return addresses.send(book, source(fileName), retireMissing, false)
                    .thenApply(p -> new Prepared(null, book, outcome(p, book), source(fileName), retireMissing));
        }
        return HubCalls.async(executor, () -> {
            ImportRequest.Builder r = ImportRequest.newBuilder().setKind(kind(registry)).setSource(source(fileName))
                    .setRetireMissing(retireMissing);
            ReadFile<?> file = switch (registry) {
                case ZONE -> {
                    ReadFile<Zone> f = ZoneFile.read(fileName, bytes);
                    r.addAllZones(f.items());
                    yield f;
                }
                case UNIT -> {
                    ReadFile<Unit> f = UnitRoster.read(fileName, bytes, zoneId);
                    r.addAllUnits(f.items());
                    yield f;
                }
                case CAMERA, ADDRESS -> {
                    ReadFile<Camera> f = CameraLedger.read(fileName, bytes, zoneId);
                    r.addAllCameras(f.items());
                    yield f;
                }
            };
            ImportRequest request = r.setSha256(file.sha256()).build();
            ImportPreview p = stub(60).previewImport(request);
            return new Prepared(request, file, outcome(p, file), source(fileName), retireMissing);
        });
    }

    /** A shift plan read and previewed: what to send to apply it, and what the hub said. */
    public record PreparedShifts(commandroom.v1.ShiftPlanRequest request, ReadFile<commandroom.v1.PlannedShift> file,
                                 ImportOutcome preview) {}

    /**
     * Reads a shift plan (排班表) in the station's time zone and has the hub preview it. unitId
     * turns what the file says of a unit (its id, name or call sign) into its id.
     */
    public CompletableFuture<PreparedShifts> prepareShifts(String fileName, byte[] bytes, boolean replaceDays,
                                                           Function<String, Optional<String>> unitId, java.time.ZoneId zone) {
        return HubCalls.async(executor, () -> {
            ReadFile<commandroom.v1.PlannedShift> f = commandroom.imports.ShiftPlanFile.read(fileName, bytes, unitId, zone);
            commandroom.v1.ShiftPlanRequest request = commandroom.v1.ShiftPlanRequest.newBuilder().setSource(source(fileName))
                    .setSha256(f.sha256()).addAllShifts(f.items()).setReplaceDays(replaceDays).build();
            // A file with no shift read at all is its problems alone: the hub refuses an empty plan.
            ImportPreview p = f.items().isEmpty() ? ImportPreview.getDefaultInstance()
                    : stub(60).previewShiftPlan(request);
            return new PreparedShifts(request, f, outcome(p, f));
        });
    }

    /** Applies the shift plan previewed; the hub checks it again as the plan is then. */
    public CompletableFuture<ImportOutcome> applyShifts(PreparedShifts prepared) {
        return HubCalls.async(executor, () -> outcome(stub(120).applyShiftPlan(prepared.request()), prepared.file()));
    }

    /** Applies what was previewed; the hub checks it again against the registry as it is then. */
    @SuppressWarnings("unchecked")
    public CompletableFuture<ImportOutcome> apply(Prepared prepared) {
        if (prepared.request() == null) {
            var book = (ReadFile<commandroom.v1.StandardAddress>) prepared.file();
            return addresses.send(book, prepared.source(), prepared.wholeBook(), true).thenApply(p -> outcome(p, book));
        }
        return HubCalls.async(executor, () -> outcome(stub(120).applyImport(prepared.request()), prepared.file()));
    }

    private static ImportOutcome outcome(ImportPreview p, ReadFile<?> file) {
        List<ImportOutcome.Problem> problems = new ArrayList<>();
        for (FileProblem f : file.problems()) {
            problems.add(new ImportOutcome.Problem(f.where(), f.column(), code(f.code().name()), f.args()));
        }
        for (ImportProblem h : p.getProblemsList()) {
            problems.add(new ImportOutcome.Problem(h.getIndex() < 0 ? 0 : file.lineOf(h.getIndex()), h.getField(),
                    code(h.getCode().name()), h.getArgsList()));
        }
        return new ImportOutcome(p.getAddedList(), p.getChangedList(), p.getRetiredList(), p.getUnchanged(), problems,
                p.getAlreadyApplied(), file.encoding(), p.getSequence(), new ImportOutcome.Totals(p.getAddedTotal(),
                p.getChangedTotal(), p.getRetiredTotal(), file.problems().size() + p.getProblemTotal()));
    }

    private static String code(String name) {
        return name.startsWith("IMPORT_PROBLEM_CODE_") ? name.substring("IMPORT_PROBLEM_CODE_".length()) : name;
    }

    private static String source(String fileName) {
        String name = fileName.isBlank() ? "import" : fileName;
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static RegistryKind kind(Registry r) {
        return switch (r) {
            case ZONE -> RegistryKind.REGISTRY_KIND_ZONE;
            case UNIT -> RegistryKind.REGISTRY_KIND_UNIT;
            case CAMERA -> RegistryKind.REGISTRY_KIND_CAMERA;
            case ADDRESS -> RegistryKind.REGISTRY_KIND_ADDRESS;
        };
    }

    static RegistryEntry entry(Zone z) {
        return new RegistryEntry(Registry.ZONE, z.getId(), z.getName(), "", "", "", "", 0, 0, 0, 0, 0, "", "",
                z.getCommunityOfficerUnitId(), z.getPolygonList().stream()
                .map(p -> new GeoPoint(p.getLatitude(), p.getLongitude())).toList(), z.getVersion());
    }

    static RegistryEntry entry(Unit u) {
        return new RegistryEntry(Registry.UNIT, u.getId(), u.getName(), u.getKind().name().substring("UNIT_KIND_".length()),
                u.getZoneId(), "", u.getCallSign(), u.getPosition().getLatitude(), u.getPosition().getLongitude(), 0, 0, 0,
                "", "", "", List.of(), u.getVersion());
    }

    static RegistryEntry entry(Camera c) {
        return new RegistryEntry(Registry.CAMERA, c.getId(), c.getName(), c.getKind().name().substring("CAMERA_KIND_".length()),
                c.getZoneId(), c.getNationalCode(), "", c.getPosition().getLatitude(), c.getPosition().getLongitude(),
                c.getFieldOfView().getDirectionDegrees(), c.getFieldOfView().getAngleDegrees(),
                c.getFieldOfView().getRangeMetres(), c.getMainStreamUrl(), c.getSubStreamUrl(), "", List.of(), c.getVersion());
    }

    private static Zone zone(RegistryEntry e) {
        Zone.Builder b = Zone.newBuilder().setId(e.id()).setName(e.name()).setCommunityOfficerUnitId(e.communityOfficerUnitId());
        e.polygon().forEach(p -> b.addPolygon(Position.newBuilder().setLatitude(p.latitude()).setLongitude(p.longitude())));
        return b.build();
    }

    private static Unit unit(RegistryEntry e) {
        return Unit.newBuilder().setId(e.id()).setName(e.name()).setKind(UnitKind.valueOf("UNIT_KIND_" + e.type().toUpperCase(Locale.ROOT)))
                .setZoneId(e.zoneId()).setCallSign(e.callSign()).build();
    }

    private static Camera camera(RegistryEntry e) {
        return Camera.newBuilder().setId(e.id()).setName(e.name()).setKind(CameraKind.valueOf("CAMERA_KIND_" + e.type()))
                .setZoneId(e.zoneId()).setNationalCode(e.nationalCode())
                .setPosition(Position.newBuilder().setLatitude(e.latitude()).setLongitude(e.longitude()))
                .setFieldOfView(FieldOfView.newBuilder().setDirectionDegrees(e.directionDegrees())
                        .setAngleDegrees(e.angleDegrees()).setRangeMetres(e.rangeMetres()))
                .setMainStreamUrl(e.mainStreamUrl()).setSubStreamUrl(e.subStreamUrl()).build();
    }
}
