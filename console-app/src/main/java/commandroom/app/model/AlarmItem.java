package commandroom.app.model;

import java.time.Instant;

/**
 * One alarm of the queue as the console shows it. Kind and priority are the contract's names
 * without their prefix (NEW_INCIDENT, URGENT). Immutable.
 *
 * @param level who is alarmed: 0 the duty officers; 1 and the shift leaders; 2 and the chief
 * @param escalateAt when it goes up a level if nobody acknowledges it, or null
 * @param acknowledgedBy who acknowledged it (display name), or "" while nobody has
 * @param acknowledgedAt when, or null while nobody has
 * @param detail a code that says more (the overdue step, the camera alarm's type), or ""
 */
public record AlarmItem(String id, String kind, String priority, String subjectId, Instant raisedAt, int level,
                        Instant escalateAt, String acknowledgedBy, Instant acknowledgedAt, String detail) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /**
     * Whether it is in front of a user of this role: the duty officers from the start, the shift
     * leaders once it went up to them, the chief once it went up to the chief.
     */
    public boolean reaches(UserRole role) {
        return switch (role) {
            case DUTY_OFFICER -> true;
            case SHIFT_LEADER -> level >= 1;
            case STATION_CHIEF -> level >= 2;
            default -> false;
        };
    }

    /** Urgent first, then high, normal, low. */
    public int rank() {
        return switch (priority) {
            case "URGENT" -> 0;
            case "HIGH" -> 1;
            case "NORMAL" -> 2;
            default -> 3;
        };
    }

    public AlarmItem escalated(int toLevel, Instant next) {
        return new AlarmItem(id, kind, priority, subjectId, raisedAt, toLevel, next, acknowledgedBy, acknowledgedAt, detail);
    }

    public AlarmItem acknowledgedBy(String who, Instant at) {
        return new AlarmItem(id, kind, priority, subjectId, raisedAt, level, null, who, at, detail);
    }
}
