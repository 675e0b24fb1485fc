package commandroom.app.connection;

import com.google.protobuf.Timestamp;
import commandroom.app.model.CameraItem;
import commandroom.app.model.EvidenceItem;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.StepClock;
import commandroom.app.model.PhotoRef;
import commandroom.app.model.TaskItem;
import commandroom.app.model.TaskStage;
import commandroom.app.model.TimelineLine;
import commandroom.app.model.UnitItem;
import commandroom.app.model.UserRole;
import commandroom.app.model.ZoneItem;
import commandroom.v1.Camera;
import commandroom.v1.Evidence;
import commandroom.v1.Incident;
import commandroom.v1.Photo;
import commandroom.v1.Role;
import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TimelineEntry;
import commandroom.v1.Unit;
import commandroom.v1.Zone;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns the contract's messages into the console's own model, so that views never see generated
 * types. Enum values become their names without the type prefix ("CALL_110", "URGENT"). Stateless.
 */
public final class ProtoMapper {

    private ProtoMapper() {}

    public static TaskItem task(Task t, String incidentType, String priority) {
        return new TaskItem(t.getId(), strip(t.getKind().name(), "TASK_KIND_"), t.getIncidentId(), incidentType,
                priority, List.copyOf(t.getAssigneeUnitIdsList()), t.getZoneId(), t.getInstruction(),
                stage(t.getStatus()), t.getVersion(), t.getDeadlinesList().stream().map(ProtoMapper::clock).toList(),
                t.getReturnedCount(), instant(t.getDispatchedAt()), t.getFeedback().getText(),
                t.hasFeedback() ? strip(t.getFeedback().getResultCode().name(), "RESULT_CODE_") : "",
                t.getFeedback().getPhotosList().stream().map(ProtoMapper::photo).toList());
    }

    /** A photo's description: the hub sends the bytes only to GetPhoto. */
    public static PhotoRef photo(Photo p) {
        return new PhotoRef(p.getName(), p.getContentType(), HexFormat.of().formatHex(p.getSha256().toByteArray()),
                p.getSize());
    }

    public static commandroom.app.model.AlarmItem alarm(commandroom.v1.Alarm a) {
        return new commandroom.app.model.AlarmItem(a.getId(), strip(a.getKind().name(), "ALARM_KIND_"),
                strip(a.getPriority().name(), "PRIORITY_"), a.getSubjectId(), instant(a.getRaisedAt()), a.getLevel(),
                a.hasEscalateAt() ? instant(a.getEscalateAt()) : null,
                a.hasAcknowledgedBy() ? a.getAcknowledgedBy().getDisplayName() : "",
                a.hasAcknowledgedAt() ? instant(a.getAcknowledgedAt()) : null, a.getDetail());
    }

    public static IncidentItem incident(Incident i) {
        return new IncidentItem(i.getId(), strip(i.getType().name(), "INCIDENT_TYPE_"),
                strip(i.getPriority().name(), "PRIORITY_"), i.getPosition().getLatitude(),
                i.getPosition().getLongitude(), i.getAddress(), i.getZoneId(), i.getSummary(),
                strip(i.getStatus().name(), "INCIDENT_STATUS_"), instant(i.getReportedAt()), i.getVersion());
    }

    public static UnitItem unit(Unit u) {
        return new UnitItem(u.getId(), u.getName(), strip(u.getKind().name(), "UNIT_KIND_"), u.getZoneId(),
                strip(u.getStatus().name(), "UNIT_STATUS_"), u.getPosition().getLatitude(), u.getPosition().getLongitude());
    }

    public static ZoneItem zone(Zone z) {
        return new ZoneItem(z.getId(), z.getName(), z.getStationId(), z.getPolygonList().stream()
                .map(p -> new commandroom.app.model.GeoPoint(p.getLatitude(), p.getLongitude())).toList(), new ZoneItem.Staffing(z.getStaffing().getCommunityOfficers(),
                z.getStaffing().getAuxiliaryOfficers(), z.getStaffing().getGridWorkers(), z.getStaffing().getVolunteers()));
    }

    public static commandroom.app.model.RoadItem road(commandroom.v1.Road r) {
        return new commandroom.app.model.RoadItem(r.getId(), r.getName(), r.getRoadClass(), r.getLineList().stream()
                .map(p -> new commandroom.app.model.GeoPoint(p.getLatitude(), p.getLongitude())).toList());
    }

    public static CameraItem camera(Camera c) {
        return new CameraItem(c.getId(), c.getName(), strip(c.getKind().name(), "CAMERA_KIND_"), c.getZoneId(),
                c.getStationId(), c.getPosition().getLatitude(), c.getPosition().getLongitude(), c.getSubStreamUrl(),
                c.getMainStreamUrl(), c.getFieldOfView().getDirectionDegrees(), c.getFieldOfView().getAngleDegrees(),
                c.getFieldOfView().getRangeMetres(), c.hasOrigin() ? new CameraItem.Origin(c.getOrigin().getSourceId(),
                        c.getOrigin().getOnline(), c.getOrigin().getPtz()) : CameraItem.Origin.NONE, c.getUnitId());
    }

    public static TimelineLine line(TimelineEntry e) {
        return new TimelineLine(e.getSequence(), instant(e.getTime()), e.getActor().getDisplayName().isEmpty()
                ? e.getActor().getUserId() : e.getActor().getDisplayName(), strip(e.getActor().getRole().name(), "ROLE_"),
                e.getWhat(), e.getNote());
    }

    public static EvidenceItem evidence(String incidentId, Evidence e) {
        return new EvidenceItem(e.getId(), incidentId, e.getCameraId(), e.getReason(),
                e.getTakenBy().getDisplayName().isEmpty() ? e.getTakenBy().getUserId() : e.getTakenBy().getDisplayName(),
                strip(e.getTakenBy().getRole().name(), "ROLE_"), instant(e.getCapturedAt()),
                e.hasClip() ? instant(e.getClip().getTo()) : null, e.getClip().getSizeBytes(),
                java.util.HexFormat.of().formatHex(e.getClip().getSha256().toByteArray()));
    }

    public static StepClock clock(StepDeadline d) {
        return new StepClock(strip(d.getStep().name(), "TASK_STEP_"), instant(d.getDue()), d.getOverdue(),
                d.hasDoneAt() ? instant(d.getDoneAt()) : null);
    }

    public static TaskStage stage(commandroom.v1.TaskStatus s) {
        return switch (s) {
            case TASK_STATUS_DELIVERED -> TaskStage.DELIVERED;
            case TASK_STATUS_SIGNED_FOR -> TaskStage.SIGNED_FOR;
            case TASK_STATUS_ARRIVED -> TaskStage.ARRIVED;
            case TASK_STATUS_IN_PROGRESS -> TaskStage.IN_PROGRESS;
            case TASK_STATUS_FEEDBACK_SUBMITTED -> TaskStage.FEEDBACK_SUBMITTED;
            case TASK_STATUS_CLOSED -> TaskStage.CLOSED;
            case TASK_STATUS_CANCELLED -> TaskStage.CANCELLED;
            default -> TaskStage.DISPATCHED;
        };
    }

    public static UserRole role(Role r) {
        return switch (r) {
            case ROLE_DUTY_OFFICER -> UserRole.DUTY_OFFICER;
            case ROLE_SHIFT_LEADER -> UserRole.SHIFT_LEADER;
            case ROLE_STATION_CHIEF -> UserRole.STATION_CHIEF;
            case ROLE_ADMIN -> UserRole.ADMIN;
            case ROLE_FIELD_UNIT -> UserRole.FIELD_UNIT;
            default -> UserRole.UNKNOWN;
        };
    }

    public static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static String strip(String name, String prefix) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }
}
