package commandroom.server.loop;

import commandroom.v1.AddEvidenceRequest;
import commandroom.v1.Event;
import commandroom.v1.Evidence;
import commandroom.v1.EvidenceAdded;
import commandroom.v1.Incident;
import commandroom.v1.IncidentReported;
import commandroom.v1.IncidentStatus;
import commandroom.v1.IncidentUpdated;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.UpdateIncidentRequest;
import com.google.protobuf.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules for taking in and changing incidents. The request's shape was checked by the API layer;
 * these check it against the state (ids exist, versions match). Stateless.
 */
public final class IncidentRules {

    /** Ids carry the local date of the station (the county is in China Standard Time). */
    public static final ZoneId STATION_TIME = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private IncidentRules() {}

    public static Hub.Decision report(ReportIncidentRequest r) {
        return (s, now) -> {
            String zoneId = r.getZoneId();
            if (zoneId.isEmpty()) {
                zoneId = Geo.zoneAt(s.zones(), r.getPosition()).map(z -> z.getId()).orElse("");
            } else if (s.zone(zoneId).isEmpty()) {
                throw HubException.notFound("zone_id", "zone", zoneId);
            }
            checkCameras(s, r.getCameraIdsList(), "camera_ids");
            String id = String.format("I-%s-%05d", DAY.format(now.atZone(STATION_TIME)), s.incidentCount() + 1);
            Incident incident = Incident.newBuilder().setId(id).setType(r.getType()).setPriority(r.getPriority())
                    .setPosition(r.getPosition()).setAddress(r.getAddress()).setZoneId(zoneId)
                    .setReporter(r.getReporter()).setSummary(r.getSummary()).setOffence(r.getOffence())
                    .setStatus(IncidentStatus.INCIDENT_STATUS_OPEN).addAllCameraIds(r.getCameraIdsList())
                    .setReportedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                    .setVersion(1).build();
            return Event.newBuilder().setIncidentReported(IncidentReported.newBuilder().setIncident(incident));
        };
    }

    public static Hub.Decision update(UpdateIncidentRequest r) {
        return (s, now) -> {
            Incident old = s.incident(r.getIncidentId())
                    .orElseThrow(() -> HubException.notFound("incident_id", "incident", r.getIncidentId()));
            if (r.getExpectedVersion() != 0 && r.getExpectedVersion() != old.getVersion()) {
                throw HubException.stale("expected_version", r.getExpectedVersion(), old.getVersion());
            }
            Incident.Builder b = old.toBuilder().clearTimeline().clearEvidence();
            List<String> changed = new ArrayList<>();
            if (r.hasPriority() && r.getPriority() != old.getPriority()) {
                b.setPriority(r.getPriority());
                changed.add("priority");
            }
            if (r.hasSummary() && !r.getSummary().equals(old.getSummary())) {
                b.setSummary(r.getSummary());
                changed.add("summary");
            }
            if (r.hasAddress() && !r.getAddress().equals(old.getAddress())) {
                b.setAddress(r.getAddress());
                changed.add("address");
            }
            if (r.hasStatus() && r.getStatus() != old.getStatus()) {
                if (old.getStatus() == IncidentStatus.INCIDENT_STATUS_IN_HAND) {
                    throw HubException.precondition("incident has open tasks; cancel them before dismissing it");
                }
                b.setStatus(r.getStatus());
                changed.add("status");
            }
            if (r.getReplaceCameras()) {
                checkCameras(s, r.getCameraIdsList(), "camera_ids");
                b.clearCameraIds().addAllCameraIds(r.getCameraIdsList());
                changed.add("camera_ids");
            }
            if (changed.isEmpty()) {
                throw HubException.invalid("incident_id", "the request changes nothing");
            }
            b.setVersion(old.getVersion() + 1);
            return Event.newBuilder().setIncidentUpdated(
                    IncidentUpdated.newBuilder().setIncident(b).addAllChangedFields(changed));
        };
    }

    /** Keeps a picture in the incident's file; the bytes go into the log with the event. */
    public static Hub.Decision addEvidence(AddEvidenceRequest r) {
        return (s, now) -> {
            Incident old = s.incident(r.getIncidentId())
                    .orElseThrow(() -> HubException.notFound("incident_id", "incident", r.getIncidentId()));
            if (s.camera(r.getCameraId()).isEmpty()) {
                throw HubException.notFound("camera_id", "camera", r.getCameraId());
            }
            String id = old.getId() + "-E" + (old.getEvidenceCount() + 1);
            Evidence ev = Evidence.newBuilder().setId(id).setCameraId(r.getCameraId()).setReason(r.getReason())
                    .setCapturedAt(r.getCapturedAt()).setImage(r.getImage()).build();
            return Event.newBuilder().setEvidenceAdded(
                    EvidenceAdded.newBuilder().setIncidentId(old.getId()).setEvidence(ev));
        };
    }

    /** Keeps a clip (its bytes already in the clip store) in the incident's file. */
    public static Hub.Decision addClip(commandroom.v1.ClipHeader r) {
        return (s, now) -> {
            Incident old = s.incident(r.getIncidentId())
                    .orElseThrow(() -> HubException.notFound("header.incident_id", "incident", r.getIncidentId()));
            if (s.camera(r.getCameraId()).isEmpty()) {
                throw HubException.notFound("header.camera_id", "camera", r.getCameraId());
            }
            String id = old.getId() + "-E" + (old.getEvidenceCount() + 1);
            Evidence ev = Evidence.newBuilder().setId(id).setCameraId(r.getCameraId()).setReason(r.getReason())
                    .setCapturedAt(r.getClip().getFrom()).setClip(r.getClip()).build();
            return Event.newBuilder().setEvidenceAdded(
                    EvidenceAdded.newBuilder().setIncidentId(old.getId()).setEvidence(ev));
        };
    }

    private static void checkCameras(HubState s, List<String> ids, String field) {
        for (int i = 0; i < ids.size(); i++) {
            if (s.camera(ids.get(i)).isEmpty()) {
                throw HubException.notFound(field + "[" + i + "]", "camera", ids.get(i));
            }
        }
    }
}
