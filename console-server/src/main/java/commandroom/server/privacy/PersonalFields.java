package commandroom.server.privacy;

import commandroom.server.privacy.SealedText.Register;
import commandroom.server.privacy.SealedText.Shape;
import commandroom.v1.CheckIn;
import commandroom.v1.Event;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.KeyPerson;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;

/**
 * Which fields of an event being written hold personal data, sealed before the event is hashed so
 * that the database, its backups and the chain hold them sealed: a key person's name, address,
 * plan and check-in notes; the fraud list's person (an anti-fraud incident's reporter and address,
 * its dissuasion task's instruction and address). A value already sealed (copied from the state
 * into an update) is left as it is. Thread-safe.
 */
public final class PersonalFields {

    private final PersonalKey key;

    public PersonalFields(PersonalKey key) {
        this.key = key;
    }

    /** Seals the personal fields of the event in place. */
    public void seal(Event.Builder b) {
        switch (b.getKindCase()) {
            case INCIDENT_REPORTED -> b.getIncidentReportedBuilder().setIncident(incident(b.getIncidentReported().getIncident()));
            case INCIDENT_UPDATED -> b.getIncidentUpdatedBuilder().setIncident(incident(b.getIncidentUpdated().getIncident()));
            case INCIDENT_HANDED_UP -> b.getIncidentHandedUpBuilder().setIncident(incident(b.getIncidentHandedUp().getIncident()));
            case TASK_DISPATCHED -> b.getTaskDispatchedBuilder().setTask(task(b.getTaskDispatched().getTask()));
            case KEY_PERSON_REGISTERED -> b.getKeyPersonRegisteredBuilder().setPerson(person(b.getKeyPersonRegistered().getPerson()));
            case KEY_PERSON_CHECKED_IN -> b.getKeyPersonCheckedInBuilder().setNote(
                    seal(Register.KEY_PERSONS, Shape.TEXT, b.getKeyPersonCheckedIn().getNote()));
            default -> { }
        }
    }

    private Incident incident(Incident i) {
        if (i.getType() != IncidentType.INCIDENT_TYPE_FRAUD_WARNING) {
            return i;
        }
        var b = i.toBuilder().setAddress(seal(Register.FRAUD_LIST, Shape.ADDRESS, i.getAddress()));
        if (i.hasReporter()) {
            b.setReporter(i.getReporter().toBuilder()
                    .setName(seal(Register.FRAUD_LIST, Shape.NAME, i.getReporter().getName()))
                    .setPhone(seal(Register.FRAUD_LIST, Shape.PHONE, i.getReporter().getPhone())));
        }
        return b.build();
    }

    private Task task(Task t) {
        if (t.getKind() != TaskKind.TASK_KIND_DISSUADE) {
            return t;
        }
        return t.toBuilder().setInstruction(seal(Register.FRAUD_LIST, Shape.TEXT, t.getInstruction()))
                .setIncidentAddress(seal(Register.FRAUD_LIST, Shape.ADDRESS, t.getIncidentAddress())).build();
    }

    private KeyPerson person(KeyPerson p) {
        var b = p.toBuilder().setName(seal(Register.KEY_PERSONS, Shape.NAME, p.getName()))
                .setAddress(seal(Register.KEY_PERSONS, Shape.ADDRESS, p.getAddress()))
                .setPlan(seal(Register.KEY_PERSONS, Shape.TEXT, p.getPlan())).clearCheckIns();
        for (CheckIn c : p.getCheckInsList()) {
            b.addCheckIns(c.toBuilder().setNote(seal(Register.KEY_PERSONS, Shape.TEXT, c.getNote())));
        }
        return b.build();
    }

    private String seal(Register register, Shape shape, String plain) {
        return SealedText.seal(key, register, shape, plain);
    }
}
