package commandroom.bench.cameras;

import commandroom.bench.LatencyRecorder;
import commandroom.server.cameras.WvpClient;
import commandroom.server.cameras.WvpSettings;
import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.server.testing.WvpStub;
import commandroom.v1.Camera;
import commandroom.v1.CameraKind;
import commandroom.v1.CameraSourceReport;
import commandroom.v1.Event;
import commandroom.v1.ImportRequest;
import commandroom.v1.ListCameraSourcesRequest;
import commandroom.v1.MoveCameraRequest;
import commandroom.v1.Position;
import commandroom.v1.RegistryKind;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.SyncCameraSourceRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A GB/T 28181 platform's numbers, against the wvp stub (wvp's paths and JSON, on loopback) and a
 * real hub in this process:
 * <ul>
 *   <li>catalog: a platform of {@code channels} channels (200 per device) synced into the registry,
 *       and the time until a console following the hub has them all; beside it, in the same run,
 *       the same number of cameras imported as a ledger (the registry's own path, no platform);</li>
 *   <li>PTZ: {@code commands} moves and stops through the hub (a console's MoveCamera to the
 *       command arriving at the platform); beside it the same commands sent to the platform
 *       directly;</li>
 *   <li>alarms: {@code alarms} alarms raised on the platform, each until its CameraAlarmRaised
 *       reaches a console; beside it the polling period, the floor of that path.</li>
 * </ul>
 *
 * <p>Run: {@code ./mvnw -q -B -pl console-bench compile exec:exec -Dexec.executable=java
 * -Dexec.args="-cp %classpath commandroom.bench.cameras.CameraSourceHarness [channels commands alarms]"}
 */
public final class CameraSourceHarness {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private CameraSourceHarness() {}

    /** What a run measured. */
    public record Result(int channels, double syncSeconds, double currentSeconds, double ledgerSeconds,
                         long ledgerAdded, CameraSourceReport report, LatencyRecorder.Summary ptz, LatencyRecorder.Summary ptzDirect,
                         LatencyRecorder.Summary alarms, long alarmPeriodMs) {

        public List<String> render() {
            List<String> out = new ArrayList<>();
            out.add(String.format("catalog: %d channels (%d devices) synced in %.2f s; a console had them all %.2f s after"
                            + " the sync began; %d added, %d unplaced", channels, report.getDevices(), syncSeconds,
                    currentSeconds, report.getAdded(), report.getUnplaced()));
            out.add(String.format("  baseline, same run: %d cameras imported as a ledger (ApplyImport) in %.2f s",
                    ledgerAdded, ledgerSeconds));
            out.add(String.format("PTZ through the hub: %d commands, p50 %.1f ms, p99 %.1f ms, max %.1f ms", ptz.count(),
                    ptz.p50Ms(), ptz.p99Ms(), ptz.max() / 1e6));
            out.add(String.format("  baseline, same run: straight to the platform, p50 %.1f ms, p99 %.1f ms",
                    ptzDirect.p50Ms(), ptzDirect.p99Ms()));
            out.add(String.format("alarm to a console's stream: %d alarms, p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                    alarms.count(), alarms.p50Ms(), alarms.p99Ms(), alarms.max() / 1e6));
            out.add(String.format("  floor, same run: the platform is read every %d ms", alarmPeriodMs));
            return out;
        }
    }

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int commands = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int alarms = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        run(channels, commands, alarms).render().forEach(System.out::println);
    }

    public static Result run(int channels, int commands, int alarms) throws Exception {
        Random random = new Random(28181);
        Duration alarmPeriod = Duration.ofSeconds(1);
        try (WvpStub stub = new WvpStub("commandroom", "平台密码1");
             TestHub hub = TestHub.start(Backend.H2, c -> c.withCameraSources(List.of(WvpSettings.of("wvp", stub.base(),
                     "commandroom", "平台密码1", null).withPeriods(Duration.ofHours(1), Duration.ofSeconds(30))
                     .withAlarms(alarmPeriod, java.util.Set.of()))));
             HubClient admin = hub.login("admin1"); HubClient duty = hub.login("duty1")) {
            awaitFirstSync(admin);
            int devices = Math.max(1, (channels + 199) / 200);
            List<String> codes = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                String device = String.format("3402000000132%07d", d);
                stub.device(device, "NVR-" + d, true);
                for (int i = 0; i < 200 && codes.size() < channels; i++) {
                    String code = String.format("3402000000131%07d", codes.size());
                    // The test county: two zones side by side, 30.540..30.550 N, 119.950..119.970 E.
                    stub.channel(new WvpStub.Channel(device, code, "点位 " + codes.size(), 30.5405 + random.nextDouble() * 0.009,
                            119.9505 + random.nextDouble() * 0.019, random.nextInt(10) > 0, codes.size() % 5 == 0 ? 1 : 3,
                            "rtsp://127.0.0.1:8554/" + code));
                    codes.add(code);
                }
            }
            EventCollector stream = new EventCollector();
            duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(
                    duty.command().getSnapshot(commandroom.v1.GetSnapshotRequest.getDefaultInstance()).getAsOfSequence() + 1)
                    .build(), stream);
            ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
            long t0 = System.nanoTime();
            CameraSourceReport report = admin.cameras().withDeadlineAfter(10, TimeUnit.MINUTES)
                    .syncCameraSource(SyncCameraSourceRequest.newBuilder().setSourceId("wvp").build());
            long synced = System.nanoTime() - t0;
            int expected = (int) report.getAdded();
            stream.await(e -> {
                if (e.hasCameraRegistered() && e.getCameraRegistered().getCamera().getId().startsWith("gb-")) {
                    seen.put(e.getCameraRegistered().getCamera().getId(), true);
                }
                return seen.size() >= expected;
            }, WAIT);
            long current = System.nanoTime() - t0;

            ImportRequest.Builder ledger = ImportRequest.newBuilder().setKind(RegistryKind.REGISTRY_KIND_CAMERA)
                    .setSource("基线台账.csv");
            for (int i = 0; i < channels; i++) {
                ledger.addCameras(Camera.newBuilder().setId("ledger-" + i).setName("台账点位 " + i)
                        .setKind(CameraKind.CAMERA_KIND_XUELIANG).setPosition(Position.newBuilder()
                                .setLatitude(30.5405 + random.nextDouble() * 0.009).setLongitude(119.9505 + random.nextDouble() * 0.019)));
            }
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(ledger.build().toByteArray());
            long l0 = System.nanoTime();
            long ledgerAdded = admin.registry().withDeadlineAfter(10, TimeUnit.MINUTES)
                    .applyImport(ledger.setSha256(HexFormat.of().formatHex(sha)).build()).getAddedTotal();
            long ledgerNanos = System.nanoTime() - l0;

            // PTZ: a dome (every fifth channel), moved and stopped as a held arrow key does.
            String dome = "gb-" + codes.get(0);
            LatencyRecorder ptz = new LatencyRecorder(commands);
            for (int i = 0; i < commands; i++) {
                int before = stub.ptzArrivals().size();
                long s0 = System.nanoTime();
                duty.cameras().moveCamera(MoveCameraRequest.newBuilder().setCameraId(dome).setPan(i % 2 == 0 ? 0.5f : 0).build());
                ptz.record(stub.ptzArrivals().get(before) - s0);
            }
            WvpClient direct = new WvpClient(WvpSettings.of("direct", stub.base(), "commandroom", "平台密码1", null), Clock.systemUTC());
            direct.move(stub.channelOf(codes.get(0)).device(), codes.get(0), 0, 0, 0);
            LatencyRecorder ptzDirect = new LatencyRecorder(commands);
            for (int i = 0; i < commands; i++) {
                int before = stub.ptzArrivals().size();
                long s0 = System.nanoTime();
                direct.move(stub.channelOf(codes.get(0)).device(), codes.get(0), i % 2 == 0 ? 0.5 : 0, 0, 0);
                ptzDirect.record(stub.ptzArrivals().get(before) - s0);
            }

            // Alarms, one every 300 ms, each timed to its event on the console's stream.
            LatencyRecorder alarmLatency = new LatencyRecorder(alarms);
            for (int i = 0; i < alarms; i++) {
                String code = codes.get(random.nextInt(codes.size()));
                long a0 = System.nanoTime();
                long id = stub.alarm(code, "MotionDetection", Instant.now(), "");
                String alarmId = Long.toString(id);
                Event e = stream.await(x -> x.hasCameraAlarmRaised() && x.getCameraAlarmRaised().getAlarmId().equals(alarmId), WAIT);
                if (e != null) {
                    alarmLatency.record(System.nanoTime() - a0);
                }
                Thread.sleep(300);
            }
            return new Result(channels, synced / 1e9, current / 1e9, ledgerNanos / 1e9, ledgerAdded, report, ptz.summary(),
                    ptzDirect.summary(), alarmLatency.summary(), alarmPeriod.toMillis());
        }
    }

    private static void awaitFirstSync(HubClient admin) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!admin.cameras().listCameraSources(ListCameraSourcesRequest.getDefaultInstance()).getSources(0).hasSyncedAt()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hub never synced the platform");
            }
            Thread.sleep(50);
        }
    }
}
