package commandroom.server.loop;

import commandroom.v1.Actor;
import commandroom.v1.Event;
import commandroom.v1.KeyPerson;
import commandroom.v1.KeyPersonAccessed;
import commandroom.v1.KeyPersonCheckedIn;
import commandroom.v1.KeyPersonRegistered;
import commandroom.v1.RecordCheckInRequest;
import commandroom.v1.RegisterKeyPersonRequest;
import commandroom.v1.Role;
import java.util.List;

/**
 * The key persons register: who may see and touch whom (the station chief: everyone; a unit: the
 * persons assigned to it; nobody else), registration and check-ins, and the access log that every
 * read writes. Stateless.
 */
public final class KeyPersonRules {

    private KeyPersonRules() {}

    /** True if the actor may see the person. */
    public static boolean maySee(Actor a, KeyPerson p) {
        return a.getRole() == Role.ROLE_STATION_CHIEF
                || a.getRole() == Role.ROLE_FIELD_UNIT && p.getAssignedUnitIdsList().contains(a.getUnitId());
    }

    public static Hub.Decision register(RegisterKeyPersonRequest r) {
        return (s, now) -> {
            KeyPerson p = r.getPerson();
            if (s.zone(p.getZoneId()).isEmpty()) {
                throw HubException.notFound("person.zone_id", "zone", p.getZoneId());
            }
            for (int i = 0; i < p.getAssignedUnitIdsCount(); i++) {
                if (s.unit(p.getAssignedUnitIds(i)).isEmpty()) {
                    throw HubException.notFound("person.assigned_unit_ids[" + i + "]", "unit", p.getAssignedUnitIds(i));
                }
            }
            KeyPerson registered = p.toBuilder().setId(String.format("P-%04d", s.keyPersons().size() + 1))
                    .clearCheckIns().clearNextCheckInDue().setVersion(0).build();
            return Event.newBuilder().setKeyPersonRegistered(KeyPersonRegistered.newBuilder().setPerson(registered));
        };
    }

    public static Hub.Decision checkIn(RecordCheckInRequest r, Actor actor) {
        return (s, now) -> {
            KeyPerson p = s.keyPerson(r.getPersonId()).filter(k -> maySee(actor, k))
                    .orElseThrow(() -> refusal(r.getPersonId()));
            return Event.newBuilder().setKeyPersonCheckedIn(
                    KeyPersonCheckedIn.newBuilder().setPersonId(p.getId()).setNote(r.getNote()));
        };
    }

    /** Reading one person: refused unless the actor may see them; logged when allowed. */
    /**
     * One person: logged as a read if the actor may see the person; otherwise logged as a refused
     * attempt (the caller then answers PERMISSION_DENIED, saying the same whether or not the
     * person exists: an answer must not tell who is on the register).
     */
    public static Hub.Decision get(String personId, String reason, Actor actor) {
        return (s, now) -> {
            boolean visible = s.keyPerson(personId).filter(p -> maySee(actor, p)).isPresent();
            KeyPersonAccessed.Builder a = KeyPersonAccessed.newBuilder().setHow("get").setReason(reason);
            if (visible) {
                a.addPersonIds(personId);
            } else {
                a.setRefused(true).setAskedPersonId(personId);
            }
            return Event.newBuilder().setKeyPersonAccessed(a);
        };
    }

    /** Listing: the persons the actor may see; roles that may see none are refused, and that is logged too. */
    public static Hub.Decision list(String reason, Actor actor) {
        return (s, now) -> {
            KeyPersonAccessed.Builder a = KeyPersonAccessed.newBuilder().setHow("list").setReason(reason);
            if (!mayList(actor)) {
                a.setRefused(true);
            } else {
                a.addAllPersonIds(s.keyPersons().stream().filter(p -> maySee(actor, p)).map(KeyPerson::getId).toList());
            }
            return Event.newBuilder().setKeyPersonAccessed(a);
        };
    }

    /** True for the roles that read the register at all: the chief, and units (their own persons). */
    public static boolean mayList(Actor actor) {
        return actor.getRole() == Role.ROLE_STATION_CHIEF || actor.getRole() == Role.ROLE_FIELD_UNIT;
    }

    /** The refusal a caller answers after a refused attempt was logged. */
    public static HubException refusal(String personId) {
        return HubException.denied(personId.isEmpty() ? "the key persons register is the station chief's and the"
                + " assigned officers'" : "no key person " + personId + " that you may see");
    }
}
