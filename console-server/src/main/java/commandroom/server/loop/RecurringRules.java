package commandroom.server.loop;

import commandroom.v1.Actor;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.TaskStep;
import commandroom.v1.Unit;
import commandroom.v1.Zone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the recurring lists into the hub's own requests: for each list, the current period and each
 * zone with such an officer, an incident that names the list (the board's card) and a task for those
 * officers with its clock to the period's end. Each request carries a key made of list, zone and
 * period, so the hub writes it once however often it is asked (also across restarts: the answers
 * are rebuilt from the log). Stateless.
 */
public final class RecurringRules {

    /** One list's instruction for one zone in one period, not yet written. */
    public record Due(String key, RecurringLists.Spec spec, RecurringLists.Period period, Zone zone, List<Unit> units) {}

    private static final Duration MAX_CLOCK = Duration.ofDays(30);

    private RecurringRules() {}

    /** What is due now and not yet written by actor. */
    public static List<Due> due(HubState s, RecurringLists lists, Instant now, Actor actor) {
        List<Due> out = new ArrayList<>();
        for (RecurringLists.Spec spec : lists.lists()) {
            RecurringLists.Period p = RecurringLists.period(spec.cadence(), now.atZone(IncidentRules.STATION_TIME));
            for (Zone z : s.zones()) {
                List<Unit> units = s.units().stream().filter(u -> u.getKind() == spec.who() && u.getZoneId().equals(z.getId()))
                        .toList();
                String key = "recurring:" + spec.id() + ":" + z.getId() + ":" + p.name();
                if (!units.isEmpty() && s.answer(actor.getUserId(), key + ":task").isEmpty()) {
                    out.add(new Due(key, spec, p, z, units));
                }
            }
        }
        return out;
    }

    /** The incident that carries the list on the board. */
    public static ReportIncidentRequest incident(Due d) {
        Unit first = d.units().get(0);
        return ReportIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_INFO_COLLECTION)
                .setPriority(Priority.PRIORITY_LOW).setPosition(first.getPosition()).setZoneId(d.zone().getId())
                .setAddress(d.zone().getName()).setSummary(d.spec().title() + " " + d.period().name() + "：" + d.spec().instruction())
                .setIdempotencyKey(d.key() + ":incident").build();
    }

    /** The task for the zone's officers, its feedback due at the period's end. */
    public static DispatchTaskRequest task(Due d, String incidentId, Instant now) {
        Duration left = Duration.between(now, d.period().end().toInstant());
        Duration feedback = left.compareTo(MAX_CLOCK) > 0 ? MAX_CLOCK : left.compareTo(Duration.ofMinutes(10)) < 0
                ? Duration.ofMinutes(10) : left;
        Duration signFor = feedback.compareTo(Duration.ofHours(2)) < 0 ? feedback : Duration.ofHours(2);
        return DispatchTaskRequest.newBuilder().setIncidentId(incidentId).setKind(d.spec().kind())
                .addAllUnitIds(d.units().stream().map(Unit::getId).toList())
                .setInstruction(d.spec().title() + " " + d.period().name() + "：" + d.spec().instruction())
                .addDeadlines(TaskRules.override(TaskStep.TASK_STEP_SIGN_FOR, signFor))
                .addDeadlines(TaskRules.override(TaskStep.TASK_STEP_ARRIVE, feedback))
                .addDeadlines(TaskRules.override(TaskStep.TASK_STEP_FEEDBACK, feedback))
                .setIdempotencyKey(d.key() + ":task").build();
    }
}
