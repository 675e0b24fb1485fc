package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.CancelTaskRequest;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.GetEvidenceRequest;
import commandroom.v1.GetIncidentRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.GetTaskRequest;
import commandroom.v1.Incident;
import commandroom.v1.IncidentStatus;
import commandroom.v1.IncidentType;
import commandroom.v1.InstructionsRequest;
import commandroom.v1.ListTasksRequest;
import commandroom.v1.LoginRequest;
import commandroom.v1.LogoutRequest;
import commandroom.v1.Photo;
import commandroom.v1.Priority;
import commandroom.v1.Progress;
import commandroom.v1.ReassignTaskRequest;
import commandroom.v1.RefreshRequest;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReportPositionRequest;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.ResultCode;
import commandroom.v1.ReviewDecision;
import commandroom.v1.ReviewFeedbackRequest;
import commandroom.v1.StepDeadlineOverride;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStep;
import commandroom.v1.UpdateIncidentRequest;
import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.CommandServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input for every RPC: missing, oversized and out-of-range fields, unknown enum values and ids,
 * the wrong role, no token, an expired token. Each gets the status a client can act on, with the
 * field named, and writes nothing.
 */
class BadInputTest {

    private TestHub hub;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyBadRequestGetsItsStatusWithTheFieldAndWritesNothing(Backend backend) throws Exception {
        MutableClock clock = new MutableClock();
        try (TestHub h = TestHub.start(backend, c -> c.withClock(clock));
             HubClient duty = h.login("duty1");
             HubClient leader = h.login("leader1");
             HubClient chief = h.login("chief1");
             HubClient unit = h.login("u-cd-co1");
             HubClient other = h.login("u-cx-co1")) {
            hub = h;
            Incident incident = duty.command().reportIncident(good().build()).getIncident();
            Task task = leader.command().dispatchTask(dispatch(incident.getId()).build()).getTask();
            var cmd = duty.command();

            // ReportIncident
            bad(Status.Code.INVALID_ARGUMENT, "type", () -> cmd.reportIncident(good().clearType().build()));
            bad(Status.Code.INVALID_ARGUMENT, "type", () -> cmd.reportIncident(good().setTypeValue(99).build()));
            bad(Status.Code.INVALID_ARGUMENT, "priority", () -> cmd.reportIncident(good().setPriorityValue(-1).build()));
            bad(Status.Code.INVALID_ARGUMENT, "offence", () -> cmd.reportIncident(good().setOffenceValue(99).build()));
            bad(Status.Code.INVALID_ARGUMENT, "position", () -> cmd.reportIncident(good().clearPosition().build()));
            bad(Status.Code.INVALID_ARGUMENT, "position.latitude",
                    () -> cmd.reportIncident(good().setPosition(TestCounty.pos(91, 119)).build()));
            bad(Status.Code.INVALID_ARGUMENT, "position.longitude",
                    () -> cmd.reportIncident(good().setPosition(TestCounty.pos(30, Double.NaN)).build()));
            bad(Status.Code.INVALID_ARGUMENT, "summary", () -> cmd.reportIncident(good().setSummary("长".repeat(2001)).build()));
            bad(Status.Code.INVALID_ARGUMENT, "address", () -> cmd.reportIncident(good().setAddress("").build()));
            bad(Status.Code.INVALID_ARGUMENT, "idempotency_key", () -> cmd.reportIncident(good().setIdempotencyKey("k".repeat(129)).build()));
            bad(Status.Code.NOT_FOUND, "camera_ids[0]", () -> cmd.reportIncident(good().addCameraIds("c-404").build()));
            bad(Status.Code.NOT_FOUND, "zone_id", () -> cmd.reportIncident(good().setZoneId("z-nowhere").build()));
            bad(Status.Code.PERMISSION_DENIED, "ReportIncident",
                    () -> CommandServiceGrpc.newBlockingStub(unit.channel()).withCallCredentials(
                            HubClient.bearer(unit.login().getAccessToken())).reportIncident(good().build()));
            bad(Status.Code.UNAUTHENTICATED, "token",
                    () -> CommandServiceGrpc.newBlockingStub(duty.channel()).reportIncident(good().build()));
            bad(Status.Code.UNAUTHENTICATED, "signature",
                    () -> CommandServiceGrpc.newBlockingStub(duty.channel()).withCallCredentials(
                            HubClient.bearer(duty.login().getAccessToken() + "x")).reportIncident(good().build()));

            // UpdateIncident
            bad(Status.Code.INVALID_ARGUMENT, "incident_id", () -> cmd.updateIncident(UpdateIncidentRequest.newBuilder().setSummary("x").build()));
            bad(Status.Code.NOT_FOUND, "incident_id", () -> cmd.updateIncident(UpdateIncidentRequest.newBuilder()
                    .setIncidentId("I-404").setSummary("x").build()));
            bad(Status.Code.ABORTED, "expected_version", () -> cmd.updateIncident(UpdateIncidentRequest.newBuilder()
                    .setIncidentId(incident.getId()).setExpectedVersion(77).setSummary("x").build()));
            bad(Status.Code.INVALID_ARGUMENT, "status", () -> cmd.updateIncident(UpdateIncidentRequest.newBuilder()
                    .setIncidentId(incident.getId()).setStatus(IncidentStatus.INCIDENT_STATUS_RESOLVED).build()));
            bad(Status.Code.FAILED_PRECONDITION, "open tasks", () -> cmd.updateIncident(UpdateIncidentRequest.newBuilder()
                    .setIncidentId(incident.getId()).setStatus(IncidentStatus.INCIDENT_STATUS_DISMISSED).build()));

            // AddEvidence, GetEvidence
            java.time.Instant shown = clock.instant();
            // A PNG's header (1×1): the hub reads the header, not the pixels.
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                    0, 0, 0, 1, 0, 0, 0, 1};
            bad(Status.Code.INVALID_ARGUMENT, "reason", () -> cmd.addEvidence(
                    EvidenceTest.request(incident.getId(), png, shown).setReason("").build()));
            bad(Status.Code.INVALID_ARGUMENT, "captured_at", () -> cmd.addEvidence(
                    EvidenceTest.request(incident.getId(), png, shown).clearCapturedAt().build()));
            bad(Status.Code.INVALID_ARGUMENT, "captured_at", () -> cmd.addEvidence(EvidenceTest.request(incident.getId(), png,
                    shown).setCapturedAt(Timestamp.newBuilder().setSeconds(253402300799L)).build()));
            bad(Status.Code.INVALID_ARGUMENT, "image", () -> cmd.addEvidence(
                    EvidenceTest.request(incident.getId(), png, shown).clearImage().build()));
            bad(Status.Code.INVALID_ARGUMENT, "image.sha256", () -> cmd.addEvidence(EvidenceTest.request(incident.getId(),
                    png, shown).setImage(EvidenceTest.request(incident.getId(), png, shown).getImage().toBuilder()
                            .setSha256(ByteString.copyFrom(new byte[32]))).build()));
            bad(Status.Code.INVALID_ARGUMENT, "image.content_type", () -> cmd.addEvidence(EvidenceTest.request(
                    incident.getId(), png, shown).setImage(EvidenceTest.request(incident.getId(), png, shown).getImage()
                            .toBuilder().setContentType("image/gif")).build()));
            bad(Status.Code.NOT_FOUND, "camera_id", () -> cmd.addEvidence(
                    EvidenceTest.request(incident.getId(), png, shown).setCameraId("c-404").build()));
            bad(Status.Code.NOT_FOUND, "incident_id", () -> cmd.addEvidence(EvidenceTest.request("I-404", png, shown).build()));
            bad(Status.Code.PERMISSION_DENIED, "AddEvidence", () -> chief.command().addEvidence(
                    EvidenceTest.request(incident.getId(), png, shown).build()));
            bad(Status.Code.NOT_FOUND, "evidence_id", () -> cmd.getEvidence(GetEvidenceRequest.newBuilder()
                    .setIncidentId(incident.getId()).setEvidenceId(incident.getId() + "-E9").build()));
            bad(Status.Code.INVALID_ARGUMENT, "evidence_id", () -> cmd.getEvidence(GetEvidenceRequest.newBuilder()
                    .setIncidentId(incident.getId()).build()));

            // DispatchTask, ReassignTask, CancelTask
            var lead = leader.command();
            bad(Status.Code.INVALID_ARGUMENT, "unit_ids", () -> lead.dispatchTask(dispatch(incident.getId()).clearUnitIds().build()));
            bad(Status.Code.INVALID_ARGUMENT, "unit_ids", () -> lead.dispatchTask(dispatch(incident.getId())
                    .addAllUnitIds(java.util.Collections.nCopies(21, "u-x")).build()));
            bad(Status.Code.NOT_FOUND, "unit_ids[1]", () -> lead.dispatchTask(dispatch(incident.getId()).addUnitIds("u-404").build()));
            bad(Status.Code.NOT_FOUND, "incident_id", () -> lead.dispatchTask(dispatch("I-404").build()));
            bad(Status.Code.ABORTED, "expected_incident_version", () -> lead.dispatchTask(dispatch(incident.getId())
                    .setExpectedIncidentVersion(9).build()));
            bad(Status.Code.INVALID_ARGUMENT, "kind", () -> lead.dispatchTask(dispatch(incident.getId()).clearKind().build()));
            bad(Status.Code.INVALID_ARGUMENT, "instruction", () -> lead.dispatchTask(dispatch(incident.getId())
                    .setInstruction("x".repeat(2001)).build()));
            bad(Status.Code.INVALID_ARGUMENT, "deadlines[0].within", () -> lead.dispatchTask(dispatch(incident.getId())
                    .addDeadlines(StepDeadlineOverride.newBuilder().setStep(TaskStep.TASK_STEP_SIGN_FOR)
                            .setWithin(com.google.protobuf.Duration.newBuilder().setSeconds(1))).build()));
            bad(Status.Code.PERMISSION_DENIED, "DispatchTask", () -> cmd.dispatchTask(dispatch(incident.getId()).build()));
            bad(Status.Code.NOT_FOUND, "task_id", () -> lead.reassignTask(ReassignTaskRequest.newBuilder()
                    .setTaskId("T-404").addUnitIds("u-car1").setReason("近").build()));
            bad(Status.Code.INVALID_ARGUMENT, "reason", () -> lead.reassignTask(ReassignTaskRequest.newBuilder()
                    .setTaskId(task.getId()).addUnitIds("u-car1").build()));
            bad(Status.Code.INVALID_ARGUMENT, "reason", () -> lead.cancelTask(CancelTaskRequest.newBuilder().setTaskId(task.getId()).build()));
            bad(Status.Code.ABORTED, "expected_version", () -> lead.cancelTask(CancelTaskRequest.newBuilder()
                    .setTaskId(task.getId()).setExpectedVersion(5).setReason("重复").build()));

            // ReviewFeedback
            var rev = chief.command();
            bad(Status.Code.INVALID_ARGUMENT, "decision", () -> rev.reviewFeedback(ReviewFeedbackRequest.newBuilder().setTaskId(task.getId()).build()));
            bad(Status.Code.INVALID_ARGUMENT, "reason", () -> rev.reviewFeedback(ReviewFeedbackRequest.newBuilder()
                    .setTaskId(task.getId()).setDecision(ReviewDecision.REVIEW_DECISION_RETURN).build()));
            bad(Status.Code.FAILED_PRECONDITION, "review", () -> rev.reviewFeedback(ReviewFeedbackRequest.newBuilder()
                    .setTaskId(task.getId()).setDecision(ReviewDecision.REVIEW_DECISION_APPROVE).build()));
            bad(Status.Code.PERMISSION_DENIED, "ReviewFeedback", () -> lead.reviewFeedback(ReviewFeedbackRequest.newBuilder()
                    .setTaskId(task.getId()).setDecision(ReviewDecision.REVIEW_DECISION_APPROVE).build()));

            // Queries and streams
            bad(Status.Code.NOT_FOUND, "incident_id", () -> cmd.getIncident(GetIncidentRequest.newBuilder().setIncidentId("I-404").build()));
            bad(Status.Code.INVALID_ARGUMENT, "task_id", () -> cmd.getTask(GetTaskRequest.newBuilder().setTaskId("../etc").build()));
            bad(Status.Code.INVALID_ARGUMENT, "page_size", () -> cmd.listTasks(ListTasksRequest.newBuilder().setPageSize(5000).build()));
            bad(Status.Code.INVALID_ARGUMENT, "from_sequence", () -> cmd.subscribe(SubscribeRequest.getDefaultInstance()).hasNext());
            bad(Status.Code.INVALID_ARGUMENT, "from_sequence", () -> cmd.subscribe(
                    SubscribeRequest.newBuilder().setFromSequence(1L << 40).build()).hasNext());
            bad(Status.Code.PERMISSION_DENIED, "GetSnapshot", () -> CommandServiceGrpc.newBlockingStub(unit.channel())
                    .withCallCredentials(HubClient.bearer(unit.login().getAccessToken()))
                    .getSnapshot(GetSnapshotRequest.getDefaultInstance()));
            bad(Status.Code.INVALID_ARGUMENT, "from_sequence", () -> unit.field().instructions(InstructionsRequest.getDefaultInstance()).hasNext());

            // FieldService
            var field = unit.field();
            bad(Status.Code.PERMISSION_DENIED, "not held", () -> other.field().reportProgress(progress(task.getId(), Progress.PROGRESS_DELIVERED).build()));
            bad(Status.Code.FAILED_PRECONDITION, "illegal transition", () -> field.reportProgress(progress(task.getId(), Progress.PROGRESS_ARRIVED).build()));
            bad(Status.Code.INVALID_ARGUMENT, "progress", () -> field.reportProgress(progress(task.getId(), Progress.PROGRESS_UNSPECIFIED).build()));
            bad(Status.Code.INVALID_ARGUMENT, "reported_at", () -> field.reportProgress(progress(task.getId(), Progress.PROGRESS_DELIVERED)
                    .setReportedAt(Timestamp.newBuilder().setSeconds(253402300799L)).build()));
            bad(Status.Code.INVALID_ARGUMENT, "heading_degrees", () -> field.reportPosition(ReportPositionRequest.newBuilder()
                    .setPosition(TestCounty.pos(30.5, 119.9)).setHeadingDegrees(400).build()));
            bad(Status.Code.INVALID_ARGUMENT, "position", () -> field.reportPosition(ReportPositionRequest.getDefaultInstance()));
            bad(Status.Code.FAILED_PRECONDITION, "illegal transition", () -> field.submitFeedback(ClosedLoopTest.feedback(task.getId(), "fb")));
            SubmitFeedbackRequest fb = ClosedLoopTest.feedback(task.getId(), "fb2");
            bad(Status.Code.INVALID_ARGUMENT, "photos[0].sha256", () -> field.submitFeedback(fb.toBuilder()
                    .setPhotos(0, fb.getPhotos(0).toBuilder().setSha256(ByteString.copyFrom(new byte[32]))).build()));
            bad(Status.Code.INVALID_ARGUMENT, "photos[0].data", () -> field.withMaxOutboundMessageSize(32 << 20).submitFeedback(fb.toBuilder()
                    .setPhotos(0, fb.getPhotos(0).toBuilder().setData(ByteString.copyFrom(new byte[2 * 1024 * 1024 + 1]))).build()));
            bad(Status.Code.INVALID_ARGUMENT, "photos", () -> field.submitFeedback(fb.toBuilder()
                    .addAllPhotos(java.util.Collections.nCopies(6, fb.getPhotos(0))).build()));
            bad(Status.Code.INVALID_ARGUMENT, "text", () -> field.submitFeedback(fb.toBuilder().setText("").build()));
            bad(Status.Code.INVALID_ARGUMENT, "result_code", () -> field.submitFeedback(fb.toBuilder().setResultCodeValue(42).build()));
            bad(Status.Code.PERMISSION_DENIED, "SubmitFeedback", () -> commandroom.v1.FieldServiceGrpc.newBlockingStub(duty.channel())
                    .withCallCredentials(HubClient.bearer(duty.login().getAccessToken())).submitFeedback(fb));

            // AuthService: wrong password, empty name, forged refresh, log-out, expiry.
            var auth = AuthServiceGrpc.newBlockingStub(duty.channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
            long beforeGuess = hub.hub().lastSequence();
            StatusRuntimeException guess = assertThrows(StatusRuntimeException.class,
                    () -> auth.login(LoginRequest.newBuilder().setUsername("duty1").setPassword("nope").build()));
            assertEquals(Status.Code.UNAUTHENTICATED, guess.getStatus().getCode());
            assertEquals(beforeGuess + 1, hub.hub().lastSequence(), "a failed log-in writes its audit event, only that");
            bad(Status.Code.INVALID_ARGUMENT, "username", () -> auth.login(LoginRequest.newBuilder().setPassword("x").build()));
            bad(Status.Code.UNAUTHENTICATED, "token", () -> auth.refresh(RefreshRequest.newBuilder().setRefreshToken("v1.bad.token").build()));
            bad(Status.Code.UNAUTHENTICATED, "kind", () -> auth.refresh(RefreshRequest.newBuilder()
                    .setRefreshToken(duty.login().getAccessToken()).build()));
            try (HubClient leaving = h.login("duty2")) {
                leaving.auth().logout(LogoutRequest.getDefaultInstance());
                bad(Status.Code.UNAUTHENTICATED, "logged out", () -> leaving.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()));
                bad(Status.Code.UNAUTHENTICATED, "logged out", () -> AuthServiceGrpc.newBlockingStub(leaving.channel())
                        .refresh(RefreshRequest.newBuilder().setRefreshToken(leaving.login().getRefreshToken()).build()));
            }
            clock.advance(Duration.ofMinutes(16));
            bad(Status.Code.UNAUTHENTICATED, "expired", () -> cmd.getSnapshot(GetSnapshotRequest.getDefaultInstance()));
            String fresh = auth.refresh(RefreshRequest.newBuilder().setRefreshToken(duty.login().getRefreshToken()).build())
                    .getAccessToken();
            assertTrue(CommandServiceGrpc.newBlockingStub(duty.channel()).withCallCredentials(HubClient.bearer(fresh))
                    .getSnapshot(GetSnapshotRequest.getDefaultInstance()).getAsOfSequence() > 0, "refresh gives a working token");
        }
    }

    /** Asserts the call fails with the code, names the field (or says why), and writes nothing. */
    private void bad(Status.Code code, String mention, Executable call) {
        long before = hub.hub().lastSequence();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call, mention);
        assertEquals(code, e.getStatus().getCode(), mention + ": " + e.getStatus());
        String text = String.valueOf(e.getStatus().getDescription());
        var details = StatusProto.fromThrowable(e);
        if (code == Status.Code.INVALID_ARGUMENT) {
            assertTrue(details != null && details.getDetailsList().stream().anyMatch(d -> d.is(BadRequest.class)),
                    "INVALID_ARGUMENT carries a BadRequest: " + text);
        }
        assertTrue(text.contains(mention), "status names " + mention + ": " + text);
        assertEquals(before, hub.hub().lastSequence(), mention + ": nothing written");
    }

    private static ReportIncidentRequest.Builder good() {
        return ReportIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_CALL_110)
                .setPriority(Priority.PRIORITY_URGENT).setPosition(TestCounty.pos(30.545, 119.965))
                .setAddress("城东路 1 号").setSummary("有人打架");
    }

    private static DispatchTaskRequest.Builder dispatch(String incidentId) {
        return DispatchTaskRequest.newBuilder().setIncidentId(incidentId).setKind(TaskKind.TASK_KIND_RESPOND)
                .addUnitIds("u-cd-co1").setInstruction("立即到场");
    }

    private static ReportProgressRequest.Builder progress(String taskId, Progress p) {
        return ReportProgressRequest.newBuilder().setTaskId(taskId).setProgress(p);
    }
}
