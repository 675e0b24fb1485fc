package commandroom.app.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.EventApplier;
import commandroom.app.model.AlarmItem;
import commandroom.app.model.UserRole;
import commandroom.v1.Actor;
import commandroom.v1.Alarm;
import commandroom.v1.AlarmAcknowledged;
import commandroom.v1.AlarmEscalated;
import commandroom.v1.AlarmKind;
import commandroom.v1.AlarmRaised;
import commandroom.v1.Event;
import commandroom.v1.Priority;
import commandroom.v1.Snapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The alarm queue of a console, driven by the hub's events, without the toolkit. */
class AlarmQueueViewModelTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    private final ConsoleState state = new ConsoleState();
    private final EventApplier applier = new EventApplier(state);
    private final List<String> acknowledged = new ArrayList<>();
    private long sequence = 10;

    private AlarmQueueViewModel console(UserRole role) {
        return new AlarmQueueViewModel(state, role, Clock.fixed(T0.plusSeconds(90), ZoneOffset.UTC), id -> {
            acknowledged.add(id);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void dutyOfficersSeeEveryAlarmMostUrgentAndOldestFirstAndHearEachOnce() {
        applier.applySnapshot(Snapshot.newBuilder().setAsOfSequence(sequence).build());
        AlarmQueueViewModel duty = console(UserRole.DUTY_OFFICER);
        AlarmQueueViewModel leader = console(UserRole.SHIFT_LEADER);
        raise("al-1", Priority.PRIORITY_NORMAL, 0);
        raise("al-2", Priority.PRIORITY_URGENT, 5);
        raise("al-3", Priority.PRIORITY_URGENT, 10);
        assertEquals(List.of("al-2", "al-3", "al-1"), ids(duty.open()), "urgent first, the older of them first");
        assertEquals(3, duty.waitingProperty().get());
        assertEquals("al-3", duty.soundProperty().get().alarmId(), "each raised alarm sounded");
        assertEquals(3, duty.soundProperty().get().count());
        assertEquals(List.of(), ids(leader.open()), "not in front of the leader before it goes up");
        assertNull(leader.soundProperty().get());

        // Nobody acknowledged al-2: it goes up to the leaders, who hear it, and the duty officers hear it again.
        apply(Event.newBuilder().setAlarmEscalated(AlarmEscalated.newBuilder().setAlarmId("al-2").setLevel(1)
                .setEscalateAt(ts(T0.plusSeconds(65)))));
        assertEquals(List.of("al-2"), ids(leader.open()));
        assertEquals("al-2", leader.soundProperty().get().alarmId());
        assertEquals(4, duty.soundProperty().get().count(), "heard again at the new level");
        assertTrue(duty.state(duty.open().get(0)).contains("带班领导"), duty.state(duty.open().get(0)));

        duty.acknowledge(duty.open().get(0));
        assertEquals(List.of("al-2"), acknowledged, "asked of the hub");
        apply(Event.newBuilder().setActor(Actor.newBuilder().setUserId("duty1").setDisplayName("周晓东"))
                .setAlarmAcknowledged(AlarmAcknowledged.newBuilder().setAlarmId("al-2")));
        assertEquals(List.of("al-3", "al-1"), ids(duty.open()));
        assertEquals(List.of("al-2"), ids(duty.done()));
        assertEquals(List.of("al-2"), ids(leader.done()), "the leader sees who took it");
        assertTrue(duty.state(duty.done().get(0)).contains("周晓东"), duty.state(duty.done().get(0)));
        assertEquals(2, duty.waitingProperty().get());
    }

    @Test
    void aMutedConsoleStillSoundsTheUrgentOnes() {
        applier.applySnapshot(Snapshot.newBuilder().setAsOfSequence(sequence).build());
        AlarmQueueViewModel duty = console(UserRole.DUTY_OFFICER);
        duty.mutedProperty().set(true);
        raise("al-1", Priority.PRIORITY_HIGH, 0);
        assertNull(duty.soundProperty().get(), "a high alarm is quiet on a muted console");
        assertEquals(1, duty.waitingProperty().get(), "but waits in the queue");
        raise("al-2", Priority.PRIORITY_URGENT, 1);
        assertEquals("URGENT", duty.soundProperty().get().priority(), "never muted for the most urgent");
    }

    @Test
    void theSnapshotsAlarmsAreTheQueueAtStartAndStaleOnesNeverShow() {
        applier.applySnapshot(Snapshot.newBuilder().setAsOfSequence(sequence)
                .addAlarms(alarm("al-7", Priority.PRIORITY_URGENT, 0).toBuilder().setLevel(2))
                .addAlarms(alarm("al-8", Priority.PRIORITY_NORMAL, 0).toBuilder().setStale(true)).build());
        AlarmQueueViewModel chief = console(UserRole.STATION_CHIEF);
        assertEquals(List.of("al-7"), ids(chief.open()), "what went up to the chief and waits");
        assertEquals("al-7", chief.soundProperty().get().alarmId(), "sounded when the console opens");
        assertEquals("新警情 · i-al-7", chief.text(chief.open().get(0)), "what, and the incident (unknown here: its id)");
    }

    private void raise(String id, Priority p, int secondsAfter) {
        apply(Event.newBuilder().setAlarmRaised(AlarmRaised.newBuilder().setAlarm(alarm(id, p, secondsAfter))));
    }

    private static Alarm alarm(String id, Priority p, int secondsAfter) {
        return Alarm.newBuilder().setId(id).setKind(AlarmKind.ALARM_KIND_NEW_INCIDENT).setPriority(p)
                .setSubjectId("i-" + id).setRaisedAt(ts(T0.plusSeconds(secondsAfter))).build();
    }

    private void apply(Event.Builder e) {
        applier.apply(List.of(e.setSequence(++sequence).setTime(ts(T0.plusSeconds(sequence))).build()));
    }

    private static List<String> ids(List<AlarmItem> items) {
        return items.stream().map(AlarmItem::id).toList();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }
}
