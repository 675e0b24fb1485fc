package commandroom.server.loop;

import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.TaskStep;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How long each step of a task may take, counted from dispatch, per incident type and priority.
 * The most specific rule wins: (step, type, priority), then (step, type), then (step, priority),
 * then the step's default. Immutable and thread-safe.
 */
public final class SlaPolicy {

    private final Map<String, Duration> rules;

    private SlaPolicy(Map<String, Duration> rules) {
        this.rules = Map.copyOf(rules);
    }

    /**
     * Defaults of a county bureau: sign for within 1 minute; be there within 5 minutes when
     * urgent (10 high, 30 normal, 2 hours low); feedback within 4 hours for a 110 call, 24 hours
     * for a dispute or information collection, 8 hours otherwise.
     */
    public static SlaPolicy defaults() {
        Map<String, Duration> r = new HashMap<>();
        r.put(key(TaskStep.TASK_STEP_SIGN_FOR, null, null), Duration.ofMinutes(1));
        r.put(key(TaskStep.TASK_STEP_ARRIVE, null, null), Duration.ofMinutes(30));
        r.put(key(TaskStep.TASK_STEP_ARRIVE, null, Priority.PRIORITY_URGENT), Duration.ofMinutes(5));
        r.put(key(TaskStep.TASK_STEP_ARRIVE, null, Priority.PRIORITY_HIGH), Duration.ofMinutes(10));
        r.put(key(TaskStep.TASK_STEP_ARRIVE, null, Priority.PRIORITY_LOW), Duration.ofHours(2));
        r.put(key(TaskStep.TASK_STEP_FEEDBACK, null, null), Duration.ofHours(8));
        r.put(key(TaskStep.TASK_STEP_FEEDBACK, IncidentType.INCIDENT_TYPE_CALL_110, null), Duration.ofHours(4));
        r.put(key(TaskStep.TASK_STEP_FEEDBACK, IncidentType.INCIDENT_TYPE_DISPUTE, null), Duration.ofHours(24));
        r.put(key(TaskStep.TASK_STEP_FEEDBACK, IncidentType.INCIDENT_TYPE_INFO_COLLECTION, null), Duration.ofHours(24));
        return new SlaPolicy(r);
    }

    /** A copy with one rule set; type or priority null means "any". */
    public SlaPolicy with(TaskStep step, IncidentType type, Priority priority, Duration within) {
        Map<String, Duration> r = new HashMap<>(rules);
        r.put(key(step, type, priority), within);
        return new SlaPolicy(r);
    }

    /** Time allowed for the step of a task about an incident of this type and priority. */
    public Duration within(TaskStep step, IncidentType type, Priority priority) {
        for (String k : new String[] {key(step, type, priority), key(step, type, null),
                key(step, null, priority), key(step, null, null)}) {
            Duration d = rules.get(k);
            if (d != null) {
                return d;
            }
        }
        throw new IllegalStateException("no rule for " + step);
    }

    private static String key(TaskStep step, IncidentType type, Priority priority) {
        return step + "/" + (type == null ? "*" : type) + "/" + (priority == null ? "*" : priority);
    }
}
