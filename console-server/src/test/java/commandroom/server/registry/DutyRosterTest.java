package commandroom.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.FraudServiceGrpc;
import commandroom.v1.FraudWarning;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.GetTaskRequest;
import commandroom.v1.Handover;
import commandroom.v1.ImportWarningsRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.SetUnitDutyRequest;
import commandroom.v1.ShiftServiceGrpc;
import commandroom.v1.StartHandoverRequest;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.TaskKind;
import commandroom.v1.UnitDuty;
import commandroom.v1.UnitKind;
import commandroom.v1.UnitStatus;
import commandroom.v1.ZoneStrength;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The duty roster (排班): the shift leader puts units off duty, on a break, out of service and
 * back; a unit off duty or out of service cannot be sent a task (the hub refuses it, whatever a
 * console offers); every console follows; the handover packet names the zones below their
 * staffing rule; the anti-fraud list goes to whoever of the zone is on duty; a terminal's log-in
 * starts its unit's shift.
 */
class DutyRosterTest {

    @Test
    void theLeaderKeepsTheRosterAndTheHubDispatchesByIt() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient leader = hub.login("leader1");
             HubClient duty = hub.login("duty1")) {
            EventCollector stream = new EventCollector();
            duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), stream);
            String incident = leader.command().reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_HIGH)
                    .setPosition(TestCounty.pos(30.545, 119.955)).setAddress("城西路 3 号").setSummary("求助")
                    .setIdempotencyKey("i-1").build()).getIncident().getId();

            setDuty(leader, "u-car1", UnitDuty.UNIT_DUTY_OUT_OF_SERVICE, "车辆送修");
            assertEquals(UnitStatus.UNIT_STATUS_OUT_OF_SERVICE, status(duty, "u-car1"));
            stream.await(e -> e.hasUnitDutyChanged() && e.getUnitDutyChanged().getUnitId().equals("u-car1"),
                    Duration.ofSeconds(10));
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> dispatch(leader, incident, "u-car1", "t-1"));
            assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
            assertTrue(refused.getStatus().getDescription().contains("out of service"), refused.getStatus().getDescription());

            setDuty(leader, "u-car1", UnitDuty.UNIT_DUTY_ON_BREAK, "午休");
            assertEquals(UnitStatus.UNIT_STATUS_ON_BREAK, status(duty, "u-car1"));
            String task = dispatch(leader, incident, "u-car1", "t-2");
            assertEquals(UnitStatus.UNIT_STATUS_ON_BREAK, status(duty, "u-car1"), "on a break, even when sent");
            setDuty(leader, "u-car1", UnitDuty.UNIT_DUTY_ON_DUTY, "");
            assertEquals(UnitStatus.UNIT_STATUS_ON_TASK, status(duty, "u-car1"), "back at work, on its task");
            assertEquals("u-car1", leader.command().getTask(GetTaskRequest.newBuilder().setTaskId(task).build()).getTask()
                    .getAssigneeUnitIds(0));

            // The zone's community officer off duty: the zone is under strength, the fraud list goes to its auxiliary.
            setDuty(leader, "u-cd-co1", UnitDuty.UNIT_DUTY_OFF_DUTY, "轮休");
            assertEquals(Status.Code.FAILED_PRECONDITION, assertThrows(StatusRuntimeException.class,
                    () -> dispatch(leader, incident, "u-cd-co1", "t-3")).getStatus().getCode());
            Handover h = ShiftServiceGrpc.newBlockingStub(duty.channel()).withCallCredentials(HubClient.bearer(duty.login()
                    .getAccessToken())).withDeadlineAfter(10, TimeUnit.SECONDS).startHandover(StartHandoverRequest.newBuilder()
                    .setIdempotencyKey("h-1").build()).getHandover();
            assertEquals(List.of(ZoneStrength.newBuilder().setZoneId("z-cd").setKind(UnitKind.UNIT_KIND_COMMUNITY_OFFICER)
                    .setOnDuty(0).setWanted(1).build(), ZoneStrength.newBuilder().setZoneId("z-cx")
                    .setKind(UnitKind.UNIT_KIND_AUXILIARY_OFFICER).setOnDuty(0).setWanted(1).build()),
                    h.getZonesUnderStrengthList(), "城西 has no auxiliary officer at all in the test county");
            var tasks = FraudServiceGrpc.newBlockingStub(leader.channel()).withCallCredentials(HubClient.bearer(leader.login()
                    .getAccessToken())).withDeadlineAfter(10, TimeUnit.SECONDS).importWarnings(ImportWarningsRequest.newBuilder()
                    .setSource("第 9 批").addWarnings(FraudWarning.newBuilder().setName("某").setPhone("13800000000")
                            .setAddress("城东路 9 号").setZoneId("z-cd")).build()).getTaskIdsList();
            assertEquals("u-cd-aux1", leader.command().getTask(GetTaskRequest.newBuilder().setTaskId(tasks.get(0)).build())
                    .getTask().getAssigneeUnitIds(0), "whoever of the zone is on duty");

            assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class,
                    () -> setDuty(duty, "u-car1", UnitDuty.UNIT_DUTY_OFF_DUTY, "")).getStatus().getCode());

            // The officer's terminal logs in: his shift begins.
            hub.login("u-cd-co1").close();
            assertEquals(UnitStatus.UNIT_STATUS_AVAILABLE, status(duty, "u-cd-co1"), "a terminal's log-in starts the shift");
        }
    }

    private static void setDuty(HubClient c, String unit, UnitDuty d, String reason) {
        c.registry().setUnitDuty(SetUnitDutyRequest.newBuilder().setUnitId(unit).setDuty(d).setReason(reason).build());
    }

    private static UnitStatus status(HubClient c, String unit) {
        return c.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getUnitsList().stream()
                .filter(u -> u.getId().equals(unit)).findFirst().orElseThrow().getStatus();
    }

    private static String dispatch(HubClient c, String incident, String unit, String key) {
        return c.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(incident)
                .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds(unit).setInstruction("到场处置").setIdempotencyKey(key)
                .build()).getTask().getId();
    }
}
