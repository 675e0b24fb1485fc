package commandroom.server.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.v1.Event;
import commandroom.v1.Task;
import commandroom.v1.TaskClosed;
import commandroom.v1.TaskDispatched;
import commandroom.v1.TaskOverdue;
import commandroom.v1.TaskProgressed;
import commandroom.v1.TaskReassigned;
import commandroom.v1.TaskReturned;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitAudienceTest {

    @Test
    void eachTaskEventWakesTheUnitsEverOnTheTaskUntilItCloses() {
        UnitAudience a = new UnitAudience();
        assertEquals(Set.of("u1", "u2"), Set.copyOf(a.follow(Event.newBuilder().setTaskDispatched(
                TaskDispatched.newBuilder().setTask(Task.newBuilder().setId("t1").addAssigneeUnitIds("u1")
                        .addAssigneeUnitIds("u2"))).build())));
        assertEquals(Set.of("u1", "u2"), Set.copyOf(a.follow(Event.newBuilder().setTaskProgressed(
                TaskProgressed.newBuilder().setTaskId("t1").setUnitId("u1")).build())));
        assertEquals(Set.of("u1", "u2", "u3"), Set.copyOf(a.follow(Event.newBuilder().setTaskReassigned(
                TaskReassigned.newBuilder().setTaskId("t1").addFromUnitIds("u2").addToUnitIds("u3")).build())));
        assertEquals(Set.of("u1", "u2", "u3"), Set.copyOf(a.follow(Event.newBuilder().setTaskReturned(
                TaskReturned.newBuilder().setTaskId("t1")).build())));
        assertEquals(List.of("u3"), List.copyOf(a.follow(Event.newBuilder().setTaskOverdue(
                TaskOverdue.newBuilder().setTaskId("t1").addUnitIds("u3")).build())));
        assertEquals(Set.of("u1", "u2", "u3"), Set.copyOf(a.follow(Event.newBuilder().setTaskClosed(
                TaskClosed.newBuilder().setTaskId("t1")).build())));
        assertEquals(0, a.openTasks(), "a closed task is forgotten");
        assertEquals(List.of(), List.copyOf(a.follow(Event.newBuilder().setTaskProgressed(
                TaskProgressed.newBuilder().setTaskId("unknown")).build())));
    }
}
