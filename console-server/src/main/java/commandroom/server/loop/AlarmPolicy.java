package commandroom.server.loop;

import commandroom.v1.AlarmKind;
import commandroom.v1.Priority;
import java.time.Duration;
import java.util.Optional;

/**
 * How long an alarm waits for someone to acknowledge it before it goes up a level (the duty
 * officers, then the shift leaders too, then the station chief too). Immutable.
 *
 * @param urgent the wait of an urgent alarm (an urgent incident, its overdue steps, an emergency
 *     button), or null for none
 * @param high the wait of a high one (a high incident, a camera's alarm, the county's instruction),
 *     or null for none; normal and low alarms wait in the queue without escalating
 * @param raising whether the hub raises alarms at all (a history played in compressed time does not)
 */
public record AlarmPolicy(Duration urgent, Duration high, boolean raising) {

    /** The highest level: the station chief. */
    public static final int TOP = 2;

    /** The station's: 30 s for urgent, 2 minutes for high (the issue's own example: 30 s). */
    public static AlarmPolicy station() {
        return new AlarmPolicy(Duration.ofSeconds(30), Duration.ofMinutes(2), true);
    }

    /** No alarms raised (tests of other things, histories played in compressed time). */
    public static AlarmPolicy none() {
        return new AlarmPolicy(null, null, false);
    }

    /** The wait at each level for an alarm of this kind and priority, if it escalates at all. */
    public Optional<Duration> wait(AlarmKind kind, Priority priority) {
        if (kind == AlarmKind.ALARM_KIND_EMERGENCY || priority == Priority.PRIORITY_URGENT) {
            return Optional.ofNullable(urgent);
        }
        return priority == Priority.PRIORITY_HIGH ? Optional.ofNullable(high) : Optional.empty();
    }
}
