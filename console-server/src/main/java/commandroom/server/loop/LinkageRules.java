package commandroom.server.loop;

import com.google.protobuf.Timestamp;
import commandroom.v1.Actor;
import commandroom.v1.CountyInstruction;
import commandroom.v1.CountyInstructionIssued;
import commandroom.v1.CountyInstructionReceived;
import commandroom.v1.Event;
import commandroom.v1.HandUp;
import commandroom.v1.HandUpRequest;
import commandroom.v1.Incident;
import commandroom.v1.IncidentHandedUp;
import commandroom.v1.IncidentStatus;
import commandroom.v1.InstructStationRequest;
import commandroom.v1.Role;
import java.time.Instant;

/**
 * Decisions of the station–county linkage: a station hands an incident up, the county gives an
 * instruction about it, and the station takes the instruction in once however often its link
 * delivers it. Stateless.
 */
public final class LinkageRules {

    /** Who takes the county's instructions in at a station: the hub's link, not a person. */
    public static final Actor LINK = Actor.newBuilder().setUserId("county-link").setRole(Role.ROLE_ADMIN)
            .setDisplayName("县局联动").build();

    private LinkageRules() {}

    /** At a station: the incident goes up to the county, once. */
    public static Hub.Decision handUp(HandUpRequest r, Actor actor) {
        return (s, now) -> {
            Incident i = s.incident(r.getIncidentId())
                    .orElseThrow(() -> HubException.notFound("incident_id", "incident", r.getIncidentId()));
            if (i.getStatus() == IncidentStatus.INCIDENT_STATUS_DISMISSED) {
                throw HubException.precondition("incident " + i.getId() + " was dismissed");
            }
            if (i.hasHandUp()) {
                throw HubException.precondition("incident " + i.getId() + " was already handed up to the county");
            }
            Incident handed = i.toBuilder().clearTimeline().setVersion(i.getVersion() + 1)
                    .setHandUp(HandUp.newBuilder().setNote(r.getNote()).setBy(actor).setAt(ts(now))).build();
            return Event.newBuilder().setIncidentHandedUp(IncidentHandedUp.newBuilder().setIncident(handed));
        };
    }

    /**
     * At the county: an instruction for a station. The caller has checked, against the county
     * board, that the station is followed and handed the incident up.
     */
    public static Hub.Decision issue(InstructStationRequest r, Actor actor) {
        return (s, now) -> Event.newBuilder().setCountyInstructionIssued(CountyInstructionIssued.newBuilder()
                .setInstruction(CountyInstruction.newBuilder()
                        .setId(String.format("CI-%05d", s.countyInstructionCount() + 1))
                        .setStationId(r.getStationId()).setIncidentId(r.getIncidentId()).setText(r.getText())
                        .setIssuedBy(actor).setIssuedAt(ts(now))));
    }

    /**
     * At a station: takes in an instruction read from the county's log at a sequence; nothing if
     * it was taken in before (the link resumes from the last one, and may deliver it again).
     */
    public static Hub.Decision receive(CountyInstruction issued, long countySequence) {
        return (s, now) -> {
            if (s.countyInstruction(issued.getId()).isPresent()) {
                return null;
            }
            return Event.newBuilder().setCountyInstructionReceived(CountyInstructionReceived.newBuilder()
                    .setInstruction(issued.toBuilder().setCountySequence(countySequence).setReceivedAt(ts(now))));
        };
    }

    private static Timestamp ts(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    /** Records a station's chain head in the county's log, if it moved past the last one recorded. */
    public static Hub.Decision recordHead(String stationId, long sequence, com.google.protobuf.ByteString hash) {
        return (s, now) -> {
            if (sequence <= s.stationHeads.getOrDefault(stationId, 0L)) {
                return null;
            }
            return Event.newBuilder().setStationHeadRecorded(commandroom.v1.StationHeadRecorded.newBuilder()
                    .setStationId(stationId).setSequence(sequence).setHash(hash));
        };
    }
}
