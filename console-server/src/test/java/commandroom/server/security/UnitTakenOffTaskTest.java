package commandroom.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.IncidentType;
import commandroom.v1.InstructionsRequest;
import commandroom.v1.Priority;
import commandroom.v1.Progress;
import commandroom.v1.ReassignTaskRequest;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A unit taken off a task learns that it was, and then nothing more of the task: the unit that
 * took it over signs for it and arrives, and only its own terminal hears of it. A terminal that
 * subscribes again later gets nothing of the task either.
 */
class UnitTakenOffTaskTest {

    @Test
    void aUnitTakenOffATaskReceivesNoMoreOfItsEvents() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2);
             HubClient duty = hub.login("duty1");
             HubClient leader = hub.login("leader1");
             HubClient first = hub.login("u-cd-co1");
             HubClient second = hub.login("u-cd-aux1")) {
            EventCollector firstStream = new EventCollector();
            EventCollector secondStream = new EventCollector();
            first.fieldAsync().instructions(InstructionsRequest.newBuilder().setFromSequence(1).build(), firstStream);
            second.fieldAsync().instructions(InstructionsRequest.newBuilder().setFromSequence(1).build(), secondStream);

            var incident = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_HIGH)
                    .setPosition(TestCounty.pos(30.5452, 119.9655)).setAddress("城东路 3 号").setSummary("纠纷").build())
                    .getIncident();
            Task task = leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident.getId())
                    .setExpectedIncidentVersion(incident.getVersion()).setKind(TaskKind.TASK_KIND_MEDIATE)
                    .addUnitIds("u-cd-co1").setInstruction("到场").build()).getTask();
            firstStream.await(Event::hasTaskDispatched, Duration.ofSeconds(10));
            leader.command().reassignTask(ReassignTaskRequest.newBuilder().setTaskId(task.getId())
                    .addUnitIds("u-cd-aux1").setReason("就近").build());
            firstStream.await(Event::hasTaskReassigned, Duration.ofSeconds(10));
            for (Progress p : new Progress[] {Progress.PROGRESS_DELIVERED, Progress.PROGRESS_SIGNED_FOR,
                    Progress.PROGRESS_ARRIVED}) {
                second.field().reportProgress(ReportProgressRequest.newBuilder().setTaskId(task.getId())
                        .setProgress(p).build());
            }
            secondStream.await(e -> e.hasTaskProgressed()
                    && e.getTaskProgressed().getProgress() == Progress.PROGRESS_ARRIVED, Duration.ofSeconds(10));
            // A new task for the first unit, after all that: once it arrives, everything before it has.
            long resumeAt = firstStream.events().get(firstStream.events().size() - 1).getSequence() + 1;
            Task marker = leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident.getId())
                    .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds("u-cd-co1").setInstruction("另一件事").build())
                    .getTask();
            firstStream.await(e -> e.hasTaskDispatched() && e.getTaskDispatched().getTask().getId().equals(marker.getId()),
                    Duration.ofSeconds(10));
            assertEquals(List.of(), firstStream.events().stream().filter(Event::hasTaskProgressed).toList(),
                    "the unit taken off hears nothing of the task after");

            EventCollector again = new EventCollector();
            first.fieldAsync().instructions(InstructionsRequest.newBuilder().setFromSequence(resumeAt).build(), again);
            again.await(e -> e.hasTaskDispatched() && e.getTaskDispatched().getTask().getId().equals(marker.getId()),
                    Duration.ofSeconds(10));
            assertTrue(again.events().stream().noneMatch(e -> e.hasTaskProgressed()),
                    "nor after subscribing again: " + again.events());
        }
    }
}
