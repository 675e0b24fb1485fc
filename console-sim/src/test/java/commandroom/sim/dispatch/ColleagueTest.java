package commandroom.sim.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.server.testing.Backend;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.sim.SimBootstrap;
import commandroom.sim.SimConfig;
import commandroom.sim.county.DemoCounty;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.GetIncidentRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.TaskKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The simulated leader and duty officer as colleagues: an incident the shift leader at the console
 * dispatches within the wait is his alone; one left past the wait the colleague dispatches, once.
 * An alarm a person acknowledged stands; one left the simulated duty officer acknowledges.
 */
class ColleagueTest {

    @Test
    void whatNobodyTakesTheColleagueDispatchesAndWhatSomeoneTookIsLeftAlone() throws Exception {
        var county = DemoCounty.load();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withSeed(county)
                .withAlarms(commandroom.server.loop.AlarmPolicy.station()));
             HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1")) {
            SimConfig config = SimConfig.builder(county).speedFactor(50).runTerminals(false)
                    .runIncidentGenerator(false).runAutoReviewer(false).colleagueWait(Duration.ofSeconds(3)).build();
            try (SimBootstrap sim = SimBootstrap.start(config, duty.channel(), null)) {
                var unit = county.getUnits(0);
                String mine = report(duty, unit.getPosition());
                String left = report(duty, unit.getPosition());
                leader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(mine)
                        .setKind(TaskKind.TASK_KIND_MEDIATE).addUnitIds(unit.getId()).setInstruction("到场调解")
                        .setIdempotencyKey("person").build());
                duty.command().acknowledgeAlarm(commandroom.v1.AcknowledgeAlarmRequest.newBuilder()
                        .setAlarmId(alarmOf(duty, mine)).build());
                Thread.sleep(1500);
                assertEquals(0, tasks(duty, left), "within the wait the colleague leaves it to the people");
                Eventually.until("the colleague dispatches what was left", Duration.ofSeconds(20),
                        () -> tasks(duty, left) == 1);
                Thread.sleep(2000);
                assertEquals(1, tasks(duty, mine), "the leader's incident is his alone");
                assertEquals(1, tasks(duty, left), "dispatched once");

                // The alarm queue: the duty officer acknowledged the first call's alarm at once (above);
                // the second's the colleague acknowledged after the wait.
                Eventually.until("the colleague acknowledges what was left", Duration.ofSeconds(20),
                        () -> ackedBy(duty, left).equals(SimConfig.DUTY_USER));
                assertEquals("duty1", ackedBy(duty, mine), "the person's acknowledgement stands");
            }
        }
    }

    private static String report(HubClient duty, commandroom.v1.Position p) {
        return duty.command().reportIncident(ReportIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_DISPUTE)
                .setPriority(Priority.PRIORITY_NORMAL).setPosition(p).setAddress("测试地址").setSummary("邻里纠纷")
                .build()).getIncident().getId();
    }

    private static String alarmOf(HubClient duty, String incident) {
        Eventually.until("the alarm of " + incident, Duration.ofSeconds(10), () -> snapshotAlarm(duty, incident) != null);
        return snapshotAlarm(duty, incident).getId();
    }

    private static String ackedBy(HubClient duty, String incident) {
        commandroom.v1.Alarm a = snapshotAlarm(duty, incident);
        return a == null ? "" : a.getAcknowledgedBy().getUserId();
    }

    private static commandroom.v1.Alarm snapshotAlarm(HubClient duty, String incident) {
        return duty.command().getSnapshot(commandroom.v1.GetSnapshotRequest.getDefaultInstance()).getAlarmsList().stream()
                .filter(a -> a.getSubjectId().equals(incident)).findFirst().orElse(null);
    }

    private static int tasks(HubClient duty, String incident) {
        return duty.command().getIncident(GetIncidentRequest.newBuilder().setIncidentId(incident).build()).getTasksCount();
    }
}
