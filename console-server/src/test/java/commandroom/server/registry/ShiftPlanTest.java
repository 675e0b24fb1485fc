package commandroom.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.CancelTaskRequest;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.ImportPreview;
import commandroom.v1.ImportProblem;
import commandroom.v1.ImportProblemCode;
import commandroom.v1.IncidentType;
import commandroom.v1.PlannedShift;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.SetUnitDutyRequest;
import commandroom.v1.ShiftPlanRequest;
import commandroom.v1.TaskKind;
import commandroom.v1.UnitDuty;
import commandroom.v1.UnitStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shift plan (排班表): the leader's file previewed with every problem by row (a unit the
 * registry does not have, a shift ending before it begins, two shifts of one unit at once, one
 * already over) and refused while one remains; applied once (the same file again writes nothing);
 * then the hub's clock puts each unit on duty when its shift begins and off when it ends; a unit
 * the leader sends home during its shift is not called back; a unit on an open task at the end of
 * its shift stays on duty until the task is over. A duty officer may not import a plan.
 */
class ShiftPlanTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theLeadersPlanPutsUnitsOnAndOffDutyAtTheirShifts() throws Exception {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock).withClockPeriod(Duration.ofMillis(50))
                .withTokens(Duration.ofDays(3), Duration.ofDays(3)));
             HubClient leader = hub.login("leader1"); HubClient duty = hub.login("duty1")) {
            Instant day = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2));
            PlannedShift aux = shift("u-cd-aux1", day, day.plus(Duration.ofHours(10)));
            PlannedShift car = shift("u-car1", day, day.plus(Duration.ofHours(12)));
            PlannedShift co = shift("u-cd-co1", day, day.plus(Duration.ofHours(8)));

            ShiftPlanRequest bad = plan("a".repeat(64), aux, car, co, shift("u-nobody", day, day.plus(Duration.ofHours(8))),
                    shift("u-cx-co1", day, day.minus(Duration.ofHours(1))),
                    shift("u-car1", day.plus(Duration.ofHours(6)), day.plus(Duration.ofHours(14))),
                    shift("u-cx-co1", day.minus(Duration.ofDays(2)), day.minus(Duration.ofDays(2)).plus(Duration.ofHours(8))));
            ImportPreview preview = leader.registry().previewShiftPlan(bad);
            assertEquals(List.of(ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_UNIT,
                    ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_SHIFT_TIMES, ImportProblemCode.IMPORT_PROBLEM_CODE_SHIFTS_OVERLAP,
                    ImportProblemCode.IMPORT_PROBLEM_CODE_SHIFT_IN_THE_PAST),
                    preview.getProblemsList().stream().map(ImportProblem::getCode).toList());
            assertEquals(List.of(3, 4, 5, 6), preview.getProblemsList().stream().map(ImportProblem::getIndex).toList(),
                    "each problem names its row");
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> leader.registry().applyShiftPlan(bad));
            assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
            assertTrue(snapshotShifts(duty).isEmpty(), "nothing was written");
            assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class,
                    () -> duty.registry().previewShiftPlan(plan("b".repeat(64), aux))).getStatus().getCode());

            ShiftPlanRequest good = plan("c".repeat(64), aux, car, co);
            ImportPreview seen = leader.registry().previewShiftPlan(good);
            assertEquals(3, seen.getAddedCount());
            assertEquals(0, seen.getProblemsCount());
            assertTrue(leader.registry().applyShiftPlan(good).getSequence() > 0);
            ImportPreview again = leader.registry().applyShiftPlan(good);
            assertEquals(0, again.getSequence(), "the same file twice writes nothing");
            assertEquals(3, snapshotShifts(duty).size(), "every console has the plan");

            // Before the shifts: the leader has them off duty. When they begin, the plan puts them on.
            for (String u : List.of("u-cd-aux1", "u-car1", "u-cd-co1")) {
                setDuty(leader, u, UnitDuty.UNIT_DUTY_OFF_DUTY);
            }
            clock.advance(Duration.between(clock.instant(), day.plus(Duration.ofMinutes(1))));
            awaitStatus(duty, "u-cd-aux1", UnitStatus.UNIT_STATUS_AVAILABLE);
            awaitStatus(duty, "u-car1", UnitStatus.UNIT_STATUS_AVAILABLE);
            awaitStatus(duty, "u-cd-co1", UnitStatus.UNIT_STATUS_AVAILABLE);

            // The auxiliary officer is sent home (ill): the plan does not call him back.
            setDuty(leader, "u-cd-aux1", UnitDuty.UNIT_DUTY_OFF_DUTY);
            clock.advance(Duration.ofMinutes(5));
            Thread.sleep(300);
            assertEquals(UnitStatus.UNIT_STATUS_OFF_DUTY, status(duty, "u-cd-aux1"), "the leader's word stands");

            // The car has a task when its shift ends: it stays on duty until the task is over.
            String incident = leader.command().reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_HIGH)
                    .setPosition(TestCounty.pos(30.545, 119.955)).setAddress("城西路 3 号").setSummary("求助")
                    .setIdempotencyKey("i-1").build()).getIncident().getId();
            String task = leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident)
                    .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds("u-car1").setInstruction("到场处置")
                    .setIdempotencyKey("t-1").build()).getTask().getId();
            clock.advance(Duration.between(clock.instant(), day.plus(Duration.ofHours(12)).plus(Duration.ofMinutes(1))));
            awaitStatus(duty, "u-cd-co1", UnitStatus.UNIT_STATUS_OFF_DUTY);
            Thread.sleep(300);
            assertEquals(UnitStatus.UNIT_STATUS_ON_TASK, status(duty, "u-car1"), "its task first");
            leader.command().cancelTask(CancelTaskRequest.newBuilder().setTaskId(task).setReason("报警人已离开")
                    .setIdempotencyKey("c-1").build());
            awaitStatus(duty, "u-car1", UnitStatus.UNIT_STATUS_OFF_DUTY);
            assertFalse(snapshotShifts(duty).stream().anyMatch(p -> p.getEnd().getSeconds() <= clock.instant().getEpochSecond()),
                    "the snapshot carries the shifts still to come or under way");
        }
    }

    private static PlannedShift shift(String unit, Instant start, Instant end) {
        return PlannedShift.newBuilder().setUnitId(unit).setStart(Timestamp.newBuilder().setSeconds(start.getEpochSecond()))
                .setEnd(Timestamp.newBuilder().setSeconds(end.getEpochSecond())).build();
    }

    private static ShiftPlanRequest plan(String sha, PlannedShift... shifts) {
        return ShiftPlanRequest.newBuilder().setSha256(sha).setSource("排班表.xlsx").addAllShifts(List.of(shifts)).build();
    }

    private static void setDuty(HubClient c, String unit, UnitDuty d) {
        c.registry().setUnitDuty(SetUnitDutyRequest.newBuilder().setUnitId(unit).setDuty(d).setReason("").build());
    }

    private static List<PlannedShift> snapshotShifts(HubClient c) {
        return c.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getPlannedShiftsList();
    }

    private static UnitStatus status(HubClient c, String unit) {
        return c.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getUnitsList().stream()
                .filter(u -> u.getId().equals(unit)).findFirst().orElseThrow().getStatus();
    }

    private static void awaitStatus(HubClient c, String unit, UnitStatus wanted) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        UnitStatus now = status(c, unit);
        while (now != wanted && System.nanoTime() < end) {
            Thread.sleep(50);
            now = status(c, unit);
        }
        assertEquals(wanted, now, unit);
    }
}
