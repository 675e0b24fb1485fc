package commandroom.app.connection;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import commandroom.app.model.CountyInstructionItem;
import commandroom.app.model.EvidenceItem;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.PhotoRef;
import commandroom.app.model.TaskItem;
import commandroom.app.model.TimelineLine;
import commandroom.v1.AddEvidenceRequest;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.GetEvidenceRequest;
import commandroom.v1.GetIncidentRequest;
import commandroom.v1.GetPhotoRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.OffenceCategory;
import commandroom.v1.Photo;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Reporter;
import commandroom.v1.ReviewDecision;
import commandroom.v1.ReviewFeedbackRequest;
import commandroom.v1.StepDeadlineOverride;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStep;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What a console asks the hub to do, in the console's own terms. Each call runs off the FX thread,
 * has a deadline and an idempotency key, and completes its future with the result or a
 * {@link CommandFailure} a person can read. Thread-safe.
 */
public final class CommandClient {

    /** The shift leader's dispatch: units, the instruction, and minutes allowed per step (0 = default). */
    public record DispatchDraft(String incidentId, long incidentVersion, String kind, List<String> unitIds,
                                String instruction, Map<String, Integer> minutesPerStep) {}

    /** A new incident as a duty officer types it in; offence "" when it reports none (or it is not known). */
    public record IncidentDraft(String type, String priority, double latitude, double longitude, String address,
                                String summary, String reporterName, String reporterPhone, String offence) {

        /** An incident that reports no offence. */
        public IncidentDraft(String type, String priority, double latitude, double longitude, String address,
                             String summary, String reporterName, String reporterPhone) {
            this(type, priority, latitude, longitude, address, summary, reporterName, reporterPhone, "");
        }
    }

    /** An incident's case file: the incident, its tasks, every line of its timeline and its evidence. */
    public record CaseFile(IncidentItem incident, List<TaskItem> tasks, List<TimelineLine> timeline,
                           List<EvidenceItem> evidence, HandedUp handedUp, List<CountyInstructionItem> countyInstructions) {

        /** Whether the incident went up to the county: why, who, when (null when it did not). */
        public record HandedUp(String note, String by, Instant at) {}
    }

    /** A picture to keep in an incident's file: a PNG taken from a camera at a moment, and why. */
    /** A clip to keep: its file (MPEG-TS as the camera sent it) and the period it covers. */
    public record ClipDraft(String incidentId, String cameraId, String reason, Instant from, Instant to,
                            java.nio.file.Path file) {}

    public record EvidenceDraft(String incidentId, String cameraId, String reason, Instant capturedAt, byte[] png) {}

    /** A few recently seen photos: six feedbacks' worth of 2 MiB ones at most. */
    private static final int CACHED_PHOTOS = 24;
    private static final long CACHED_PHOTO_BYTES = 48L * 1024 * 1024;

    private final HubSession session;
    private final Executor executor;
    private final PhotoCache photos = new PhotoCache(CACHED_PHOTOS, CACHED_PHOTO_BYTES);

    public CommandClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    public CompletableFuture<IncidentItem> report(IncidentDraft d) {
        return call(() -> ProtoMapper.incident(stub().reportIncident(ReportIncidentRequest.newBuilder()
                .setType(IncidentType.valueOf("INCIDENT_TYPE_" + d.type()))
                .setPriority(Priority.valueOf("PRIORITY_" + d.priority()))
                .setOffence(d.offence().isEmpty() ? OffenceCategory.OFFENCE_CATEGORY_UNSPECIFIED
                        : OffenceCategory.valueOf("OFFENCE_CATEGORY_" + d.offence()))
                .setPosition(Position.newBuilder().setLatitude(d.latitude()).setLongitude(d.longitude()))
                .setAddress(d.address()).setSummary(d.summary())
                .setReporter(Reporter.newBuilder().setName(d.reporterName()).setPhone(d.reporterPhone()))
                .setIdempotencyKey(key()).build()).getIncident()));
    }

    public CompletableFuture<String> dispatch(DispatchDraft d) {
        DispatchTaskRequest.Builder b = DispatchTaskRequest.newBuilder().setIncidentId(d.incidentId())
                .setExpectedIncidentVersion(d.incidentVersion()).setKind(TaskKind.valueOf("TASK_KIND_" + d.kind()))
                .addAllUnitIds(d.unitIds()).setInstruction(d.instruction()).setIdempotencyKey(key());
        d.minutesPerStep().forEach((step, minutes) -> {
            if (minutes != null && minutes > 0) {
                b.addDeadlines(StepDeadlineOverride.newBuilder().setStep(TaskStep.valueOf("TASK_STEP_" + step))
                        .setWithin(Duration.newBuilder().setSeconds(minutes * 60L)));
            }
        });
        DispatchTaskRequest request = b.build();
        return call(() -> stub().dispatchTask(request).getTask().getId());
    }

    /** Acknowledges an alarm of the queue: the hub records who and when. */
    public CompletableFuture<Void> acknowledgeAlarm(String alarmId) {
        commandroom.v1.AcknowledgeAlarmRequest request = commandroom.v1.AcknowledgeAlarmRequest.newBuilder()
                .setAlarmId(alarmId).build();
        return call(() -> {
            stub().acknowledgeAlarm(request);
            return null;
        });
    }

    public CompletableFuture<Void> review(String taskId, long version, boolean approve, String reason) {
        ReviewFeedbackRequest request = ReviewFeedbackRequest.newBuilder().setTaskId(taskId).setExpectedVersion(version)
                .setDecision(approve ? ReviewDecision.REVIEW_DECISION_APPROVE : ReviewDecision.REVIEW_DECISION_RETURN)
                .setReason(reason).setIdempotencyKey(key()).build();
        return call(() -> {
            stub().reviewFeedback(request);
            return null;
        });
    }

    /**
     * Pushes one instruction to all units of a zone. The contract hands tasks out per incident, so
     * the instruction is recorded as an incident of type "other" at the zone (it then has a case
     * file like any other matter) and dispatched to every unit of the zone as one task.
     */
    public CompletableFuture<String> broadcast(String zoneName, double lat, double lon, List<String> unitIds,
                                               String kind, String instruction) {
        return report(new IncidentDraft("OTHER", "NORMAL", lat, lon, zoneName, instruction, "", ""))
                .thenCompose(i -> dispatch(new DispatchDraft(i.id(), i.version(), kind, unitIds, instruction, Map.of())));
    }

    public CompletableFuture<Void> reassign(String taskId, long version, List<String> unitIds, String reason) {
        var request = commandroom.v1.ReassignTaskRequest.newBuilder().setTaskId(taskId).setExpectedVersion(version)
                .addAllUnitIds(unitIds).setReason(reason).setIdempotencyKey(key()).build();
        return call(() -> {
            stub().reassignTask(request);
            return null;
        });
    }

    public CompletableFuture<Void> cancel(String taskId, long version, String reason) {
        var request = commandroom.v1.CancelTaskRequest.newBuilder().setTaskId(taskId).setExpectedVersion(version)
                .setReason(reason).setIdempotencyKey(key()).build();
        return call(() -> {
            stub().cancelTask(request);
            return null;
        });
    }

    public CompletableFuture<CaseFile> caseFile(String incidentId) {
        return call(() -> {
            var d = stub().getIncident(GetIncidentRequest.newBuilder().setIncidentId(incidentId).build());
            IncidentItem i = ProtoMapper.incident(d.getIncident());
            return new CaseFile(i, d.getTasksList().stream().map(t -> ProtoMapper.task(t, i.type(), i.priority())).toList(),
                    d.getIncident().getTimelineList().stream().map(ProtoMapper::line).toList(),
                    d.getIncident().getEvidenceList().stream().map(e -> ProtoMapper.evidence(i.id(), e)).toList(),
                    d.getIncident().hasHandUp() ? new CaseFile.HandedUp(d.getIncident().getHandUp().getNote(),
                            d.getIncident().getHandUp().getBy().getDisplayName(),
                            ProtoMapper.instant(d.getIncident().getHandUp().getAt())) : null,
                    d.getIncident().getCountyInstructionsList().stream().map(LinkageClient::instruction).toList());
        });
    }

    /** Keeps the picture in the incident's file; completes with the evidence's id. */
    public CompletableFuture<String> addEvidence(EvidenceDraft d) {
        var request = AddEvidenceRequest.newBuilder().setIncidentId(d.incidentId()).setCameraId(d.cameraId())
                .setReason(d.reason())
                .setCapturedAt(Timestamp.newBuilder().setSeconds(d.capturedAt().getEpochSecond())
                        .setNanos(d.capturedAt().getNano()))
                .setImage(Photo.newBuilder().setName(d.cameraId() + ".png").setContentType("image/png")
                        .setData(ByteString.copyFrom(d.png())).setSha256(ByteString.copyFrom(sha256(d.png()))))
                .setIdempotencyKey(key()).build();
        return call(() -> {
            var incident = stub().addEvidence(request).getIncident();
            return incident.getEvidence(incident.getEvidenceCount() - 1).getId();
        });
    }

    /**
     * Keeps a clip in the incident's file: hashes the file, then sends it in 1 MiB chunks as fast
     * as the transport takes them (never more than a few chunks in memory); completes with the
     * evidence's id once the hub checked it.
     */
    public CompletableFuture<String> keepClip(ClipDraft d) {
        return call(() -> ClipUploads.upload(session, d, key()));
    }

    /** Fetches a kept clip into a file, chunk by chunk, and checks it against its hash. */
    public CompletableFuture<java.nio.file.Path> clip(EvidenceItem e, java.nio.file.Path target) {
        return call(() -> ClipUploads.download(session, e, target));
    }

    /** One piece of evidence's image bytes. */
    public CompletableFuture<byte[]> evidenceImage(String incidentId, String evidenceId) {
        return call(() -> stub().getEvidence(GetEvidenceRequest.newBuilder().setIncidentId(incidentId)
                .setEvidenceId(evidenceId).build()).getImage().getData().toByteArray());
    }

    /**
     * A feedback photo's bytes, fetched by its task and hash (events carry only the description);
     * recently seen ones come from a small cache without asking the hub. Bytes whose hash is not
     * the one asked for are a failure, not a picture.
     */
    public CompletableFuture<byte[]> photo(String taskId, PhotoRef photo) {
        byte[] cached = photos.get(photo.sha256());
        if (cached != null) {
            // Completed on the background thread like a fetch, so that the caller's next steps
            // (decoding the picture) run there too, not on the FX thread.
            return call(() -> cached);
        }
        byte[] hash = HexFormat.of().parseHex(photo.sha256());
        var request = GetPhotoRequest.newBuilder().setTaskId(taskId).setSha256(ByteString.copyFrom(hash)).build();
        return call(() -> {
            byte[] data = stub().getPhoto(request).getData().toByteArray();
            if (!MessageDigest.isEqual(hash, sha256(data))) {
                throw new CommandFailure(CommandFailure.Kind.OTHER, "sha256",
                        "the photo's bytes do not match its hash " + photo.sha256());
            }
            photos.put(photo.sha256(), data);
            return data;
        });
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private CommandServiceGrpc.CommandServiceBlockingStub stub() {
        return CommandServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private <T> CompletableFuture<T> call(Supplier<T> work) {
        return HubCalls.async(executor, work);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
