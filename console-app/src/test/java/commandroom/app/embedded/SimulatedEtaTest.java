package commandroom.app.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.HubClient;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.GetTaskRequest;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.RankArrivalsReply;
import commandroom.v1.RankArrivalsRequest;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Road;
import commandroom.v1.Snapshot;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStatus;
import commandroom.v1.TravelServiceGrpc;
import commandroom.v1.TravelUnit;
import commandroom.v1.Unit;
import commandroom.v1.UnitArrival;
import commandroom.v1.UnitKind;
import commandroom.v1.UnitStatus;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The promise, end to end in the embedded default: the minutes a console is shown for a
 * unit are the time the simulated unit takes. The hub imports the demo's roads (written as OSM),
 * ranks a patrol car to a place on a road, the car is sent there, and its terminal drives the
 * hub's route: from signing for to arriving takes the ranked time (at the demo's speed factor).
 */
class SimulatedEtaTest {

    private static final double SPEED = 10;

    @Test
    void theSimulatedCarArrivesInTheTimeTheConsoleWasShown() throws Exception {
        try (EmbeddedDefault demo = EmbeddedDefault.start(Files.createTempDirectory("eta"), 0, SPEED, null, false);
             HubClient leader = HubClient.login("127.0.0.1", demo.port(), demo.certificate(), "leader1",
                     EmbeddedDefault.demoPassword())) {
            Snapshot county = leader.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
            List<Unit> cars = county.getUnitsList().stream().filter(u -> u.getKind() == UnitKind.UNIT_KIND_PATROL_CAR
                    && u.getStatus() == UnitStatus.UNIT_STATUS_AVAILABLE).toList();
            assertFalse(cars.isEmpty());
            TravelServiceGrpc.TravelServiceBlockingStub travel = TravelServiceGrpc.newBlockingStub(leader.channel())
                    .withCallCredentials(HubClient.bearer(leader.login().getAccessToken()))
                    .withDeadlineAfter(30, TimeUnit.SECONDS);
            // A place on a road that a car reaches by road in two to six minutes.
            Position place = null;
            UnitArrival eta = null;
            for (Road road : county.getRoadsList()) {
                for (Position p : road.getLineList()) {
                    RankArrivalsRequest.Builder r = RankArrivalsRequest.newBuilder().setPlace(p);
                    cars.forEach(c -> r.addUnits(TravelUnit.newBuilder().setUnitId(c.getId()).setKind(c.getKind())
                            .setPosition(c.getPosition())));
                    RankArrivalsReply ranked = travel.rankArrivals(r.build());
                    assertTrue(ranked.getRoadsLoaded(), "the demo's roads are imported");
                    for (UnitArrival a : ranked.getArrivalsList()) {
                        if (eta == null && !a.getNoRoad() && a.getSeconds() > 120 && a.getSeconds() < 360) {
                            eta = a;
                            place = p;
                        }
                    }
                }
            }
            assertNotNull(eta, "some car is two to six minutes from some road point");
            String carId = eta.getUnitId();

            Incident incident = leader.command().reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_URGENT)
                    .setPosition(place).setAddress("测试路口").setSummary("到场计时")
                    .setIdempotencyKey(UUID.randomUUID().toString()).build()).getIncident();
            Task task = leader.command().dispatchTask(DispatchTaskRequest.newBuilder()
                    .setIncidentId(incident.getId()).setExpectedIncidentVersion(incident.getVersion())
                    .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds(carId).setInstruction("立即到场")
                    .setIdempotencyKey(UUID.randomUUID().toString()).build()).getTask();

            long signedFor = 0;
            long arrived = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (arrived == 0 && System.nanoTime() < deadline) {
                TaskStatus s = leader.command().getTask(GetTaskRequest.newBuilder().setTaskId(task.getId()).build())
                        .getTask().getStatus();
                long now = System.nanoTime();
                if (signedFor == 0 && s.getNumber() >= TaskStatus.TASK_STATUS_SIGNED_FOR.getNumber()) {
                    signedFor = now;
                }
                if (s.getNumber() >= TaskStatus.TASK_STATUS_ARRIVED.getNumber()) {
                    arrived = now;
                }
                Thread.sleep(100);
            }
            assertTrue(signedFor > 0 && arrived > 0, "the car signed for and arrived");
            double simulatedSeconds = (arrived - signedFor) / 1e9 * SPEED;
            // The route is asked for, then driven in one-second ticks: a tick and a call of slack
            // (a run here: shown 214 s, driven 213 s).
            assertEquals(eta.getSeconds(), simulatedSeconds, Math.max(15, eta.getSeconds() * 0.07),
                    "shown " + Math.round(eta.getSeconds()) + " s, driven " + Math.round(simulatedSeconds) + " s");
        }
    }
}
