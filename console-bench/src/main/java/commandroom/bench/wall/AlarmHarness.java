package commandroom.bench.wall;

import commandroom.app.connection.CommandClient;
import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.CameraItem;
import commandroom.app.ui.Theme;
import commandroom.app.wall.AlarmCameras;
import commandroom.app.wall.VideoTile;
import commandroom.app.wall.WallPanel;
import commandroom.app.workspace.Workstation;
import commandroom.bench.board.HeadlessFx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;

/**
 * Incident reported → its cameras live on the wall, end to end: the embedded hub and simulator,
 * the demo county's cameras streaming over UDP, and a duty officer's real console (Monocle,
 * software pipeline, 1920x1080) logged in over TLS. A shift leader's client reports incidents in
 * front of cameras that are streaming but not on the wall; the time runs from the report call to
 * the first pulse at which every alarm tile holding a streaming camera is live and has presented a
 * new picture (GB/T 28181 allows 2 s). Then the alarm is dismissed and the next one comes. Prints
 * markdown; {@code --out FILE} appends it; {@code --quick} takes 8 samples instead of 40.
 */
public final class AlarmHarness {

    /** Cameras streamed: the wall shows the first four (by id), alarms use the others. */
    private static final int STREAMS = 12;
    private static final long TIMEOUT_NANOS = 10_000_000_000L;

    private AlarmHarness() {}

    public static void main(String[] args) throws Exception {
        run(args);
        System.exit(0); // libVLC's, gRPC's and the toolkit's threads would keep the JVM up
    }

    /** Measures, prints and (with --out) appends the report; answers it. */
    public static String run(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path out = commandroom.bench.HarnessOutput.outOf(args);
        int samples = quick ? 8 : 40;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        HeadlessFx.start();
        HeadlessFx.run(Theme::install);
        List<Long> millis = new ArrayList<>();
        int skipped = 0;
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("alarm-bench"), 0, 0.05, null,
                false)) {
            hub.startCameraStreams(STREAMS);
            HubSession duty = HubSession.open("127.0.0.1", hub.port(), hub.certificate(), "duty1",
                    EmbeddedDefault.demoPassword());
            Workstation[] console = new Workstation[1];
            HeadlessFx.run(() -> {
                console[0] = new Workstation(duty, Clock.systemDefaultZone(), uncheckedTempDir());
                Stage stage = console[0].show(new Stage());
                stage.setWidth(1920);
                stage.setHeight(1080);
            });
            WallPanel wall = HeadlessFx.call(() -> (WallPanel) console[0].stages().get(0).getScene().getRoot()
                    .lookup(".wall-panel"));
            if (wall == null) {
                throw new IllegalStateException("the duty officer's console shows no wall");
            }
            HubSession leaderSession = HubSession.open("127.0.0.1", hub.port(), hub.certificate(), "leader1",
                    EmbeddedDefault.demoPassword());
            CommandClient leader = new CommandClient(leaderSession, Executors.newSingleThreadExecutor());
            waitFor(() -> console[0].state().cameras().size() >= STREAMS, "the camera registry");
            List<CameraItem> streamed = console[0].state().cameras().values().stream()
                    .sorted(Comparator.comparing(CameraItem::id)).limit(STREAMS).toList();
            Set<String> streaming = streamed.stream().map(CameraItem::id).collect(Collectors.toSet());
            waitFor(() -> HeadlessFx.call(() -> wall.wall().tiles().stream().filter(t -> t.camera() != null)
                    .allMatch(VideoTile::isLive)), "the wall's first cameras live");
            List<CameraItem> targets = streamed.subList(4, streamed.size());
            for (int i = 0; i < samples; i++) {
                CameraItem c = targets.get(i % targets.size());
                double[] at = inFront(c);
                long t0 = System.nanoTime();
                leader.report(new CommandClient.IncidentDraft("CALL_110", "URGENT", at[0], at[1], "测试地址 " + i,
                        "报警测时", "", "")).get(10, TimeUnit.SECONDS);
                long t = awaitAlarmLive(wall, streaming, t0);
                if (t < 0) {
                    skipped++;
                } else {
                    millis.add(t / 1_000_000);
                }
                HeadlessFx.run(wall::dismissAlarm);
                Thread.sleep(1500); // the dismissed cameras come back and settle before the next alarm
            }
            leaderSession.close();
            HeadlessFx.run(console[0]::close);
        }
        String report = report(millis, skipped, samples, load);
        commandroom.bench.HarnessOutput.emit(report, out);
        return report;
    }

    /**
     * Nanoseconds from t0 to the first pulse at which the alarm shows and every alarm tile that holds
     * a streaming camera is live with a picture presented since the alarm put it there; -1 when the
     * alarm holds no streaming camera. Times out loudly.
     */
    private static long awaitAlarmLive(WallPanel wall, Set<String> streaming, long t0) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        AnimationTimer[] timer = new AnimationTimer[1];
        HeadlessFx.run(() -> {
            List<VideoTile> tiles = wall.wall().tiles();
            long[] presentedAtAlarm = new long[tiles.size()];
            String[] cameraAtAlarm = new String[tiles.size()];
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (!wall.alarmShowing()) {
                        if (System.nanoTime() - t0 > TIMEOUT_NANOS) {
                            done.completeExceptionally(new IllegalStateException("no alarm on the wall"));
                        }
                        return;
                    }
                    boolean any = false;
                    boolean all = true;
                    for (int i = 0; i < tiles.size(); i++) {
                        VideoTile t = tiles.get(i);
                        if (!t.inAlarm() || t.camera() == null || !streaming.contains(t.camera().id())) {
                            continue;
                        }
                        any = true;
                        if (!t.camera().id().equals(cameraAtAlarm[i])) {
                            cameraAtAlarm[i] = t.camera().id();
                            presentedAtAlarm[i] = t.framesPresented();
                        }
                        all &= t.isLive() && t.framesPresented() > presentedAtAlarm[i];
                    }
                    if (!any) {
                        done.complete(-1L);
                    } else if (all) {
                        done.complete(System.nanoTime() - t0);
                    } else if (System.nanoTime() - t0 > TIMEOUT_NANOS) {
                        done.completeExceptionally(new IllegalStateException("alarm cameras not live in 10 s"));
                    }
                }
            };
            timer[0].start();
        });
        try {
            return done.get(TIMEOUT_NANOS + 5_000_000_000L, TimeUnit.NANOSECONDS);
        } finally {
            HeadlessFx.run(() -> timer[0].stop());
        }
    }

    /** A point the camera sees: 30 m (or half its range) along its direction; next to it without a view. */
    static double[] inFront(CameraItem c) {
        double metres = c.hasFieldOfView() ? Math.min(30, c.rangeMetres() / 2) : 10;
        double bearing = Math.toRadians(c.hasFieldOfView() ? c.directionDegrees() : 0);
        double north = metres * Math.cos(bearing);
        double east = metres * Math.sin(bearing);
        double lat = c.latitude() + north / 111_320.0;
        double lon = c.longitude() + east / (111_320.0 * Math.cos(Math.toRadians(c.latitude())));
        return new double[] {lat, lon};
    }

    private static String report(List<Long> millis, int skipped, int samples, double load) {
        long[] v = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "#### Incident reported → its cameras live on the wall (%s)%n%d cores, "
                        + "load average %.2f at the start; Java %s, JavaFX %s, Monocle headless, software pipeline; "
                        + "embedded hub over TLS, %d demo cameras streaming (UDP, 704x576), alarm radius %.0f m%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), load, System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version"), STREAMS, AlarmCameras.RADIUS_METRES));
        b.append("| samples | no streaming camera in the alarm | p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        b.append(String.format(Locale.ROOT, "| %d of %d | %d | %d | %d | %d | %d |%n", v.length, samples, skipped,
                rank(v, 50), rank(v, 90), rank(v, 99), rank(v, 100)));
        return b.toString();
    }

    /** Nearest-rank percentile; 0 when empty. */
    private static long rank(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int r = (int) Math.ceil(q / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))];
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static Path uncheckedTempDir() {
        try {
            return Files.createTempDirectory("alarm-bench-layouts");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
