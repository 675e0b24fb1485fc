package commandroom.server.loop;

import commandroom.v1.Event;
import commandroom.v1.ImportPreview;
import commandroom.v1.ImportProblem;
import commandroom.v1.ImportProblemCode;
import commandroom.v1.PlannedShift;
import commandroom.v1.ShiftPlanRequest;
import commandroom.v1.ShiftsPlanned;
import commandroom.v1.UnitDuty;
import commandroom.v1.UnitDutyChanged;
import io.grpc.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shift plan (排班表): an imported file previewed and applied as every import is (problems by
 * row, nothing written while one remains, one batch keyed by the file's SHA-256), and the hub's
 * clock acting on it: a unit goes on duty when its planned shift begins and off duty when it ends,
 * unless it is then on an open task (it finishes first) or out of service (a broken car stays
 * broken). A leader's change in between stands: a shift begun once is not begun again. Each such
 * change is a UnitDutyChanged that names the planned shift, by the system.
 */
public final class ShiftPlanRules {

    /** The reason a change made by the plan carries. */
    public static final String BEGIN_REASON = "shift-plan";
    public static final String END_REASON = "shift-plan-end";

    private static final long LONGEST_SECONDS = 24 * 3600L;

    private ShiftPlanRules() {}

    /** What the plan would change now; nothing is written. */
    public static ImportPreview preview(HubState s, ShiftPlanRequest r, Instant now) {
        return plan(s, r, now).preview();
    }

    /** Writes the plan's changes as one ShiftsPlanned; refused (FAILED_PRECONDITION) while it has a problem. */
    public static Hub.BatchDecision apply(ShiftPlanRequest r) {
        return (s, now) -> {
            Plan p = plan(s, r, now);
            if (p.preview().getProblemsCount() > 0) {
                ImportProblem first = p.preview().getProblems(0);
                throw new HubException(Status.Code.FAILED_PRECONDITION, "",
                        p.preview().getProblemsCount() + " problem(s) in the shift plan, the first: shift " + first.getIndex()
                                + " (" + first.getId() + ") " + first.getReason() + "; nothing was written");
            }
            return new Hub.Batch(p.event() == null ? List.of() : List.of(p.event()), p.preview());
        };
    }

    private record Plan(ImportPreview preview, Event.Builder event) {}

    private static Plan plan(HubState s, ShiftPlanRequest r, Instant now) {
        ImportPreview.Builder out = ImportPreview.newBuilder().setAlreadyApplied(s.importApplied(r.getSha256()));
        ShiftsPlanned.Builder planned = ShiftsPlanned.newBuilder().setSource(r.getSource()).setSha256(r.getSha256());
        Map<String, Integer> inFile = new HashMap<>();
        Map<String, List<PlannedShift>> fileByUnit = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int unchanged = 0;
        for (int i = 0; i < r.getShiftsCount(); i++) {
            PlannedShift p = r.getShifts(i);
            String id = ShiftPlan.key(p.getUnitId(), p.getStart().getSeconds());
            List<ImportProblem> problems = new ArrayList<>();
            long start = p.getStart().getSeconds();
            long end = p.getEnd().getSeconds();
            if (s.unit(p.getUnitId()).isEmpty()) {
                problems.add(RegistryChecks.problem(i, id, "unit_id", ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_UNIT,
                        "unit " + p.getUnitId() + " is not in the registry", p.getUnitId()));
            }
            if (end <= start || end - start > LONGEST_SECONDS) {
                problems.add(RegistryChecks.problem(i, id, "end", ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_SHIFT_TIMES,
                        "a shift must end after it begins and last at most 24 hours",
                        Instant.ofEpochSecond(start).toString(), Instant.ofEpochSecond(end).toString()));
            } else if (end <= now.getEpochSecond()) {
                problems.add(RegistryChecks.problem(i, id, "end", ImportProblemCode.IMPORT_PROBLEM_CODE_SHIFT_IN_THE_PAST,
                        "the shift has already ended", Instant.ofEpochSecond(end).toString()));
            }
            Integer twice = inFile.putIfAbsent(id, i);
            if (twice != null) {
                problems.add(RegistryChecks.problem(i, id, "start", ImportProblemCode.IMPORT_PROBLEM_CODE_DUPLICATE,
                        "the same shift twice in the file", "start", Instant.ofEpochSecond(start).toString(),
                        Integer.toString(twice)));
            } else {
                for (PlannedShift other : fileByUnit.getOrDefault(p.getUnitId(), List.of())) {
                    if (other.getStart().getSeconds() < end && other.getEnd().getSeconds() > start) {
                        problems.add(RegistryChecks.problem(i, id, "start",
                                ImportProblemCode.IMPORT_PROBLEM_CODE_SHIFTS_OVERLAP,
                                "overlaps the unit's shift from " + Instant.ofEpochSecond(other.getStart().getSeconds()),
                                p.getUnitId(), Instant.ofEpochSecond(other.getStart().getSeconds()).toString()));
                        break;
                    }
                }
                fileByUnit.computeIfAbsent(p.getUnitId(), u -> new ArrayList<>()).add(p);
            }
            out.addAllProblems(problems);
            if (!problems.isEmpty()) {
                continue;
            }
            first = Math.min(first, start);
            last = Math.max(last, start);
            var known = s.shiftPlan.get(p.getUnitId(), start);
            if (known.isEmpty()) {
                out.addAdded(id);
                planned.addPlanned(p);
            } else if (!known.get().equals(p)) {
                out.addChanged(id);
                planned.addPlanned(p);
            } else {
                unchanged++;
            }
        }
        // A shift of the plan that overlaps one of the file (and is not replaced by it) is a clash too.
        for (int i = 0; i < r.getShiftsCount(); i++) {
            PlannedShift p = r.getShifts(i);
            for (PlannedShift other : s.shiftPlan.overlapping(p.getUnitId(), p.getStart().getSeconds(),
                    p.getEnd().getSeconds())) {
                boolean replaced = r.getReplaceDays() && other.getStart().getSeconds() > now.getEpochSecond()
                        && other.getStart().getSeconds() >= first
                        && other.getStart().getSeconds() <= last && !inFile.containsKey(ShiftPlan.key(other));
                if (!replaced && !inFile.containsKey(ShiftPlan.key(other))) {
                    out.addProblems(RegistryChecks.problem(i, ShiftPlan.key(p.getUnitId(), p.getStart().getSeconds()),
                            "start", ImportProblemCode.IMPORT_PROBLEM_CODE_SHIFTS_OVERLAP,
                            "overlaps the planned shift from " + Instant.ofEpochSecond(other.getStart().getSeconds()),
                            p.getUnitId(), Instant.ofEpochSecond(other.getStart().getSeconds()).toString()));
                    break;
                }
            }
        }
        if (r.getReplaceDays() && first <= last) {
            for (PlannedShift p : s.shiftPlan.all()) {
                long start = p.getStart().getSeconds();
                if (start >= first && start <= last && start > now.getEpochSecond() && !inFile.containsKey(ShiftPlan.key(p))) {
                    out.addRetired(ShiftPlan.key(p));
                    planned.addRemoved(p);
                }
            }
        }
        out.setUnchanged(unchanged).setAddedTotal(out.getAddedCount()).setChangedTotal(out.getChangedCount())
                .setRetiredTotal(out.getRetiredCount()).setProblemTotal(out.getProblemsCount());
        boolean any = planned.getPlannedCount() + planned.getRemovedCount() > 0;
        return new Plan(out.build(), any ? Event.newBuilder().setShiftsPlanned(planned) : null);
    }

    // --- The clock.

    /** One thing the plan asks of the clock now: begin or end a unit's planned shift. */
    public record Due(String unitId, long plannedStart, boolean begin) {}

    /** What the plan asks now (read under the hub's lock). */
    public static List<Due> due(HubState s, Instant now) {
        List<Due> out = new ArrayList<>();
        long t = now.getEpochSecond();
        for (PlannedShift p : s.shiftPlan.all()) {
            long start = p.getStart().getSeconds();
            long end = p.getEnd().getSeconds();
            if (start <= t && t < end && !s.shiftPlan.hasBegun(p)) {
                out.add(new Due(p.getUnitId(), start, true));
            } else if (end <= t && s.shiftPlan.hasBegun(p) && !s.shiftPlan.hasEnded(p)) {
                out.add(new Due(p.getUnitId(), start, false));
            }
        }
        return out;
    }

    /**
     * Begins or ends a planned shift, decided again in the writer: a unit out of service is left
     * so; a shift ends only once the unit has no open task and no other shift of its is under way
     * (a unit the leader sent home early gets the end recorded all the same). Nothing to do writes
     * nothing.
     */
    public static Hub.Decision act(Due d) {
        return (s, now) -> {
            var p = s.shiftPlan.get(d.unitId(), d.plannedStart());
            if (p.isEmpty() || s.unit(d.unitId()).isEmpty()) {
                return null;
            }
            UnitDuty duty = s.duty.getOrDefault(d.unitId(), UnitDuty.UNIT_DUTY_ON_DUTY);
            if (d.begin()) {
                if (s.shiftPlan.hasBegun(p.get()) || duty == UnitDuty.UNIT_DUTY_OUT_OF_SERVICE) {
                    return null;
                }
                // Written even for a unit already on duty (logged in early): the shift is then begun,
                // and a leader who sends the unit home is not overruled at the next tick.
                return change(d, UnitDuty.UNIT_DUTY_ON_DUTY, BEGIN_REASON);
            }
            if (s.shiftPlan.hasEnded(p.get()) || duty == UnitDuty.UNIT_DUTY_OUT_OF_SERVICE
                    || !s.openTasksByUnit.getOrDefault(d.unitId(), java.util.Set.of()).isEmpty()
                    || s.shiftPlan.under(d.unitId(), now, d.plannedStart()).isPresent()) {
                return null;
            }
            return change(d, UnitDuty.UNIT_DUTY_OFF_DUTY, END_REASON);
        };
    }

    private static Event.Builder change(Due d, UnitDuty duty, String reason) {
        return Event.newBuilder().setUnitDutyChanged(UnitDutyChanged.newBuilder().setUnitId(d.unitId()).setDuty(duty)
                .setReason(reason).setPlannedShiftStart(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(d.plannedStart())));
    }

    /** Applies a ShiftsPlanned to the plan, forgetting shifts long over. */
    static void project(HubState s, Event e) {
        ShiftsPlanned sp = e.getShiftsPlanned();
        sp.getRemovedList().forEach(s.shiftPlan::remove);
        sp.getPlannedList().forEach(s.shiftPlan::put);
        s.appliedImports.add(sp.getSha256());
        s.shiftPlan.dropEndedBefore(Projector.toInstant(e.getTime()).minusSeconds(ShiftPlan.KEPT_AFTER_END_SECONDS));
    }

    /** Notes a shift begun or ended by the plan (a UnitDutyChanged that names one). */
    static void projectDuty(HubState s, UnitDutyChanged d) {
        if (d.hasPlannedShiftStart()) {
            long start = d.getPlannedShiftStart().getSeconds();
            if (d.getDuty() == UnitDuty.UNIT_DUTY_ON_DUTY) {
                s.shiftPlan.begun(d.getUnitId(), start);
            } else {
                s.shiftPlan.ended(d.getUnitId(), start);
            }
        }
    }
}
