package commandroom.server.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestHub;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Figures;
import commandroom.v1.GetFiguresRequest;
import commandroom.v1.Incident;
import commandroom.v1.Progress;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The loop's figures: minutes to each step (median, 90th percentile) and the 1-3-5 minute circles,
 * for the station, a zone, or one unit's tasks.
 */
class LoopFiguresTest {

    @Test
    void stepTimesAndArrivalCirclesAreCountedFromTheTasksOfThePeriod() {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock));
             HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1");
             HubClient chief = hub.login("chief1"); HubClient officer = hub.login("u-cd-co1")) {
            Instant start = clock.instant();
            // Arrivals after 0.5, 2 and 4 minutes; signed for after half a minute each.
            for (double arriveAfter : new double[] {0.5, 2, 4}) {
                Incident call = Disputes.report(duty, "城东路 " + arriveAfter + " 号", "");
                Task t = leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(call.getId())
                        .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds("u-cd-co1").setInstruction("到场")
                        .setIdempotencyKey(Disputes.key()).build()).getTask();
                progress(officer, t, Progress.PROGRESS_DELIVERED);
                clock.advance(Duration.ofSeconds(30));
                progress(officer, t, Progress.PROGRESS_SIGNED_FOR);
                clock.advance(Duration.ofMillis((long) ((arriveAfter - 0.5) * 60_000)));
                progress(officer, t, Progress.PROGRESS_ARRIVED);
            }
            Figures f = chief.cases().getFigures(GetFiguresRequest.newBuilder()
                    .setFrom(ts(start.minusSeconds(60))).setTo(ts(clock.instant().plusSeconds(60))).build());
            assertEquals(3, f.getTasksDispatched().getValue());
            assertEquals(0.5, f.getSignForMinutesP50().getValue(), 0.05);
            assertEquals(2, f.getArriveMinutesP50().getValue(), 0.05);
            assertEquals(4, f.getArriveMinutesP90().getValue(), 0.05);
            assertEquals(1 / 3.0, f.getArrivedWithin1Min().getValue(), 1e-9);
            assertEquals(2 / 3.0, f.getArrivedWithin3Min().getValue(), 1e-9);
            assertEquals(1.0, f.getArrivedWithin5Min().getValue(), 1e-9);
            assertEquals(0, f.getOverdueSteps().getValue());
        }
    }

    @Test
    void oneUnitsFiguresCountOnlyTheTasksItHeld() {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock));
             HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1");
             HubClient chief = hub.login("chief1"); HubClient officer = hub.login("u-cd-co1");
             HubClient auxiliary = hub.login("u-cd-aux1")) {
            Instant start = clock.instant();
            // The community officer signs for two tasks after half a minute, the auxiliary officer one after three.
            for (String unit : new String[] {"u-cd-co1", "u-cd-co1", "u-cd-aux1"}) {
                HubClient terminal = unit.equals("u-cd-co1") ? officer : auxiliary;
                Incident call = Disputes.report(duty, "城东路 " + Disputes.key() + " 号", "");
                Task t = leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(call.getId())
                        .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds(unit).setInstruction("到场")
                        .setIdempotencyKey(Disputes.key()).build()).getTask();
                progress(terminal, t, Progress.PROGRESS_DELIVERED);
                clock.advance(Duration.ofSeconds(unit.equals("u-cd-co1") ? 30 : 180));
                progress(terminal, t, Progress.PROGRESS_SIGNED_FOR);
            }
            GetFiguresRequest period = GetFiguresRequest.newBuilder().setFrom(ts(start.minusSeconds(60)))
                    .setTo(ts(clock.instant().plusSeconds(60))).build();
            Figures zone = chief.cases().getFigures(period.toBuilder().setZoneId("z-cd").build());
            Figures co = chief.cases().getFigures(period.toBuilder().setUnitId("u-cd-co1").build());
            Figures aux = chief.cases().getFigures(period.toBuilder().setZoneId("z-cd").setUnitId("u-cd-aux1").build());
            assertEquals(3, zone.getTasksDispatched().getValue());
            assertEquals(2, co.getTasksDispatched().getValue());
            assertEquals(0.5, co.getSignForMinutesP90().getValue(), 0.05);
            assertEquals(1, aux.getTasksDispatched().getValue());
            assertEquals(3, aux.getSignForMinutesP50().getValue(), 0.05);
            assertEquals(zone.getPreventableCases(), aux.getPreventableCases(), "the case figures are the unit's zone's");

            StatusRuntimeException elsewhere = assertThrows(StatusRuntimeException.class, () -> chief.cases()
                    .getFigures(period.toBuilder().setZoneId("z-cx").setUnitId("u-cd-aux1").build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, elsewhere.getStatus().getCode());
            assertTrue(elsewhere.getStatus().getDescription().contains("unit_id"), elsewhere.getStatus().getDescription());
            assertEquals(Status.Code.NOT_FOUND, assertThrows(StatusRuntimeException.class, () -> chief.cases()
                    .getFigures(period.toBuilder().setUnitId("u-nobody").build())).getStatus().getCode());
        }
    }

    private static void progress(HubClient officer, Task t, Progress p) {
        officer.field().reportProgress(ReportProgressRequest.newBuilder().setTaskId(t.getId()).setProgress(p)
                .setIdempotencyKey(Disputes.key()).build());
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }
}
