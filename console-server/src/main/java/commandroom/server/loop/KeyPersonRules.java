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
            KeyPerson p = visible(s, r.getPersonId(), actor);
            return Event.newBuilder().setKeyPersonCheckedIn(
                    KeyPersonCheckedIn.newBuilder().setPersonId(p.getId()).setNote(r.getNote()));
        };
    }

    /** Reading one person: refused unless the actor may see them; logged when allowed. */
    public static Hub.Decision get(String personId, Actor actor) {
        return (s, now) -> Event.newBuilder().setKeyPersonAccessed(KeyPersonAccessed.newBuilder()
                .addPersonIds(visible(s, personId, actor).getId()).setHow("get"));
    }

    /** Listing: the persons the actor may see; refused to roles that may see none; logged. */
    public static Hub.Decision list(Actor actor) {
        return (s, now) -> {
            if (actor.getRole() != Role.ROLE_STATION_CHIEF && actor.getRole() != Role.ROLE_FIELD_UNIT) {
                throw HubException.denied("the key persons register is the station chief's and the assigned officers'");
            }
            List<String> ids = s.keyPersons().stream().filter(p -> maySee(actor, p)).map(KeyPerson::getId).toList();
            return Event.newBuilder().setKeyPersonAccessed(KeyPersonAccessed.newBuilder().addAllPersonIds(ids).setHow("list"));
        };
    }

    private static KeyPerson visible(HubState s, String id, Actor actor) {
        KeyPerson p = s.keyPerson(id).orElseThrow(() -> HubException.notFound("person_id", "key person", id));
        if (!maySee(actor, p)) {
            // Said the same way whether or not the person exists would leak less; the id alone says
            // little, and an officer needs to know a mistyped id from a refusal.
            throw HubException.denied("key person " + id + " is not assigned to you");
        }
        return p;
    }
}
