package commandroom.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import commandroom.app.model.TaskStage;
import commandroom.v1.Event;
import commandroom.v1.Incident;
import commandroom.v1.IncidentReported;
import commandroom.v1.IncidentStatus;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.Progress;
import commandroom.v1.Snapshot;
import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskDispatched;
import commandroom.v1.TaskOverdue;
import commandroom.v1.TaskProgressed;
import commandroom.v1.TaskStatus;
import commandroom.v1.TaskStep;
import commandroom.v1.Unit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's projection follows the hub's rules: stages, versions, clocks, no event twice. */
class EventApplierTest {

    private final ConsoleState state = new ConsoleState();
    private final EventApplier applier = new EventApplier(state);

    @Test
    void eventsMoveTheTaskAndItsVersionAsTheHubDoes() {
        applier.applySnapshot(Snapshot.newBuilder().setAsOfSequence(1)
                .addUnits(Unit.newBuilder().setId("u1").setName("李明")).build());
        List<ConsoleState.Alert> alerts = new ArrayList<>();
        state.onAlert(alerts::add);
        applier.apply(List.of(
                ev(2, Event.newBuilder().setIncidentReported(IncidentReported.newBuilder().setIncident(Incident.newBuilder()
                        .setId("I-1").setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_HIGH)
                        .setStatus(IncidentStatus.INCIDENT_STATUS_OPEN).setVersion(1)))),
                ev(3, Event.newBuilder().setTaskDispatched(TaskDispatched.newBuilder().setTask(Task.newBuilder()
                        .setId("T-1").setIncidentId("I-1").addAssigneeUnitIds("u1").setVersion(1)
                        .setStatus(TaskStatus.TASK_STATUS_DISPATCHED)
                        .addDeadlines(StepDeadline.newBuilder().setStep(TaskStep.TASK_STEP_SIGN_FOR)
                                .setDue(Timestamp.newBuilder().setSeconds(100)))))),
                ev(4, Event.newBuilder().setTaskOverdue(TaskOverdue.newBuilder().setTaskId("T-1")
                        .setStep(TaskStep.TASK_STEP_SIGN_FOR))),
                ev(5, Event.newBuilder().setTaskProgressed(TaskProgressed.newBuilder().setTaskId("T-1")
                        .setProgress(Progress.PROGRESS_SIGNED_FOR)))));
        var t = state.tasks().get("T-1");
        assertEquals(TaskStage.SIGNED_FOR, t.stage());
        assertEquals(3, t.version(), "dispatched 1, overdue 2, signed for 3 — as the hub counts");
        assertEquals("DISPUTE", t.incidentType());
        assertTrue(t.clocks().get(0).overdue() && t.clocks().get(0).isDone(), "late, then done");
        assertEquals("IN_HAND", state.incidents().get("I-1").status(), "a dispatched incident leaves the new column");
        assertEquals("ON_TASK", state.units().get("u1").status());
        assertEquals(List.of(ConsoleState.Alert.Kind.NEW_INCIDENT, ConsoleState.Alert.Kind.OVERDUE),
                alerts.stream().map(ConsoleState.Alert::kind).toList());

        applier.apply(List.of(ev(5, Event.newBuilder().setTaskProgressed(TaskProgressed.newBuilder().setTaskId("T-1")
                .setProgress(Progress.PROGRESS_ARRIVED)))));
        assertEquals(TaskStage.SIGNED_FOR, state.tasks().get("T-1").stage(), "an event already applied is ignored");
        assertEquals(5, state.lastSequenceProperty().get());
    }

    private static Event ev(long seq, Event.Builder b) {
        return b.setSequence(seq).setTime(Timestamp.newBuilder().setSeconds(50 + seq)).build();
    }
}
