package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.CancelTaskRequest;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.InstructionsRequest;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fan-out wakes a unit's terminal stream only for events that concern the unit. It learns
 * which units are on each open task from the log, also from the part replayed at start-up: a task
 * dispatched before a restart and cancelled after it still reaches its unit at once, though nothing
 * else happens to that unit.
 */
class UnitStreamWakeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void taskDispatchedBeforeARestartStillWakesItsUnitAfterIt() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2)) {
            Task task;
            try (HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1")) {
                var incident = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                        .setType(IncidentType.INCIDENT_TYPE_PATROL_FINDING).setPriority(Priority.PRIORITY_NORMAL)
                        .setPosition(TestCounty.pos(30.545, 119.965)).setAddress("城东路 3 号").setSummary("路灯坏了")
                        .build()).getIncident();
                task = leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident.getId())
                        .setExpectedIncidentVersion(incident.getVersion()).setKind(TaskKind.TASK_KIND_VERIFY)
                        .addUnitIds("u-cd-co1").setInstruction("核查").setIdempotencyKey("before-restart").build())
                        .getTask();
            }
            hub.restart();
            try (HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1");
                 HubClient unit = hub.login("u-cd-co1"); HubClient other = hub.login("u-cx-co1")) {
                long from = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getAsOfSequence() + 1;
                EventCollector terminal = new EventCollector();
                EventCollector otherTerminal = new EventCollector();
                unit.fieldAsync().instructions(InstructionsRequest.newBuilder().setFromSequence(from).build(), terminal);
                other.fieldAsync().instructions(InstructionsRequest.newBuilder().setFromSequence(from).build(), otherTerminal);

                leader.command().cancelTask(CancelTaskRequest.newBuilder().setTaskId(task.getId())
                        .setExpectedVersion(task.getVersion()).setReason("重复警情").setIdempotencyKey("cancel").build());

                Event cancelled = terminal.await(Event::hasTaskCancelled, WAIT);
                assertEquals(task.getId(), cancelled.getTaskCancelled().getTaskId());
                assertTrue(otherTerminal.events().isEmpty(), "a unit not on the task hears nothing of it");
            }
        }
    }
}
