package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.server.loop.SlaPolicy;
import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.ListTasksRequest;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStep;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A step whose clock runs out raises TaskOverdue once, and every console hears of it. */
class OverdueTest {

    @Test
    void lateSignForRaisesOverdueOnceToEveryConsole() throws Exception {
        // Arrival is due two seconds after sign-for: its alert can only come after the watcher has
        // looked at the late sign-for again on later ticks, which is what "raised once" needs.
        SlaPolicy quick = SlaPolicy.defaults().with(TaskStep.TASK_STEP_SIGN_FOR, null, null, Duration.ofSeconds(1))
                .with(TaskStep.TASK_STEP_ARRIVE, null, Priority.PRIORITY_URGENT, Duration.ofSeconds(3));
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withSla(quick));
             HubClient leader = hub.login("leader1");
             HubClient duty = hub.login("duty1")) {
            long from = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getAsOfSequence() + 1;
            EventCollector console = new EventCollector();
            duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), console);
            String incident = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_URGENT)
                    .setPosition(TestCounty.pos(30.545, 119.965)).setAddress("城东路").setSummary("求助").build())
                    .getIncident().getId();
            String task = leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident)
                    .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds("u-cd-co1").setInstruction("到场").build())
                    .getTask().getId();

            Event overdue = console.await(Event::hasTaskOverdue, Duration.ofSeconds(10));
            assertEquals(task, overdue.getTaskOverdue().getTaskId());
            assertEquals(TaskStep.TASK_STEP_SIGN_FOR, overdue.getTaskOverdue().getStep());
            assertEquals("system", overdue.getActor().getUserId());
            console.await(e -> e.hasTaskOverdue() && e.getTaskOverdue().getStep() == TaskStep.TASK_STEP_ARRIVE,
                    Duration.ofSeconds(10));
            assertEquals(1, console.events().stream().filter(e -> e.hasTaskOverdue()
                    && e.getTaskOverdue().getStep() == TaskStep.TASK_STEP_SIGN_FOR).count(), "raised once");
            assertEquals(1, leader.command().listTasks(ListTasksRequest.newBuilder().setOverdueOnly(true).build())
                    .getTasksCount(), "the board's overdue filter finds it");
        }
    }
}
