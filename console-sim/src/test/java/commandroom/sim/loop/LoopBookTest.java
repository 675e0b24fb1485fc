package commandroom.sim.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import commandroom.v1.Event;
import commandroom.v1.FeedbackSubmitted;
import commandroom.v1.Incident;
import commandroom.v1.IncidentReported;
import commandroom.v1.IncidentType;
import commandroom.v1.Progress;
import commandroom.v1.Snapshot;
import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskCancelled;
import commandroom.v1.TaskClosed;
import commandroom.v1.TaskDispatched;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskProgressed;
import commandroom.v1.TaskReturned;
import commandroom.v1.TaskStatus;
import commandroom.v1.TaskStep;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoopBookTest {
    private static final long T0 = 1_800_000_000L;
    private long sequence;

    private Event at(long second, Event.Builder event) {
        return event.setSequence(++sequence).setTime(Timestamp.newBuilder().setSeconds(T0 + second)).build();
    }

    @Test
    void aClosedTaskYieldsTheTimeOfEveryStepAndItsReturns() {
        LoopBook book = new LoopBook();
        Task task = Task.newBuilder().setId("T-1").setIncidentId("I-1").setKind(TaskKind.TASK_KIND_MEDIATE)
                .addAssigneeUnitIds("u-cd-co1").build();
        book.apply(at(0, Event.newBuilder().setIncidentReported(IncidentReported.newBuilder()
                .setIncident(Incident.newBuilder().setId("I-1").setType(IncidentType.INCIDENT_TYPE_DISPUTE)))));
        book.apply(at(5, Event.newBuilder().setTaskDispatched(TaskDispatched.newBuilder().setTask(task))));
        book.apply(at(17, progressed(Progress.PROGRESS_SIGNED_FOR)));
        book.apply(at(200, progressed(Progress.PROGRESS_ARRIVED)));
        book.apply(at(800, Event.newBuilder().setFeedbackSubmitted(FeedbackSubmitted.newBuilder().setTaskId("T-1"))));
        book.apply(at(810, Event.newBuilder().setTaskReturned(TaskReturned.newBuilder().setTaskId("T-1"))));
        book.apply(at(1000, Event.newBuilder().setFeedbackSubmitted(FeedbackSubmitted.newBuilder().setTaskId("T-1"))));
        Optional<ClosedLoop> closed = book.apply(at(1008, Event.newBuilder()
                .setTaskClosed(TaskClosed.newBuilder().setTaskId("T-1"))));

        ClosedLoop loop = closed.orElseThrow();
        assertEquals("I-1", loop.incidentId());
        assertEquals(IncidentType.INCIDENT_TYPE_DISPUTE, loop.incidentType());
        assertEquals(List.of("u-cd-co1"), loop.unitIds());
        assertEquals(Duration.ofSeconds(12), loop.toSignFor().orElseThrow());
        assertEquals(Duration.ofSeconds(183), loop.toArrive().orElseThrow());
        assertEquals(Duration.ofSeconds(600), loop.toFeedback().orElseThrow());
        assertEquals(Duration.ofSeconds(8), loop.toClose().orElseThrow());
        assertEquals(Duration.ofSeconds(1003), loop.total().orElseThrow());
        assertEquals(1, loop.returnedCount());
        assertEquals(0, book.openTasks());
    }

    @Test
    void aCancelledTaskNeverClosesALoop() {
        LoopBook book = new LoopBook();
        book.apply(at(0, Event.newBuilder().setTaskDispatched(TaskDispatched.newBuilder()
                .setTask(Task.newBuilder().setId("T-1").setIncidentId("I-1")))));
        book.apply(at(5, Event.newBuilder().setTaskCancelled(TaskCancelled.newBuilder().setTaskId("T-1"))));
        assertTrue(book.apply(at(9, Event.newBuilder().setTaskClosed(TaskClosed.newBuilder().setTaskId("T-1"))))
                .isEmpty());
    }

    @Test
    void aTaskKnownOnlyFromTheSnapshotTakesItsEarlierStepsFromTheClocks() {
        LoopBook book = new LoopBook();
        book.apply(Snapshot.newBuilder()
                .addIncidents(Incident.newBuilder().setId("I-2").setType(IncidentType.INCIDENT_TYPE_CALL_110))
                .addTasks(Task.newBuilder().setId("T-2").setIncidentId("I-2").setStatus(TaskStatus.TASK_STATUS_ARRIVED)
                        .setKind(TaskKind.TASK_KIND_RESPOND).addAssigneeUnitIds("u-car1")
                        .setDispatchedAt(Timestamp.newBuilder().setSeconds(T0))
                        .addDeadlines(StepDeadline.newBuilder().setStep(TaskStep.TASK_STEP_SIGN_FOR)
                                .setDoneAt(Timestamp.newBuilder().setSeconds(T0 + 10)))
                        .addDeadlines(StepDeadline.newBuilder().setStep(TaskStep.TASK_STEP_ARRIVE)
                                .setDoneAt(Timestamp.newBuilder().setSeconds(T0 + 70))))
                .build());
        book.apply(at(300, Event.newBuilder().setFeedbackSubmitted(FeedbackSubmitted.newBuilder().setTaskId("T-2"))));
        ClosedLoop loop = book.apply(at(330, Event.newBuilder().setTaskClosed(TaskClosed.newBuilder().setTaskId("T-2"))))
                .orElseThrow();
        assertEquals(IncidentType.INCIDENT_TYPE_CALL_110, loop.incidentType());
        assertEquals(Duration.ofSeconds(10), loop.toSignFor().orElseThrow());
        assertEquals(Duration.ofSeconds(60), loop.toArrive().orElseThrow());
        assertEquals(Duration.ofSeconds(230), loop.toFeedback().orElseThrow());
        assertEquals(Duration.ofSeconds(330), loop.total().orElseThrow());
    }

    @Test
    void thePrinterWritesOneReadableLinePerLoop() {
        ClosedLoop loop = new ClosedLoop("I-7", IncidentType.INCIDENT_TYPE_CALL_110, "T-7", TaskKind.TASK_KIND_RESPOND,
                List.of("u-car2"), java.time.Instant.ofEpochSecond(T0), java.time.Instant.ofEpochSecond(T0 + 12),
                java.time.Instant.ofEpochSecond(T0 + 197), null, java.time.Instant.ofEpochSecond(T0 + 4000),
                java.time.Instant.ofEpochSecond(T0 + 4008), 0);
        String line = LoopPrinter.format(loop);
        assertEquals("loop closed: I-7 CALL_110 task T-7 RESPOND units u-car2 | dispatched→signed 12s, "
                + "signed→arrived 3m05s, arrived→feedback ?, feedback→closed 8s | returned 0x | total 1h06m48s", line);
    }

    private static Event.Builder progressed(Progress progress) {
        return Event.newBuilder().setTaskProgressed(TaskProgressed.newBuilder().setTaskId("T-1").setProgress(progress));
    }
}
