package commandroom.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.Camera;
import commandroom.v1.CameraKind;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.GetHistoryRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.ImportPreview;
import commandroom.v1.ImportProblemCode;
import commandroom.v1.ImportRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.RegistryChange;
import commandroom.v1.RegistryChangeKind;
import commandroom.v1.RegistryKind;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.RetireRequest;
import commandroom.v1.SaveCameraRequest;
import commandroom.v1.SaveZoneRequest;
import commandroom.v1.Snapshot;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.TaskKind;
import commandroom.v1.Zone;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The registry, live: the administrator registers, changes and retires cameras and zones while
 * the hub runs; every console follows on its stream; a stale version, a taken national code, an
 * unknown zone, a polygon that crosses itself or covers a neighbour are refused with the field;
 * what is still in use cannot be retired; each item keeps its history. Imports are previewed
 * against the registry and applied all at once, the same file twice changing nothing.
 */
class RegistryServiceTest {

    private static final String CODE = "33010812001310000001";

    @Test
    void camerasAreRegisteredChangedAndRetiredWhileConsolesFollow() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient admin = hub.login("admin1");
             HubClient duty = hub.login("duty1")) {
            EventCollector stream = new EventCollector();
            duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), stream);

            Camera gate = camera("cam-school", CODE, "城东小学门口", 30.5451, 119.9652);
            var saved = admin.registry().saveCamera(SaveCameraRequest.newBuilder().setCamera(gate).build());
            assertEquals(1, saved.getVersion());
            Event seen = stream.await(e -> e.hasCameraRegistered()
                    && e.getCameraRegistered().getCamera().getId().equals("cam-school"), Duration.ofSeconds(10));
            assertEquals("z-cd", seen.getCameraRegistered().getCamera().getZoneId(), "the zone found from the position");

            var renamed = admin.registry().saveCamera(SaveCameraRequest.newBuilder().setExpectedVersion(1)
                    .setCamera(gate.toBuilder().setName("城东小学南门")).build());
            assertEquals(2, renamed.getVersion());
            assertEquals(Status.Code.ABORTED, refusal(() -> admin.registry().saveCamera(SaveCameraRequest.newBuilder()
                    .setExpectedVersion(1).setCamera(gate.toBuilder().setName("又改了")).build())), "a stale version");
            StatusRuntimeException taken = assertThrows(StatusRuntimeException.class, () -> admin.registry().saveCamera(
                    SaveCameraRequest.newBuilder().setCamera(camera("cam-other", CODE, "别处", 30.545, 119.955)).build()));
            assertEquals(Status.Code.ALREADY_EXISTS, taken.getStatus().getCode());
            assertTrue(taken.getStatus().getDescription().contains("national_code"), taken.getStatus().getDescription());
            StatusRuntimeException noZone = assertThrows(StatusRuntimeException.class, () -> admin.registry().saveCamera(
                    SaveCameraRequest.newBuilder().setCamera(camera("cam-x", "", "某处", 30.545, 119.955)
                            .toBuilder().setZoneId("z-none")).build()));
            assertEquals(Status.Code.NOT_FOUND, noZone.getStatus().getCode());
            assertTrue(noZone.getStatus().getDescription().contains("zone_id"));
            assertEquals(Status.Code.INVALID_ARGUMENT, refusal(() -> admin.registry().saveCamera(SaveCameraRequest
                    .newBuilder().setCamera(camera("cam-y", "1234", "某处", 30.545, 119.955)).build())), "not 20 digits");
            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> duty.registry().saveCamera(SaveCameraRequest
                    .newBuilder().setCamera(camera("cam-z", "", "某处", 30.545, 119.955)).build())));

            admin.registry().retire(RetireRequest.newBuilder().setKind(RegistryKind.REGISTRY_KIND_CAMERA)
                    .setId("cam-school").setExpectedVersion(2).setReason("学校改造，点位拆除").build());
            stream.await(e -> e.hasCameraRegistered() && e.getCameraRegistered().getCamera().getRetired(),
                    Duration.ofSeconds(10));
            Snapshot snap = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
            assertFalse(snap.getCamerasList().stream().anyMatch(c -> c.getId().equals("cam-school")), "gone from the wall");
            assertTrue(snap.getRetiredList().stream().anyMatch(r -> r.getId().equals("cam-school")
                    && r.getName().equals("城东小学南门")), "its name kept for history");
            assertEquals(Status.Code.FAILED_PRECONDITION, refusal(() -> admin.registry().saveCamera(SaveCameraRequest
                    .newBuilder().setExpectedVersion(3).setCamera(gate).build())), "a retired id stays retired");

            List<RegistryChange> history = admin.registry().getHistory(GetHistoryRequest.newBuilder()
                    .setKind(RegistryKind.REGISTRY_KIND_CAMERA).setId("cam-school").build()).getChangesList();
            assertEquals(List.of(RegistryChangeKind.REGISTRY_CHANGE_KIND_REGISTERED,
                    RegistryChangeKind.REGISTRY_CHANGE_KIND_CHANGED, RegistryChangeKind.REGISTRY_CHANGE_KIND_RETIRED),
                    history.stream().map(RegistryChange::getKind).toList());
            assertEquals(List.of("name"), history.get(1).getFieldsList());
            assertEquals("admin1", history.get(2).getActor().getUserId());
            assertEquals("学校改造，点位拆除", history.get(2).getReason());
        }
    }

    @Test
    void zonesAreCheckedAsGeometryAndWhatIsInUseStays() {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient admin = hub.login("admin1");
             HubClient leader = hub.login("leader1")) {
            StatusRuntimeException bowtie = assertThrows(StatusRuntimeException.class, () -> admin.registry().saveZone(
                    SaveZoneRequest.newBuilder().setZone(zone("z-new", "新区", 30.560, 119.950, 30.570, 119.960)
                            .toBuilder().clearPolygon().addPolygon(pos(30.56, 119.95)).addPolygon(pos(30.57, 119.96))
                            .addPolygon(pos(30.56, 119.96)).addPolygon(pos(30.57, 119.95))).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, bowtie.getStatus().getCode());
            assertTrue(bowtie.getStatus().getDescription().contains("polygon"), bowtie.getStatus().getDescription());
            assertEquals(Status.Code.FAILED_PRECONDITION, refusal(() -> admin.registry().saveZone(SaveZoneRequest
                    .newBuilder().setZone(zone("z-over", "叠区", 30.541, 119.955, 30.549, 119.965)).build())),
                    "half over both neighbours");
            assertEquals(1, admin.registry().saveZone(SaveZoneRequest.newBuilder()
                    .setZone(zone("z-north", "城北警务区", 30.550, 119.950, 30.560, 119.970)).build()).getVersion(),
                    "a neighbour sharing an edge is fine");
            Zone cd = zoneOf(admin, "z-cd");
            assertTrue(cd.hasStaffing(), "the test county's zone has a staffing rule");
            admin.registry().saveZone(SaveZoneRequest.newBuilder().setZone(cd.toBuilder().clearStaffing()
                    .setName("城东警务区（新）")).setExpectedVersion(cd.getVersion()).build());
            assertEquals(cd.getStaffing(), zoneOf(admin, "z-cd").getStaffing(),
                    "a form that does not show the staffing rule (the console's) keeps it");

            assertEquals(Status.Code.FAILED_PRECONDITION, refusal(() -> admin.registry().retire(RetireRequest.newBuilder()
                    .setKind(RegistryKind.REGISTRY_KIND_ZONE).setId("z-cd").setExpectedVersion(2).setReason("合并")
                    .build())), "a zone with units and cameras");
            var incident = leader.command().reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_NORMAL)
                    .setPosition(pos(30.545, 119.965)).setAddress("城东路 1 号").setSummary("纠纷")
                    .setIdempotencyKey("i-1").build()).getIncident();
            leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident.getId())
                    .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds("u-cd-aux1").setInstruction("到场")
                    .setIdempotencyKey("t-1").build());
            StatusRuntimeException busy = assertThrows(StatusRuntimeException.class, () -> admin.registry().retire(
                    RetireRequest.newBuilder().setKind(RegistryKind.REGISTRY_KIND_UNIT).setId("u-cd-aux1")
                            .setExpectedVersion(1).setReason("调离").build()));
            assertEquals(Status.Code.FAILED_PRECONDITION, busy.getStatus().getCode());
            assertTrue(busy.getStatus().getDescription().contains("open task"), busy.getStatus().getDescription());
        }
    }

    @Test
    void anImportIsPreviewedThenAppliedAllAtOnceAndTheSameFileTwiceChangesNothing() {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient admin = hub.login("admin1")) {
            Snapshot before = admin.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
            Camera kept = before.getCameras(0);
            Camera renamed = before.getCameras(1).toBuilder().setName("解放街（新）").build();
            ImportRequest.Builder ledger = ImportRequest.newBuilder().setKind(RegistryKind.REGISTRY_KIND_CAMERA)
                    .setSha256("a".repeat(64)).setSource("点位台账 2026-12.xlsx").setRetireMissing(true)
                    .addCameras(kept).addCameras(renamed)
                    .addCameras(camera("cam-new-1", CODE, "城西菜场", 30.545, 119.955))
                    .addCameras(camera("cam-new-2", "33010812001310000002", "城东桥", 30.546, 119.966)
                            .toBuilder().setZoneId("z-none"));
            ImportPreview bad = admin.registry().previewImport(ledger.build());
            assertEquals(1, bad.getProblemsCount());
            assertEquals(3, bad.getProblems(0).getIndex());
            assertEquals(ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_ZONE, bad.getProblems(0).getCode());
            long sequence = hub.hub().lastSequence();
            assertEquals(Status.Code.FAILED_PRECONDITION, refusal(() -> admin.registry().applyImport(ledger.build())));
            assertEquals(sequence, hub.hub().lastSequence(), "nothing written while a problem remains");

            ledger.setCameras(3, ledger.getCameras(3).toBuilder().setZoneId("z-cd"));
            ImportPreview preview = admin.registry().previewImport(ledger.build());
            assertEquals(List.of("cam-new-1", "cam-new-2"), preview.getAddedList());
            assertEquals(List.of(renamed.getId()), preview.getChangedList());
            assertEquals(1, preview.getUnchanged());
            assertEquals(List.of(), preview.getRetiredList(), "the test county has two cameras, both listed");
            assertEquals(sequence, hub.hub().lastSequence(), "a preview writes nothing");

            ImportPreview applied = admin.registry().applyImport(ledger.build());
            assertEquals(preview.getAddedList(), applied.getAddedList());
            assertEquals(sequence + 3, applied.getSequence(), "three events, one batch");
            Snapshot after = admin.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
            assertEquals(4, after.getCamerasCount());
            assertEquals("解放街（新）", after.getCamerasList().stream().filter(c -> c.getId().equals(renamed.getId()))
                    .findFirst().orElseThrow().getName());

            ImportPreview again = admin.registry().applyImport(ledger.build());
            assertTrue(again.getAlreadyApplied());
            assertEquals(0, again.getSequence());
            assertEquals(sequence + 3, hub.hub().lastSequence(), "the same file twice changes nothing");

            ImportPreview shorter = admin.registry().previewImport(ledger.setSha256("b".repeat(64))
                    .removeCameras(3).build());
            assertEquals(List.of("cam-new-2"), shorter.getRetiredList(), "the whole ledger: what it leaves out retires");
        }
    }

    @Test
    void aBodyCameraNamesTheUnitThatWearsIt() {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient admin = hub.login("admin1")) {
            Camera worn = camera("cam-body", "", "李明 执法记录仪", 30.545, 119.965).toBuilder()
                    .setKind(CameraKind.CAMERA_KIND_BODY).setUnitId("u-cd-co1").build();
            assertEquals(1, admin.registry().saveCamera(SaveCameraRequest.newBuilder().setCamera(worn).build()).getVersion());
            StatusRuntimeException nobody = assertThrows(StatusRuntimeException.class, () -> admin.registry().saveCamera(
                    SaveCameraRequest.newBuilder().setCamera(worn.toBuilder().setId("cam-body2").setUnitId("u-nobody")).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, nobody.getStatus().getCode());
            assertTrue(nobody.getStatus().getDescription().contains("unit_id"), nobody.getStatus().getDescription());
        }
    }

    private static Camera camera(String id, String code, String name, double lat, double lon) {
        return Camera.newBuilder().setId(id).setNationalCode(code).setName(name).setKind(CameraKind.CAMERA_KIND_SKYNET)
                .setPosition(pos(lat, lon)).setMainStreamUrl("rtsp://10.1.2.3:554/ch1").build();
    }

    private static Zone zone(String id, String name, double lat0, double lon0, double lat1, double lon1) {
        return Zone.newBuilder().setId(id).setName(name).addPolygon(pos(lat0, lon0)).addPolygon(pos(lat0, lon1))
                .addPolygon(pos(lat1, lon1)).addPolygon(pos(lat1, lon0)).build();
    }

    private static Position pos(double lat, double lon) {
        return TestCounty.pos(lat, lon);
    }

    private static Status.Code refusal(Supplier<?> call) {
        return assertThrows(StatusRuntimeException.class, call::get).getStatus().getCode();
    }

    private static Zone zoneOf(HubClient c, String id) {
        return c.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getZonesList().stream()
                .filter(z -> z.getId().equals(id)).findFirst().orElseThrow();
    }
}
