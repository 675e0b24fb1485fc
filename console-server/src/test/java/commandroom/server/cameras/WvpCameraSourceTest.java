package commandroom.server.cameras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.server.testing.WvpStub;
import commandroom.v1.Camera;
import commandroom.v1.CameraPlay;
import commandroom.v1.CameraSourceReport;
import commandroom.v1.Event;
import commandroom.v1.MoveCameraRequest;
import commandroom.v1.PresetRequest;
import commandroom.v1.PtzChange;
import commandroom.v1.PtzControl;
import commandroom.v1.ReleaseCameraRequest;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.ListCameraSourcesRequest;
import commandroom.v1.Position;
import commandroom.v1.SaveCameraRequest;
import commandroom.v1.SyncCameraSourceRequest;
import commandroom.v1.WatchCameraRequest;
import commandroom.v1.WatchRecordingRequest;
import commandroom.v1.ListRecordingsRequest;
import commandroom.v1.ListRecordingsResponse;
import commandroom.v1.Recording;
import commandroom.v1.RecordingType;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A GB/T 28181 platform (the wvp stub, speaking wvp's paths and JSON) as a camera source of a
 * real hub: its catalog kept in the registry, its plays and playbacks started for the consoles
 * that watch and stopped when none does, its recordings listed, its failures said as the platform
 * said them.
 */
class WvpCameraSourceTest {

    private static final String NVR = "34020000001320000001";
    private static final String DOME = "34020000001310000001";
    private static final String BULLET = "34020000001310000002";
    private static final String NOWHERE = "34020000001310000003";
    private static final String AWAY = "34020000001310000004";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static WvpStub platform() throws Exception {
        WvpStub stub = new WvpStub("commandroom", "平台密码1");
        stub.device(NVR, "城东派出所NVR", true);
        stub.channel(new WvpStub.Channel(NVR, DOME, "人民路东口球机", 30.545, 119.965, true, 1, "rtsp://127.0.0.1:8554/dome"));
        stub.channel(new WvpStub.Channel(NVR, NOWHERE, "未标注位置", Double.NaN, Double.NaN, true, 3, "rtsp://x/1"));
        stub.channel(new WvpStub.Channel(NVR, AWAY, "外县卡口", 31.5, 121.0, false, 3, "rtsp://x/2"));
        return stub;
    }

    private static TestHub hub(WvpStub stub, Duration grace) {
        return TestHub.start(Backend.H2, c -> c.withCameraSources(List.of(WvpSettings.of("wvp", stub.base(),
                "commandroom", "平台密码1", null).withPeriods(Duration.ofHours(1), grace))));
    }

    private static CameraSourceReport firstSync(HubClient chief) {
        Eventually.until("the sync at start", WAIT, () -> chief.cameras().listCameraSources(
                ListCameraSourcesRequest.getDefaultInstance()).getSources(0).hasSyncedAt());
        return chief.cameras().listCameraSources(ListCameraSourcesRequest.getDefaultInstance()).getSources(0);
    }

    private static Optional<Camera> camera(HubClient c, String id) {
        return c.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getCamerasList().stream()
                .filter(x -> x.getId().equals(id)).findFirst();
    }

    @Test
    void thePlatformsCatalogIsKeptInTheRegistry() throws Exception {
        try (WvpStub stub = platform(); TestHub hub = hub(stub, Duration.ofSeconds(30));
             HubClient chief = hub.login("chief1")) {
            CameraSourceReport first = firstSync(chief);
            assertEquals("", first.getProblem());
            assertEquals(1, first.getDevices());
            assertEquals(3, first.getChannels());
            assertEquals(2, first.getOnline());
            assertEquals(2, first.getUnplaced(), "no position, and a position outside the station's zones");
            assertEquals(1, first.getAdded());
            String login = stub.calls().stream().filter(c -> c.startsWith("GET /api/user/login")).findFirst().orElseThrow();
            assertTrue(login.contains("password=" + WvpClient.md5("平台密码1")), "wvp takes the password's MD5: " + login);

            Camera dome = camera(chief, "gb-" + DOME).orElseThrow();
            assertEquals("人民路东口球机", dome.getName());
            assertEquals(DOME, dome.getNationalCode());
            assertEquals("z-cd", dome.getZoneId(), "the zone found from the platform's position");
            assertEquals("wvp", dome.getOrigin().getSourceId());
            assertEquals(NVR, dome.getOrigin().getDeviceCode());
            assertTrue(dome.getOrigin().getOnline());
            assertTrue(dome.getOrigin().getPtz(), "a dome turns");

            // The station's ledger already had 解放街 (c-002); its national code ties it to the platform's channel.
            Camera ledger = camera(chief, "c-002").orElseThrow();
            chief.registry().saveCamera(SaveCameraRequest.newBuilder().setExpectedVersion(ledger.getVersion())
                    .setCamera(ledger.toBuilder().setNationalCode(BULLET)).build());
            stub.channel(new WvpStub.Channel(NVR, BULLET, "IPC-02", 30.5462, 119.9551, false, 3, "rtsp://x/3"));
            CameraSourceReport second = chief.cameras().syncCameraSource(
                    SyncCameraSourceRequest.newBuilder().setSourceId("wvp").build());
            assertEquals(0, second.getAdded(), "no second camera for the ledger's");
            assertEquals(1, second.getChanged());
            Camera adopted = camera(chief, "c-002").orElseThrow();
            assertEquals("解放街", adopted.getName(), "the station's name stays");
            assertEquals("wvp", adopted.getOrigin().getSourceId());
            assertFalse(adopted.getOrigin().getOnline());
            assertEquals(30.5462, adopted.getPosition().getLatitude(), 1e-9, "the platform's position");
            assertFalse(camera(chief, "gb-" + BULLET).isPresent());

            // Nothing changed on the platform: nothing written.
            long before = chief.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getAsOfSequence();
            CameraSourceReport same = chief.cameras().syncCameraSource(SyncCameraSourceRequest.newBuilder().setSourceId("wvp").build());
            assertEquals(0, same.getAdded() + same.getChanged() + same.getRetired());
            assertEquals(before, chief.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getAsOfSequence());

            // The dome goes offline, the bullet is taken off the platform: changed and retired; the
            // station's own cameras (c-001) stay.
            stub.channel(new WvpStub.Channel(NVR, DOME, "人民路东口球机", 30.545, 119.965, false, 1, "rtsp://x/0"));
            stub.removeChannel(BULLET);
            CameraSourceReport third = chief.cameras().syncCameraSource(SyncCameraSourceRequest.newBuilder().setSourceId("wvp").build());
            assertEquals(1, third.getChanged());
            assertEquals(1, third.getRetired());
            assertFalse(camera(chief, "gb-" + DOME).orElseThrow().getOrigin().getOnline());
            assertFalse(camera(chief, "c-002").isPresent(), "retired with the platform's channel");
            assertTrue(camera(chief, "c-001").isPresent(), "a camera of no source is not the platform's to retire");
        }
    }

    @Test
    void anExpiredSessionIsRenewedAndAFailingPlatformIsReported() throws Exception {
        try (WvpStub stub = platform(); TestHub hub = hub(stub, Duration.ofSeconds(30));
             HubClient chief = hub.login("chief1"); HubClient duty = hub.login("duty1")) {
            firstSync(chief);
            stub.expireTokens();
            CameraSourceReport again = chief.cameras().syncCameraSource(SyncCameraSourceRequest.newBuilder().setSourceId("wvp").build());
            assertEquals("", again.getProblem(), "logged in again after the platform's 401");
            assertEquals(2, stub.count("/api/user/login"));

            assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class, () -> duty.cameras()
                    .syncCameraSource(SyncCameraSourceRequest.newBuilder().setSourceId("wvp").build())).getStatus().getCode());
            StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> chief.cameras()
                    .syncCameraSource(SyncCameraSourceRequest.newBuilder().setSourceId("nvr9").build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, unknown.getStatus().getCode());

            stub.close();
            CameraSourceReport down = chief.cameras().syncCameraSource(SyncCameraSourceRequest.newBuilder().setSourceId("wvp").build());
            assertTrue(down.getProblem().contains("cannot be reached") || down.getProblem().contains("did not answer"),
                    down.getProblem());
            assertTrue(camera(chief, "gb-" + DOME).isPresent(), "a platform that does not answer retires nothing");
            assertEquals(down.getProblem(), chief.cameras().listCameraSources(ListCameraSourcesRequest.getDefaultInstance())
                    .getSources(0).getProblem());
        }
    }

    @Test
    void aChannelPlaysWhileConsolesWatchItAndStopsAfterTheLastLeft() throws Exception {
        try (WvpStub stub = platform(); TestHub hub = hub(stub, Duration.ofMillis(300));
             HubClient chief = hub.login("chief1"); HubClient duty = hub.login("duty1")) {
            firstSync(chief);
            stub.playDelay(300);
            Watch a = Watch.open(duty, "gb-" + DOME);
            Watch b = Watch.open(chief, "gb-" + DOME);
            assertEquals("rtsp://127.0.0.1:8554/dome", a.play().get(10, TimeUnit.SECONDS).getRtspUrl());
            assertTrue(b.play().get(10, TimeUnit.SECONDS).getFlvUrl().endsWith(NVR + "_" + DOME + ".live.flv"));
            assertEquals(1, stub.count("/api/play/start/" + NVR + "/" + DOME), "two watchers, one invite");

            a.cancel();
            Thread.sleep(800);
            assertEquals(0, stub.count("/api/play/stop/"), "still watched by one console");
            b.cancel();
            Eventually.until("the play stopped", WAIT, () -> stub.count("/api/play/stop/" + NVR + "/" + DOME) == 1);

            // A camera with its own address gets it, and its watch ends at once.
            Watch own = Watch.open(duty, "c-001");
            assertEquals("rtsp://127.0.0.1:8554/c-001/main", own.play().get(10, TimeUnit.SECONDS).getRtspUrl());
            own.ended().get(10, TimeUnit.SECONDS);

            // The platform cannot reach the device: said as the platform said it.
            stub.failPlays("点播超时");
            Watch failing = Watch.open(duty, "gb-" + DOME);
            Throwable t = failing.ended().handle((x, e) -> e).get(15, TimeUnit.SECONDS);
            Status s = Status.fromThrowable(t);
            assertEquals(Status.Code.UNAVAILABLE, s.getCode());
            assertTrue(s.getDescription().contains("点播超时"), s.getDescription());

            // A watcher who logs out: the watch ends with the session, and the platform stops playing.
            stub.failPlays(null);
            try (HubClient leaving = hub.login("leader1")) {
                Watch held = Watch.open(leaving, "gb-" + DOME);
                held.play().get(10, TimeUnit.SECONDS);
                long stops = stub.count("/api/play/stop/");
                leaving.auth().logout(commandroom.v1.LogoutRequest.getDefaultInstance());
                Throwable ended = held.ended().handle((x, e) -> e).get(5, TimeUnit.SECONDS);
                assertEquals(Status.Code.UNAUTHENTICATED, Status.fromThrowable(ended).getCode(), "within 5 s of the log-out");
                Eventually.until("the logged-out watcher's play stopped", WAIT, () -> stub.count("/api/play/stop/") > stops);
            }

            Watch missing = Watch.open(duty, "gb-nothing");
            assertEquals(Status.Code.NOT_FOUND, Status.fromThrowable(missing.ended().handle((x, e) -> e)
                    .get(10, TimeUnit.SECONDS)).getCode());
        }
    }

    @Test
    void aPtzCameraTurnsForOneHolderAtATimeThroughTheHub() throws Exception {
        try (WvpStub stub = platform(); TestHub hub = hub(stub, Duration.ofSeconds(30));
             HubClient chief = hub.login("chief1"); HubClient duty = hub.login("duty1");
             HubClient duty2 = hub.login("duty2"); HubClient leader = hub.login("leader1")) {
            firstSync(chief);
            stub.channel(new WvpStub.Channel(NVR, BULLET, "解放街西口枪机", 30.546, 119.955, true, 3, "rtsp://x/3"));
            chief.cameras().syncCameraSource(SyncCameraSourceRequest.newBuilder().setSourceId("wvp").build());
            EventCollector events = new EventCollector();
            chief.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), events);
            String dome = "gb-" + DOME;

            PtzControl held = duty.cameras().moveCamera(MoveCameraRequest.newBuilder().setCameraId(dome).setPan(0.5f).build());
            assertEquals("duty1", held.getHolder().getUserId());
            assertEquals("right", stub.ptzCommands().get(stub.ptzCommands().size() - 1));
            assertTrue(stub.calls().get(stub.calls().size() - 1).contains("horizonSpeed=128"), stub.calls().toString());
            Event granted = events.await(e -> e.hasPtzControlChanged(), WAIT);
            assertEquals(PtzChange.PTZ_CHANGE_GRANTED, granted.getPtzControlChanged().getChange());

            StatusRuntimeException busy = assertThrows(StatusRuntimeException.class, () -> duty2.cameras().moveCamera(
                    MoveCameraRequest.newBuilder().setCameraId(dome).setTilt(1).build()));
            assertEquals(Status.Code.FAILED_PRECONDITION, busy.getStatus().getCode());
            assertTrue(busy.getStatus().getDescription().contains("值班民警 周"), "names the holder: " + busy.getStatus());
            assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class, () -> duty2.cameras()
                    .moveCamera(MoveCameraRequest.newBuilder().setCameraId(dome).setTilt(1).setTakeOver(true).build()))
                    .getStatus().getCode(), "a duty officer does not take a camera over");

            PtzControl taken = leader.cameras().moveCamera(MoveCameraRequest.newBuilder().setCameraId(dome).setZoom(1)
                    .setTakeOver(true).build());
            assertEquals("leader1", taken.getHolder().getUserId());
            assertTrue(stub.calls().get(stub.calls().size() - 1).contains("command=zoomin")
                    && stub.calls().get(stub.calls().size() - 1).contains("zoomSpeed=15"), stub.calls().toString());
            Event over = events.await(e -> e.hasPtzControlChanged()
                    && e.getPtzControlChanged().getChange() == PtzChange.PTZ_CHANGE_TAKEN_OVER, WAIT);
            assertEquals("duty1", over.getPtzControlChanged().getPrevious().getUserId());

            leader.cameras().goToPreset(PresetRequest.newBuilder().setCameraId(dome).setPreset(3).build());
            assertTrue(stub.calls().get(stub.calls().size() - 1).startsWith("GET /api/front-end/preset/call/" + NVR + "/"
                    + DOME + "?presetId=3"), stub.calls().toString());
            assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class, () -> leader.cameras()
                    .savePreset(PresetRequest.newBuilder().setCameraId(dome).setPreset(256).build())).getStatus().getCode());
            assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class, () -> leader.cameras()
                    .moveCamera(MoveCameraRequest.newBuilder().setCameraId(dome).setPan(2).build())).getStatus().getCode());

            leader.cameras().releaseCamera(ReleaseCameraRequest.newBuilder().setCameraId(dome).build());
            assertEquals("stop", stub.ptzCommands().get(stub.ptzCommands().size() - 1), "released: stopped");
            events.await(e -> e.hasPtzControlChanged() && e.getPtzControlChanged().getChange() == PtzChange.PTZ_CHANGE_RELEASED,
                    WAIT);
            assertEquals("duty2", duty2.cameras().moveCamera(MoveCameraRequest.newBuilder().setCameraId(dome).setTilt(-1)
                    .build()).getHolder().getUserId(), "free again");
            assertEquals("down", stub.ptzCommands().get(stub.ptzCommands().size() - 1));

            StatusRuntimeException fixed = assertThrows(StatusRuntimeException.class, () -> duty.cameras().moveCamera(
                    MoveCameraRequest.newBuilder().setCameraId("gb-" + BULLET).setPan(1).build()));
            assertEquals(Status.Code.FAILED_PRECONDITION, fixed.getStatus().getCode(), "a fixed bullet does not turn");
            assertEquals(Status.Code.FAILED_PRECONDITION, assertThrows(StatusRuntimeException.class, () -> duty.cameras()
                    .moveCamera(MoveCameraRequest.newBuilder().setCameraId("c-001").setPan(1).build())).getStatus().getCode(),
                    "a camera of no source is not turned through the hub");
        }
    }

    @Test
    void thePlatformsAlarmsReachTheLogOnceAndIntrusionsBecomeIncidents() throws Exception {
        try (WvpStub stub = platform(); TestHub hub = TestHub.start(Backend.H2, c -> c.withCameraSources(List.of(
                WvpSettings.of("wvp", stub.base(), "commandroom", "平台密码1", null).withPeriods(Duration.ofHours(1),
                        Duration.ofSeconds(30)).withAlarms(Duration.ofMillis(200), WvpSettings.DEFAULT_ALARM_INCIDENTS))));
             HubClient chief = hub.login("chief1")) {
            firstSync(chief);
            EventCollector events = new EventCollector();
            chief.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), events);
            java.time.Instant now = java.time.Instant.now();
            stub.alarm(DOME, "VideoLoss", now.minusSeconds(2), "视频信号丢失");
            Event loss = events.await(e -> e.hasCameraAlarmRaised(), WAIT);
            assertEquals("gb-" + DOME, loss.getCameraAlarmRaised().getCameraId());
            assertEquals("VideoLoss", loss.getCameraAlarmRaised().getAlarmType());
            assertEquals("", loss.getCameraAlarmRaised().getIncidentId(), "a video loss is not an incident");

            stub.alarm(DOME, "IntrusionDetection", now.minusSeconds(1), "周界入侵");
            Event intrusion = events.await(e -> e.hasCameraAlarmRaised()
                    && e.getCameraAlarmRaised().getAlarmType().equals("IntrusionDetection"), WAIT);
            String incidentId = intrusion.getCameraAlarmRaised().getIncidentId();
            assertFalse(incidentId.isEmpty(), "an intrusion is reported as an incident");
            Event reported = events.events().stream().filter(e -> e.hasIncidentReported()
                    && e.getIncidentReported().getIncident().getId().equals(incidentId)).findFirst().orElseThrow();
            assertEquals(commandroom.v1.IncidentType.INCIDENT_TYPE_VIDEO_ALARM, reported.getIncidentReported().getIncident().getType());
            assertEquals("人民路东口球机", reported.getIncidentReported().getIncident().getAddress());
            assertTrue(reported.getSequence() < intrusion.getSequence(), "the incident before the alarm that names it");

            // An alarm of a channel the registry does not keep (no position) is left out; each is raised once.
            stub.alarm(NOWHERE, "MotionDetection", now, "");
            Thread.sleep(1500);
            assertEquals(2, events.events().stream().filter(Event::hasCameraAlarmRaised).count(),
                    "two alarms, each once, across seven polls");
        }
    }

    private static com.google.protobuf.Timestamp ts(Instant t) {
        return com.google.protobuf.util.Timestamps.fromMillis(t.toEpochMilli());
    }

    private static ListRecordingsRequest recordings(String cameraId, Instant from, Instant to) {
        return ListRecordingsRequest.newBuilder().setCameraId(cameraId).setFrom(ts(from)).setTo(ts(to)).build();
    }

    @Test
    void aCamerasRecordingsForADayAreReadFromThePlatformAndAPeriodIsAtMostADay() throws Exception {
        try (WvpStub stub = platform(); TestHub hub = hub(stub, Duration.ofSeconds(30));
             HubClient chief = hub.login("chief1"); HubClient duty = hub.login("duty1")) {
            firstSync(chief);
            // 2026-08-06 in China: midnight there is 16:00 UTC the day before.
            Instant day = Instant.parse("2026-08-05T16:00:00Z");
            stub.recordings(DOME, List.of(
                    new WvpStub.Recording(day.minusSeconds(1800), day.plus(Duration.ofHours(2)), "time", 734_003_200L),
                    new WvpStub.Recording(day.plus(Duration.ofHours(9)), day.plus(Duration.ofMinutes(9 * 60 + 12)), "alarm",
                            52_428_800L),
                    new WvpStub.Recording(day.plus(Duration.ofHours(14)), day.plus(Duration.ofMinutes(14 * 60 + 5)), "manual",
                            0),
                    new WvpStub.Recording(day.plus(Duration.ofHours(30)), day.plus(Duration.ofHours(31)), "time", 1)));

            ListRecordingsResponse found = duty.cameras().listRecordings(recordings("gb-" + DOME, day,
                    day.plus(Duration.ofHours(24))));
            assertEquals(3, found.getRecordingsCount(), "the next day's recording is not the day's");
            Recording first = found.getRecordings(0);
            assertEquals(day.minusSeconds(1800).getEpochSecond(), first.getStart().getSeconds(),
                    "from the day before, as listed");
            assertEquals(RecordingType.RECORDING_TYPE_TIMED, first.getType());
            assertEquals(734_003_200L, first.getSizeBytes(), "fileSize is a string of bytes");
            assertEquals(RecordingType.RECORDING_TYPE_ALARM, found.getRecordings(1).getType());
            assertEquals(day.plus(Duration.ofMinutes(9 * 60 + 12)).getEpochSecond(),
                    found.getRecordings(1).getEnd().getSeconds());
            assertEquals(RecordingType.RECORDING_TYPE_MANUAL, found.getRecordings(2).getType());
            String query = stub.calls().stream().filter(c -> c.startsWith("GET /api/gb_record/query/")).findFirst()
                    .orElseThrow();
            assertEquals("GET /api/gb_record/query/" + NVR + "/" + DOME + "?startTime=2026-08-06+00%3A00%3A00"
                    + "&endTime=2026-08-07+00%3A00%3A00", query, "China's wall clock, encoded");

            StatusRuntimeException tooLong = assertThrows(StatusRuntimeException.class, () -> duty.cameras()
                    .listRecordings(recordings("gb-" + DOME, day, day.plus(Duration.ofHours(25)))));
            assertEquals(Status.Code.INVALID_ARGUMENT, tooLong.getStatus().getCode());
            assertTrue(tooLong.getStatus().getDescription().startsWith("to: must be at most 24 h"),
                    tooLong.getStatus().getDescription());
            StatusRuntimeException backwards = assertThrows(StatusRuntimeException.class, () -> duty.cameras()
                    .listRecordings(recordings("gb-" + DOME, day, day.minusSeconds(1))));
            assertEquals(Status.Code.INVALID_ARGUMENT, backwards.getStatus().getCode());
            assertTrue(backwards.getStatus().getDescription().contains("to: must be after from"),
                    backwards.getStatus().getDescription());
            assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class, () -> duty.cameras()
                    .listRecordings(ListRecordingsRequest.newBuilder().setCameraId("gb-" + DOME).setTo(ts(day)).build()))
                    .getStatus().getCode(), "from is required");
            assertEquals(Status.Code.FAILED_PRECONDITION, assertThrows(StatusRuntimeException.class, () -> duty.cameras()
                    .listRecordings(recordings("c-001", day, day.plus(Duration.ofHours(1))))).getStatus().getCode(),
                    "a camera of no source keeps no recordings the hub reaches");
            assertEquals(Status.Code.NOT_FOUND, assertThrows(StatusRuntimeException.class, () -> duty.cameras()
                    .listRecordings(recordings("gb-nothing", day, day.plus(Duration.ofHours(1))))).getStatus().getCode());

            // The device did not answer the platform in time: said in the platform's words.
            stub.failRecordQueries("timeout");
            StatusRuntimeException timeout = assertThrows(StatusRuntimeException.class, () -> duty.cameras()
                    .listRecordings(recordings("gb-" + DOME, day, day.plus(Duration.ofHours(24)))));
            assertEquals(Status.Code.UNAVAILABLE, timeout.getStatus().getCode());
            assertEquals("timeout", timeout.getStatus().getDescription());
        }
    }

    @Test
    void aRecordingPlaysBackWhileWatchedAndStopsAtThePlatformWhenTheWatchEnds() throws Exception {
        try (WvpStub stub = platform(); TestHub hub = hub(stub, Duration.ofSeconds(30));
             HubClient chief = hub.login("chief1"); HubClient duty = hub.login("duty1")) {
            firstSync(chief);
            stub.playbackStream(DOME, "rtsp://127.0.0.1:8554/dome-record");
            Instant start = Instant.parse("2026-08-06T01:30:00Z");
            Instant end = start.plus(Duration.ofHours(2));
            String stream = NVR + "_" + DOME + "_20260806093000_20260806113000";

            Watch a = Watch.recording(duty, "gb-" + DOME, start, end);
            Watch b = Watch.recording(chief, "gb-" + DOME, start, end);
            assertEquals("rtsp://127.0.0.1:8554/dome-record", a.play().get(10, TimeUnit.SECONDS).getRtspUrl());
            assertTrue(b.play().get(10, TimeUnit.SECONDS).getFlvUrl().endsWith(stream + ".live.flv"));
            assertEquals(1, stub.count("/api/playback/start/" + NVR + "/" + DOME + "?startTime=2026-08-06+09%3A30%3A00"
                    + "&endTime=2026-08-06+11%3A30%3A00"), "two watchers of one stretch, one playback: " + stub.calls());
            assertEquals(java.util.Set.of(stream), stub.playbacks());

            a.cancel();
            Thread.sleep(500);
            assertEquals(0, stub.count("/api/playback/stop/"), "still watched by one console");
            b.cancel();
            Eventually.until("the playback stopped at the platform", WAIT,
                    () -> stub.count("/api/playback/stop/" + NVR + "/" + DOME + "/" + stream) == 1);
            assertTrue(stub.playbacks().isEmpty());
            assertEquals(0, stub.count("/api/play/start/"), "a playback is not a live play");

            // The watcher logs out: the watch ends with the session, and so does the playback.
            try (HubClient leaving = hub.login("leader1")) {
                Watch held = Watch.recording(leaving, "gb-" + DOME, start, end);
                held.play().get(10, TimeUnit.SECONDS);
                leaving.auth().logout(commandroom.v1.LogoutRequest.getDefaultInstance());
                Throwable ended = held.ended().handle((x, e) -> e).get(5, TimeUnit.SECONDS);
                assertEquals(Status.Code.UNAUTHENTICATED, Status.fromThrowable(ended).getCode(), "within 5 s of the log-out");
                Eventually.until("the logged-out watcher's playback stopped", WAIT, () -> stub.playbacks().isEmpty());
            }

            Watch tooLong = Watch.recording(duty, "gb-" + DOME, start, start.plus(Duration.ofHours(25)));
            Status s = Status.fromThrowable(tooLong.ended().handle((x, e) -> e).get(10, TimeUnit.SECONDS));
            assertEquals(Status.Code.INVALID_ARGUMENT, s.getCode());
            assertTrue(s.getDescription().startsWith("end: must be at most 24 h"), s.getDescription());
            Watch plain = Watch.recording(duty, "c-001", start, end);
            assertEquals(Status.Code.FAILED_PRECONDITION, Status.fromThrowable(plain.ended().handle((x, e) -> e)
                    .get(10, TimeUnit.SECONDS)).getCode(), "a camera of no source has no recordings to play");
        }
    }

    /** A console's watch of one camera: its first message, its end, and its cancellation. */
    private record Watch(CompletableFuture<CameraPlay> play, CompletableFuture<Void> ended, Context.CancellableContext context) {

        static Watch open(HubClient c, String cameraId) {
            return of(o -> c.camerasAsync().watchCamera(WatchCameraRequest.newBuilder().setCameraId(cameraId).build(), o));
        }

        static Watch recording(HubClient c, String cameraId, Instant start, Instant end) {
            return of(o -> c.camerasAsync().watchRecording(WatchRecordingRequest.newBuilder().setCameraId(cameraId)
                    .setStart(ts(start)).setEnd(ts(end)).build(), o));
        }

        private static Watch of(java.util.function.Consumer<StreamObserver<CameraPlay>> call) {
            CompletableFuture<CameraPlay> play = new CompletableFuture<>();
            CompletableFuture<Void> ended = new CompletableFuture<>();
            Context.CancellableContext ctx = Context.current().withCancellation();
            ctx.run(() -> call.accept(new StreamObserver<>() {
                @Override
                public void onNext(CameraPlay p) {
                    play.complete(p);
                }

                @Override
                public void onError(Throwable t) {
                    play.completeExceptionally(t);
                    ended.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {
                    ended.complete(null);
                }
            }));
            return new Watch(play, ended, ctx);
        }

        void cancel() {
            context.cancel(null);
        }
    }

    static Position pos(double lat, double lon) {
        return Position.newBuilder().setLatitude(lat).setLongitude(lon).build();
    }
}
