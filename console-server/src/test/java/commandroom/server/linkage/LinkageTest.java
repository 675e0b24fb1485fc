package commandroom.server.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.LinkedHubs;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.CountyBoard;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.GetCountyBoardRequest;
import commandroom.v1.GetIncidentRequest;
import commandroom.v1.HandUpRequest;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.InstructStationRequest;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.StationBoard;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.TaskKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A county hub follows two station hubs over the public API: its board shows each station's open
 * work, and who is not connected. A station hands an incident up; the county's instruction comes
 * back down through the station's own link and is taken in once, also when the station was down
 * while it was given (it resumes from the county sequence its log keeps).
 */
class LinkageTest {

    @Test
    void countyFollowsStationsAndItsInstructionsComeBackDownOnce() throws Exception {
        try (LinkedHubs hubs = LinkedHubs.prepare(List.of("cd", "cx"));
             HubClient countyLeader = hubs.startCounty().login("leader1")) {
            TestHub county = hubs.county();
            // No station is up yet: the board says so, station by station.
            CountyBoard empty = countyLeader.linkage().getCountyBoard(GetCountyBoardRequest.getDefaultInstance());
            assertEquals(List.of("cd", "cx"), empty.getStationsList().stream().map(StationBoard::getStationId).toList());
            assertFalse(empty.getStations(0).getConnected());
            assertFalse(empty.getStations(0).getProblem().isEmpty(), "says why");

            TestHub east = hubs.startStation(0);
            TestHub west = hubs.startStation(1);
            try (HubClient eastDuty = east.login("duty1"); HubClient eastLeader = east.login("leader1");
                 HubClient westDuty = west.login("duty1")) {
                Incident fight = report(eastDuty, "城东路口斗殴");
                report(eastDuty, "城东菜场纠纷");
                report(westDuty, "城西工地盗窃");
                eastLeader.command().dispatchTask(DispatchTaskRequest.newBuilder().setIncidentId(fight.getId())
                        .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds("u-cd-co1").setInstruction("到场处置").build());

                Eventually.until("the county board shows both stations' open work", Duration.ofSeconds(20), () -> {
                    CountyBoard b = countyLeader.linkage().getCountyBoard(GetCountyBoardRequest.getDefaultInstance());
                    StationBoard cd = b.getStations(0);
                    StationBoard cx = b.getStations(1);
                    return cd.getConnected() && cx.getConnected() && cd.getOpenIncidents() == 2
                            && cd.getOpenTasks() == 1 && cx.getOpenIncidents() == 1 && cx.getOpenTasks() == 0
                            && cd.getLastSequence() == east.hub().lastSequence()
                            && cx.getLastSequence() == west.hub().lastSequence();
                });

                // The county keeps each station's chain head in its own log, outside the station's
                // database: the head's hash is the station's own at that sequence.
                Eventually.until("the county recorded the east station's head", Duration.ofSeconds(25),
                        () -> recordedHead(county, "cd") != null);
                commandroom.v1.StationHeadRecorded recorded = recordedHead(county, "cd");
                try (commandroom.server.store.Database db = commandroom.server.store.Database.openH2(east.config().dataDir())) {
                    var stored = new commandroom.server.store.EventStore(db).read(recorded.getSequence(),
                            recorded.getSequence(), 1);
                    assertEquals(1, stored.size());
                    assertEquals(com.google.protobuf.ByteString.copyFrom(stored.get(0).hash()), recorded.getHash(),
                            "the recorded head is the station's chain hash at that event");
                }

                // Handed up at the east station; the county sees it and answers.
                eastLeader.linkage().handUp(HandUpRequest.newBuilder().setIncidentId(fight.getId())
                        .setNote("涉及多人，请求县局巡特警支援").build());
                Eventually.until("the county sees the hand-up", Duration.ofSeconds(20), () -> handedUp(countyLeader).stream()
                        .anyMatch(i -> i.getId().equals(fight.getId())));
                var issued = countyLeader.linkage().instructStation(InstructStationRequest.newBuilder()
                        .setStationId("cd").setIncidentId(fight.getId()).setText("县局巡特警两组十分钟内到达，所里先控制现场")
                        .build()).getInstruction();
                assertEquals("CI-00001", issued.getId());
                assertEquals(Status.Code.NOT_FOUND, refused(countyLeader, "zz", fight.getId()));
                assertEquals(Status.Code.FAILED_PRECONDITION, refused(countyLeader, "cx", fight.getId()));
                assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class, () ->
                        eastDuty.linkage().handUp(HandUpRequest.newBuilder().setIncidentId(fight.getId())
                                .setNote("值班员不可上报").build())).getStatus().getCode());

                Eventually.until("the instruction reached the station", Duration.ofSeconds(20),
                        () -> instructionsAt(eastDuty, fight.getId()) == 1);
                Eventually.until("the county sees it received", Duration.ofSeconds(20), () -> handedUp(countyLeader)
                        .get(0).getCountyInstructions(0).hasReceivedAt());

                // The station is down while the county gives a second instruction; and the county restarts.
                east.close();
                countyLeader.linkage().instructStation(InstructStationRequest.newBuilder().setStationId("cd")
                        .setIncidentId(fight.getId()).setText("现场处置完毕后报县局").build());
                county.restart();
                east.restart();
                try (HubClient eastAgain = east.login("duty1")) {
                    Eventually.until("the second instruction reached the station after its restart",
                            Duration.ofSeconds(30), () -> instructionsAt(eastAgain, fight.getId()) == 2);
                    EventCollector log = new EventCollector();
                    eastAgain.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), log);
                    long head = east.hub().lastSequence();
                    Eventually.until("the station's whole log", Duration.ofSeconds(10), () -> log.events().size() >= head);
                    assertEquals(2, log.events().stream().filter(Event::hasCountyInstructionReceived).count(),
                            "each instruction taken in once");
                }
                try (HubClient countyAgain = county.login("leader1")) {
                    Eventually.until("the restarted county follows both stations again", Duration.ofSeconds(30), () -> {
                        CountyBoard b = countyAgain.linkage().getCountyBoard(GetCountyBoardRequest.getDefaultInstance());
                        return b.getStations(0).getConnected() && b.getStations(0).getLastSequence() == east.hub().lastSequence()
                                && b.getStations(0).getHandedUp(0).getCountyInstructionsCount() == 2
                                && b.getStations(0).getHandedUp(0).getCountyInstructionsList().stream()
                                        .allMatch(i -> i.hasReceivedAt());
                    });
                }
            }
        }
    }

    /** The last head of a station the county's log recorded, or null. */
    private static commandroom.v1.StationHeadRecorded recordedHead(TestHub county, String station) {
        commandroom.v1.StationHeadRecorded[] last = {null};
        try (commandroom.server.store.Database db = commandroom.server.store.Database.openH2(county.config().dataDir())) {
            new commandroom.server.store.EventStore(db).forEach(stored -> {
                try {
                    Event e = Event.parseFrom(stored.body());
                    if (e.hasStationHeadRecorded() && e.getStationHeadRecorded().getStationId().equals(station)) {
                        last[0] = e.getStationHeadRecorded();
                    }
                } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                    throw new IllegalStateException(ex);
                }
            });
        }
        return last[0];
    }

    private static Incident report(HubClient duty, String address) {
        return duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_HIGH)
                .setPosition(TestCounty.pos(30.545, 119.965)).setAddress(address).setSummary("联动测试")
                .build()).getIncident();
    }

    private static List<Incident> handedUp(HubClient countyLeader) {
        return countyLeader.linkage().getCountyBoard(GetCountyBoardRequest.getDefaultInstance())
                .getStations(0).getHandedUpList();
    }

    private static int instructionsAt(HubClient station, String incidentId) {
        return station.command().getIncident(GetIncidentRequest.newBuilder().setIncidentId(incidentId).build())
                .getIncident().getCountyInstructionsCount();
    }

    private static Status.Code refused(HubClient countyLeader, String station, String incidentId) {
        return assertThrows(StatusRuntimeException.class, () -> countyLeader.linkage().instructStation(
                InstructStationRequest.newBuilder().setStationId(station).setIncidentId(incidentId)
                        .setText("不应写入").build())).getStatus().getCode();
    }
}
