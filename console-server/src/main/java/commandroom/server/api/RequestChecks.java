package commandroom.server.api;

import com.google.protobuf.ByteString;
import commandroom.v1.AddEvidenceRequest;
import commandroom.v1.CancelTaskRequest;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Photo;
import commandroom.v1.ReassignTaskRequest;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReportPositionRequest;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.ReviewDecision;
import commandroom.v1.ReviewFeedbackRequest;
import commandroom.v1.StepDeadlineOverride;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.UpdateIncidentRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The shape of every request: required fields, lengths, ranges, known enum values. What needs the
 * hub's state (do ids exist, is the version current) is checked by the loop's rules. Stateless.
 */
final class RequestChecks {

    static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;
    static final int MAX_PHOTOS = 6;
    private static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png");
    private static final Duration MIN_DEADLINE = Duration.ofSeconds(10);
    private static final Duration MAX_DEADLINE = Duration.ofDays(30);
    /** Terminal clocks drift; a report a little in the future is tolerated, far-future is not. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private RequestChecks() {}

    static void check(ReportIncidentRequest r) {
        Violations v = new Violations().known("type", r.getType()).known("priority", r.getPriority())
                .knownOrUnset("offence", r.getOffence()).position("position", r.hasPosition(), r.getPosition())
                .text("address", r.getAddress(), 1, 500).text("summary", r.getSummary(), 1, 2000)
                .text("reporter.name", r.getReporter().getName(), 0, 100)
                .text("reporter.phone", r.getReporter().getPhone(), 0, 100)
                .ids("camera_ids", r.getCameraIdsList(), 0, 64).key("idempotency_key", r.getIdempotencyKey());
        if (!r.getZoneId().isEmpty()) {
            v.id("zone_id", r.getZoneId());
        }
        v.throwIfAny();
    }

    static void check(UpdateIncidentRequest r) {
        Violations v = new Violations().id("incident_id", r.getIncidentId()).key("idempotency_key", r.getIdempotencyKey());
        if (r.hasPriority()) {
            v.known("priority", r.getPriority());
        }
        if (r.hasSummary()) {
            v.text("summary", r.getSummary(), 1, 2000);
        }
        if (r.hasAddress()) {
            v.text("address", r.getAddress(), 1, 500);
        }
        if (r.hasStatus() && r.getStatus() != commandroom.v1.IncidentStatus.INCIDENT_STATUS_DISMISSED) {
            v.add("status", "only INCIDENT_STATUS_DISMISSED may be set by hand");
        }
        if (r.getReplaceCameras()) {
            v.ids("camera_ids", r.getCameraIdsList(), 0, 64);
        } else if (r.getCameraIdsCount() > 0) {
            v.add("camera_ids", "is only read with replace_cameras");
        }
        v.throwIfAny();
    }

    static void check(DispatchTaskRequest r) {
        Violations v = new Violations().id("incident_id", r.getIncidentId()).known("kind", r.getKind())
                .ids("unit_ids", r.getUnitIdsList(), 1, 20).text("instruction", r.getInstruction(), 1, 2000)
                .key("idempotency_key", r.getIdempotencyKey());
        int steps = commandroom.v1.TaskStep.values().length;
        if (r.getDeadlinesCount() > steps) {
            v.add("deadlines", "may have at most " + steps + ", has " + r.getDeadlinesCount());
            v.throwIfAny();
        }
        for (int i = 0; i < r.getDeadlinesCount(); i++) {
            StepDeadlineOverride o = r.getDeadlines(i);
            v.known("deadlines[" + i + "].step", o.getStep());
            long seconds = o.getWithin().getSeconds();
            if (seconds < MIN_DEADLINE.getSeconds() || seconds > MAX_DEADLINE.getSeconds()
                    || o.getWithin().getNanos() < 0 || o.getWithin().getNanos() > 999_999_999) {
                v.add("deadlines[" + i + "].within", "must be between 10 seconds and 30 days");
            }
        }
        if (r.getDeadlinesList().stream().map(StepDeadlineOverride::getStep).distinct().count() != r.getDeadlinesCount()) {
            v.add("deadlines", "must not name a step twice");
        }
        v.throwIfAny();
    }

    static void check(ReassignTaskRequest r) {
        new Violations().id("task_id", r.getTaskId()).ids("unit_ids", r.getUnitIdsList(), 1, 20)
                .text("reason", r.getReason(), 1, 500).key("idempotency_key", r.getIdempotencyKey()).throwIfAny();
    }

    static void check(CancelTaskRequest r) {
        new Violations().id("task_id", r.getTaskId()).text("reason", r.getReason(), 1, 500)
                .key("idempotency_key", r.getIdempotencyKey()).throwIfAny();
    }

    static void check(ReviewFeedbackRequest r) {
        Violations v = new Violations().id("task_id", r.getTaskId()).known("decision", r.getDecision())
                .key("idempotency_key", r.getIdempotencyKey());
        v.text("reason", r.getReason(), r.getDecision() == ReviewDecision.REVIEW_DECISION_RETURN ? 1 : 0, 500);
        v.throwIfAny();
    }

    static void check(ReportProgressRequest r, Instant now) {
        Violations v = new Violations().id("task_id", r.getTaskId()).known("progress", r.getProgress())
                .key("idempotency_key", r.getIdempotencyKey());
        if (r.hasPosition()) {
            v.position("position", true, r.getPosition());
        }
        if (r.hasReportedAt()) {
            recent(v, "reported_at", r.getReportedAt(), now);
        }
        v.throwIfAny();
    }

    static void check(commandroom.v1.AcknowledgeAlarmRequest r) {
        new Violations().id("alarm_id", r.getAlarmId()).throwIfAny();
    }

    static void check(commandroom.v1.PressEmergencyRequest r) {
        Violations v = new Violations().key("idempotency_key", r.getIdempotencyKey());
        if (r.hasPosition()) {
            v.position("position", true, r.getPosition());
        }
        v.throwIfAny();
    }

    static void check(ReportPositionRequest r) {
        Violations v = new Violations().position("position", r.hasPosition(), r.getPosition());
        if (!(r.getHeadingDegrees() >= 0 && r.getHeadingDegrees() <= 360)) {
            v.add("heading_degrees", "must be within 0..360");
        }
        if (!(r.getSpeedMps() >= 0 && r.getSpeedMps() <= 100)) {
            v.add("speed_mps", "must be within 0..100");
        }
        v.throwIfAny();
    }

    static void check(AddEvidenceRequest r, Instant now) {
        Violations v = new Violations().id("incident_id", r.getIncidentId()).id("camera_id", r.getCameraId())
                .text("reason", r.getReason(), 1, 500).key("idempotency_key", r.getIdempotencyKey());
        if (!r.hasCapturedAt()) {
            v.add("captured_at", "is required");
        } else {
            recent(v, "captured_at", r.getCapturedAt(), now);
        }
        if (!r.hasImage()) {
            v.add("image", "is required");
        } else {
            photo(v, "image", r.getImage());
        }
        v.throwIfAny();
    }

    /** Most bytes of a kept clip: ten minutes of a 4 Mbit/s main stream is 300 MB; 256 MiB holds 8. */
    static final long MAX_CLIP_BYTES = 256L * 1024 * 1024;
    /** Most bytes of one chunk of a clip's upload. */
    static final int MAX_CLIP_CHUNK = 1024 * 1024;

    static void check(commandroom.v1.ClipHeader r, Instant now) {
        Violations v = new Violations().id("header.incident_id", r.getIncidentId()).id("header.camera_id", r.getCameraId())
                .text("header.reason", r.getReason(), 1, 500).key("header.idempotency_key", r.getIdempotencyKey());
        if (!r.hasClip()) {
            v.add("header.clip", "is required");
            v.throwIfAny();
        }
        commandroom.v1.VideoClip c = r.getClip();
        if (c.getSha256().size() != 32) {
            v.add("header.clip.sha256", "must be 32 bytes");
        }
        if (c.getSizeBytes() < 1 || c.getSizeBytes() > MAX_CLIP_BYTES) {
            v.add("header.clip.size_bytes", "must be within 1.." + MAX_CLIP_BYTES);
        }
        if (!"video/mp2t".equals(c.getContentType())) {
            v.add("header.clip.content_type", "must be video/mp2t");
        }
        if (!c.hasFrom() || !c.hasTo()) {
            v.add("header.clip.from", "from and to are required");
        } else {
            recent(v, "header.clip.from", c.getFrom(), now);
            recent(v, "header.clip.to", c.getTo(), now);
            long span = c.getTo().getSeconds() - c.getFrom().getSeconds();
            if (span < 0 || span > 600) {
                v.add("header.clip.to", "must be from 0 to 600 seconds after from");
            }
        }
        v.throwIfAny();
    }

    static void check(SubmitFeedbackRequest r) {
        Violations v = new Violations().id("task_id", r.getTaskId()).known("result_code", r.getResultCode())
                .text("text", r.getText(), 1, 4000).key("idempotency_key", r.getIdempotencyKey());
        if (r.getPhotosCount() > MAX_PHOTOS) {
            v.add("photos", "may have at most " + MAX_PHOTOS + ", has " + r.getPhotosCount());
        }
        for (int i = 0; i < Math.min(r.getPhotosCount(), MAX_PHOTOS); i++) {
            photo(v, "photos[" + i + "]", r.getPhotos(i));
        }
        v.throwIfAny();
    }

    /** A time a client saw (epoch seconds): not in the future beyond clock skew, at most 7 days old. */
    private static void recent(Violations v, String field, com.google.protobuf.Timestamp t, Instant now) {
        long seconds = t.getSeconds();
        if (t.getNanos() < 0 || t.getNanos() > 999_999_999) {
            v.add(field + ".nanos", "must be within 0..999999999");
        } else if (seconds > now.plus(CLOCK_SKEW).getEpochSecond()) {
            v.add(field, "is in the future");
        } else if (seconds < now.minus(Duration.ofDays(7)).getEpochSecond()) {
            v.add(field, "is more than 7 days old");
        }
    }

    /** A picture's name, type, size and hash; f is the field's path. */
    private static void photo(Violations v, String f, Photo p) {
        v.text(f + ".name", p.getName(), 1, 128);
        if (!PHOTO_TYPES.contains(p.getContentType())) {
            v.add(f + ".content_type", "must be image/jpeg or image/png");
        }
        if (p.getData().isEmpty()) {
            v.add(f + ".data", "is required");
        } else if (p.getData().size() > MAX_PHOTO_BYTES) {
            v.add(f + ".data", "is " + p.getData().size() + " bytes; at most " + MAX_PHOTO_BYTES);
        } else if (!sha256(p.getData()).equals(p.getSha256())) {
            v.add(f + ".sha256", "does not match the data");
        } else if (PHOTO_TYPES.contains(p.getContentType())) {
            String problem = ImageHeaders.problem(p.getContentType(), p.getData());
            if (problem != null) {
                v.add(f + ".data", problem);
            }
        }
    }

    private static ByteString sha256(ByteString data) {
        try {
            return ByteString.copyFrom(MessageDigest.getInstance("SHA-256").digest(data.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
