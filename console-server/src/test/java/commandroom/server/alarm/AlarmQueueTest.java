package commandroom.server.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.HubProcess;
import commandroom.server.testing.PostgresServer;
import commandroom.server.testing.TestCounty;
import commandroom.v1.AcknowledgeAlarmRequest;
import commandroom.v1.Alarm;
import commandroom.v1.AlarmKind;
import commandroom.v1.Event;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.PressEmergencyRequest;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Snapshot;
import commandroom.v1.SubscribeRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The alarm queue at a real hub process: a new incident, a unit's emergency button each raise an
 * alarm within a second; a person acknowledges one (who and when recorded, a second time refused);
 * an urgent one nobody acknowledges goes up to the shift leaders, then to the chief, each within a
 * second of its time. The hub is killed with SIGKILL between the two escalations and just after an
 * incident was taken in: after the restart the incident's alarm is raised and the escalation goes
 * on, and no alarm is raised or escalated twice.
 */
class AlarmQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Backend.class)
    void alarmsAreRaisedAcknowledgedAndEscalatedOnceAcrossASigkill(Backend backend) throws Exception {
        Path dir = Files.createTempDirectory("commandroom-alarms");
        PostgresServer.Db db = backend == Backend.POSTGRES ? PostgresServer.get().newDatabase() : null;
        try (HubProcess hub = HubProcess.prepare(dir, db, "--alarm-wait-urgent", "2", "--alarm-wait-high", "0")) {
            hub.start();
            String urgentAlarm;
            String lastIncident;
            try (HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1");
                 HubClient unit = hub.login("u-cd-co1")) {
                EventCollector console = new EventCollector();
                duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), console);

                var urgent = report(duty, Priority.PRIORITY_URGENT);
                Event raised = console.await(e -> raisedFor(e, urgent.getIncident().getId()), WAIT);
                Alarm a = raised.getAlarmRaised().getAlarm();
                assertEquals(AlarmKind.ALARM_KIND_NEW_INCIDENT, a.getKind());
                assertEquals(0, a.getLevel());
                assertEquals(urgent.getSequence(), a.getSourceSequence());
                assertTrue(millis(raised.getTime()) - millis(a.getRaisedAt()) < 1000, "raised within a second");
                assertEquals(2000, millis(a.getEscalateAt()) - millis(raised.getTime()), 50, "escalates in 2 s");
                urgentAlarm = a.getId();

                var normal = report(duty, Priority.PRIORITY_NORMAL);
                Alarm quiet = console.await(e -> raisedFor(e, normal.getIncident().getId()), WAIT).getAlarmRaised()
                        .getAlarm();
                assertFalse(quiet.hasEscalateAt(), "a normal alarm waits in the queue");

                long pressed = unit.field().pressEmergency(PressEmergencyRequest.newBuilder()
                        .setPosition(TestCounty.pos(30.545, 119.965)).setIdempotencyKey("sos-1").build()).getSequence();
                Alarm sos = console.await(e -> e.hasAlarmRaised() && e.getAlarmRaised().getAlarm().getSourceSequence()
                        == pressed, WAIT).getAlarmRaised().getAlarm();
                assertEquals(AlarmKind.ALARM_KIND_EMERGENCY, sos.getKind());
                assertEquals(Priority.PRIORITY_URGENT, sos.getPriority());
                assertEquals("u-cd-co1", sos.getSubjectId());

                Alarm acked = duty.command().acknowledgeAlarm(ack(quiet.getId())).getAlarm();
                assertEquals("duty1", acked.getAcknowledgedBy().getUserId());
                assertTrue(acked.hasAcknowledgedAt());
                assertEquals(Status.Code.FAILED_PRECONDITION, code(() -> leader.command().acknowledgeAlarm(ack(quiet.getId()))),
                        "acknowledged once");
                assertEquals(Status.Code.NOT_FOUND, code(() -> duty.command().acknowledgeAlarm(ack("al-999999"))));
                assertEquals(Status.Code.INVALID_ARGUMENT, code(() -> duty.command().acknowledgeAlarm(ack(""))));
                leader.command().acknowledgeAlarm(ack(sos.getId()));

                Event first = console.await(e -> escalated(e, urgentAlarm, 1), WAIT);
                assertTrue(millis(first.getTime()) - millis(a.getEscalateAt()) < 1000, "escalated within a second of its time");
                // Killed between the two escalations, just after a call was taken in.
                lastIncident = report(duty, Priority.PRIORITY_HIGH).getIncident().getId();
            }
            hub.kill();
            hub.start();
            try (HubClient duty = hub.login("duty1")) {
                EventCollector console = new EventCollector();
                duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), console);
                console.await(e -> escalated(e, urgentAlarm, 2), WAIT);
                console.await(e -> raisedFor(e, lastIncident), WAIT);
                Thread.sleep(3000);
                List<Event> log = console.events();
                Map<Long, Integer> raisedPer = new HashMap<>();
                Map<String, Integer> escalatedPer = new HashMap<>();
                log.stream().filter(Event::hasAlarmRaised).forEach(e -> raisedPer.merge(
                        e.getAlarmRaised().getAlarm().getSourceSequence(), 1, Integer::sum));
                log.stream().filter(Event::hasAlarmEscalated).forEach(e -> escalatedPer.merge(
                        e.getAlarmEscalated().getAlarmId() + "@" + e.getAlarmEscalated().getLevel(), 1, Integer::sum));
                assertTrue(raisedPer.values().stream().allMatch(n -> n == 1), "raised once each: " + raisedPer);
                assertEquals(Map.of(urgentAlarm + "@1", 1, urgentAlarm + "@2", 1), escalatedPer, "escalated once a level");
                assertEquals(1, log.stream().filter(Event::hasAlarmsStarted).count(), "started once");

                Snapshot s = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
                Alarm top = s.getAlarmsList().stream().filter(x -> x.getId().equals(urgentAlarm)).findFirst().orElseThrow();
                assertEquals(2, top.getLevel(), "at the chief");
                assertFalse(top.hasEscalateAt(), "no level above the chief");
                assertTrue(s.getAlarmsList().stream().anyMatch(x -> x.getSubjectId().equals(lastIncident)),
                        "the last call's alarm, raised after the restart, is in the snapshot");
            }
            // The chief's figures count them: raised, how long to acknowledge, how many went up.
            try (HubClient chief = hub.login("chief1")) {
                java.time.Instant now = java.time.Instant.now();
                commandroom.v1.Figures f = chief.cases().getFigures(commandroom.v1.GetFiguresRequest.newBuilder()
                        .setFrom(Timestamp.newBuilder().setSeconds(now.getEpochSecond() - 3600))
                        .setTo(Timestamp.newBuilder().setSeconds(now.getEpochSecond() + 3600)).build());
                assertTrue(f.getAlarmsRaised().getValue() >= 4, "raised: " + f.getAlarmsRaised());
                assertTrue(f.getAlarmAckSecondsP50().getValue() > 0, "acknowledged after some time: "
                        + f.getAlarmAckSecondsP50());
                assertEquals(1, f.getAlarmsEscalated().getValue(), "the urgent call went up");
            }
        }
    }

    private static commandroom.v1.ReportIncidentResponse report(HubClient duty, Priority p) {
        return duty.command().reportIncident(ReportIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_CALL_110)
                .setPriority(p).setPosition(TestCounty.pos(30.545, 119.965)).setAddress("城东路").setSummary("打架").build());
    }

    private static boolean raisedFor(Event e, String subject) {
        return e.hasAlarmRaised() && e.getAlarmRaised().getAlarm().getSubjectId().equals(subject);
    }

    private static boolean escalated(Event e, String alarm, int level) {
        return e.hasAlarmEscalated() && e.getAlarmEscalated().getAlarmId().equals(alarm)
                && e.getAlarmEscalated().getLevel() == level;
    }

    private static AcknowledgeAlarmRequest ack(String id) {
        return AcknowledgeAlarmRequest.newBuilder().setAlarmId(id).build();
    }

    private static Status.Code code(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
    }

    private static long millis(Timestamp t) {
        return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
    }
}
