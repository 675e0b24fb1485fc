package commandroom.server.stats;

import com.google.protobuf.Timestamp;
import commandroom.server.loop.HubState;
import commandroom.server.loop.IncidentRules;
import commandroom.v1.DisputeCase;
import commandroom.v1.Figure;
import commandroom.v1.Figures;
import commandroom.v1.FollowUpVisit;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.MediationOutcome;
import commandroom.v1.MediationSession;
import commandroom.v1.OffenceFigure;
import commandroom.v1.Task;
import commandroom.v1.TaskStep;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The station chief's figures for a period and the period of the same length before it, counted
 * from the projections of the log (so any period, any zone, reproducibly):
 * <ul>
 * <li>disputes registered: case files opened in the period; resolved: of those, first settled
 *     before the period's end; resolution rate;</li>
 * <li>mediations recorded in the period, agreed, success rate;</li>
 * <li>repeat calls: dispute incidents reported in the period that were filed in an existing case
 *     file; repeat-call rate over all dispute incidents reported;</li>
 * <li>follow-up visits due in the period, and of those done within a day of their due time;</li>
 * <li>the loop: tasks dispatched in the period, minutes from dispatch to signed for, arrival and
 *     feedback (median and 90th percentile), steps overdue, and the share of arrivals within 1, 3
 *     and 5 minutes;</li>
 * <li>preventable cases: incidents reported in the period whose offence {@link PreventableCases}
 *     counts, in all and by category.</li>
 * </ul>
 * Stateless; call under the hub's read lock.
 */
public final class FiguresCalculator {

    /** A visit done within this of its due time counts as on time. */
    static final Duration VISIT_GRACE = Duration.ofDays(1);

    private FiguresCalculator() {}

    /**
     * The figures of [from, to) in one zone ("" for the station), the loop's only of the tasks one
     * unit held ("" for every unit), each with the period before: the same number of calendar months
     * before when the period runs from a station-time midnight to the same day of a later month (a
     * year against the year before, leap days and all), else the same length of time before.
     */
    public static Figures compute(HubState s, Instant from, Instant to, String zoneId, String unitId) {
        Instant before = periodBefore(from, to);
        Counts now = count(s, from, to, zoneId, unitId);
        Counts prev = count(s, before, from, zoneId, unitId);
        return Figures.newBuilder()
                .setDisputesRegistered(figure(now.registered, prev.registered))
                .setDisputesResolved(figure(now.resolved, prev.resolved))
                .setResolutionRate(figure(ratio(now.resolved, now.registered), ratio(prev.resolved, prev.registered)))
                .setMediations(figure(now.mediations, prev.mediations))
                .setMediationsAgreed(figure(now.agreed, prev.agreed))
                .setMediationSuccessRate(figure(ratio(now.agreed, now.mediations), ratio(prev.agreed, prev.mediations)))
                .setRepeatCalls(figure(now.repeatCalls, prev.repeatCalls))
                .setRepeatCallRate(figure(ratio(now.repeatCalls, now.disputeCalls), ratio(prev.repeatCalls, prev.disputeCalls)))
                .setVisitsDue(figure(now.visitsDue, prev.visitsDue))
                .setVisitsOnTime(figure(now.visitsOnTime, prev.visitsOnTime))
                .setTasksDispatched(figure(now.loop.tasks(), prev.loop.tasks()))
                .setSignForMinutesP50(figure(now.loop.minutes(TaskStep.TASK_STEP_SIGN_FOR, 50),
                        prev.loop.minutes(TaskStep.TASK_STEP_SIGN_FOR, 50)))
                .setSignForMinutesP90(figure(now.loop.minutes(TaskStep.TASK_STEP_SIGN_FOR, 90),
                        prev.loop.minutes(TaskStep.TASK_STEP_SIGN_FOR, 90)))
                .setArriveMinutesP50(figure(now.loop.minutes(TaskStep.TASK_STEP_ARRIVE, 50),
                        prev.loop.minutes(TaskStep.TASK_STEP_ARRIVE, 50)))
                .setArriveMinutesP90(figure(now.loop.minutes(TaskStep.TASK_STEP_ARRIVE, 90),
                        prev.loop.minutes(TaskStep.TASK_STEP_ARRIVE, 90)))
                .setFeedbackMinutesP50(figure(now.loop.minutes(TaskStep.TASK_STEP_FEEDBACK, 50),
                        prev.loop.minutes(TaskStep.TASK_STEP_FEEDBACK, 50)))
                .setFeedbackMinutesP90(figure(now.loop.minutes(TaskStep.TASK_STEP_FEEDBACK, 90),
                        prev.loop.minutes(TaskStep.TASK_STEP_FEEDBACK, 90)))
                .setOverdueSteps(figure(now.loop.overdue(), prev.loop.overdue()))
                .setArrivedWithin1Min(figure(now.loop.arrivedWithin(1), prev.loop.arrivedWithin(1)))
                .setArrivedWithin3Min(figure(now.loop.arrivedWithin(3), prev.loop.arrivedWithin(3)))
                .setArrivedWithin5Min(figure(now.loop.arrivedWithin(5), prev.loop.arrivedWithin(5)))
                .setPreventableCases(figure(now.preventable.total(), prev.preventable.total()))
                .addAllPreventableByCategory(byCategory(now.preventable, prev.preventable))
                .setAlarmsRaised(figure(alarms(s, from, to, zoneId, unitId).raised(),
                        alarms(s, before, from, zoneId, unitId).raised()))
                .setAlarmAckSecondsP50(figure(alarms(s, from, to, zoneId, unitId).ackSeconds(50),
                        alarms(s, before, from, zoneId, unitId).ackSeconds(50)))
                .setAlarmAckSecondsP90(figure(alarms(s, from, to, zoneId, unitId).ackSeconds(90),
                        alarms(s, before, from, zoneId, unitId).ackSeconds(90)))
                .setAlarmsEscalated(figure(alarms(s, from, to, zoneId, unitId).escalated(),
                        alarms(s, before, from, zoneId, unitId).escalated()))
                .setAsOfSequence(s.appliedSequence()).build();
    }

    /** The alarm queue's figures of a period: the whole station's only (alarms carry no zone). */
    private record AlarmFigures(List<commandroom.server.loop.AlarmBook.Fact> facts) {
        long raised() {
            return facts.size();
        }

        long escalated() {
            return facts.stream().filter(commandroom.server.loop.AlarmBook.Fact::escalated).count();
        }

        double ackSeconds(int percentile) {
            long[] ms = facts.stream().mapToLong(commandroom.server.loop.AlarmBook.Fact::ackMillis).filter(m -> m >= 0)
                    .sorted().toArray();
            if (ms.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * ms.length) - 1;
            return ms[Math.max(0, Math.min(ms.length - 1, rank))] / 1000.0;
        }
    }

    private static AlarmFigures alarms(HubState s, Instant from, Instant to, String zoneId, String unitId) {
        return new AlarmFigures(zoneId.isEmpty() && unitId.isEmpty() ? s.alarms().facts(from, to) : List.of());
    }

    static Instant periodBefore(Instant from, Instant to) {
        ZonedDateTime f = from.atZone(IncidentRules.STATION_TIME);
        ZonedDateTime t = to.atZone(IncidentRules.STATION_TIME);
        boolean midnights = f.toLocalTime().equals(LocalTime.MIDNIGHT) && t.toLocalTime().equals(LocalTime.MIDNIGHT);
        long months = ChronoUnit.MONTHS.between(f, t);
        if (midnights && months > 0 && f.plusMonths(months).equals(t)) {
            return f.minusMonths(months).toInstant();
        }
        return from.minus(Duration.between(from, to));
    }

    private static final class Counts {
        long registered;
        long resolved;
        long mediations;
        long agreed;
        long disputeCalls;
        long repeatCalls;
        long visitsDue;
        long visitsOnTime;
        final LoopTimes loop = new LoopTimes();
        final PreventableCases preventable = new PreventableCases();
    }

    private static Counts count(HubState s, Instant from, Instant to, String zoneId, String unitId) {
        Counts c = new Counts();
        for (DisputeCase d : s.cases().all()) {
            if (!zoneId.isEmpty() && !zoneId.equals(d.getZoneId())) {
                continue;
            }
            if (in(d.getOpenedAt(), from, to)) {
                c.registered++;
                if (d.hasFirstSettledAt() && instant(d.getFirstSettledAt()).isBefore(to)) {
                    c.resolved++;
                }
            }
            for (MediationSession m : d.getSessionsList()) {
                if (in(m.getRecordedAt(), from, to)) {
                    c.mediations++;
                    if (m.getOutcome() == MediationOutcome.MEDIATION_OUTCOME_AGREED) {
                        c.agreed++;
                    }
                }
            }
            for (FollowUpVisit v : d.getVisitsList()) {
                if (in(v.getDue(), from, to)) {
                    c.visitsDue++;
                    if (v.hasDoneAt() && !instant(v.getDoneAt()).isAfter(instant(v.getDue()).plus(VISIT_GRACE))) {
                        c.visitsOnTime++;
                    }
                }
            }
        }
        for (Task t : s.tasks()) {
            if (in(t.getDispatchedAt(), from, to) && (zoneId.isEmpty() || zoneId.equals(t.getZoneId()))
                    && (unitId.isEmpty() || t.getAssigneeUnitIdsList().contains(unitId))) {
                c.loop.add(t);
            }
        }
        for (Incident i : s.incidents()) {
            if (!in(i.getReportedAt(), from, to) || !(zoneId.isEmpty() || zoneId.equals(i.getZoneId()))) {
                continue;
            }
            c.preventable.add(i);
            if (i.getType() == IncidentType.INCIDENT_TYPE_DISPUTE) {
                c.disputeCalls++;
                if (i.getRepeatCall()) {
                    c.repeatCalls++;
                }
            }
        }
        return c;
    }

    /** Every preventable category, zeros included, so that a table has the same lines every period. */
    private static List<OffenceFigure> byCategory(PreventableCases now, PreventableCases prev) {
        return PreventableCases.CATEGORIES.stream().map(k -> OffenceFigure.newBuilder().setCategory(k)
                .setFigure(figure(now.of(k), prev.of(k))).build()).toList();
    }

    private static Figure figure(double value, double previous) {
        return Figure.newBuilder().setValue(value).setPrevious(previous)
                .setChange(previous == 0 ? 0 : (value - previous) / previous).build();
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static boolean in(Timestamp t, Instant from, Instant to) {
        Instant i = instant(t);
        return !i.isBefore(from) && i.isBefore(to);
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
