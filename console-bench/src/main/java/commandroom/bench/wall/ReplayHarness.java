package commandroom.bench.wall;

import commandroom.app.wall.VideoRuntime;
import commandroom.app.wall.VideoTile;
import commandroom.app.wall.WallCamera;
import commandroom.app.wall.WallLayout;
import commandroom.app.wall.WallView;
import commandroom.bench.HarnessOutput;
import commandroom.bench.MachineLoad;
import commandroom.bench.board.HeadlessFx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Instant replay, measured on the real wall (Monocle, software pipeline, 1920x1080, 4 tiles): a
 * 1920x1080 25 fps cameras served over HTTP (a clip encoded as cameras encode, copied in a loop) on
 * wide tiles, which decode the main stream through FFmpeg while each tile's ring records the same stream
 * without decoding. Side by side, on the same stream and for the same time: the CPU the ring's
 * reader takes ("wall-ring" thread) against the CPU the decoder takes ("wall-ffmpeg"), and the
 * ring's memory. Then replays: 回放 → the first replayed picture on screen, and 回到实时 → the
 * first live picture again, against the baseline of the same tile putting the same camera on anew
 * (connect, first picture). Prints markdown; {@code --out FILE} appends it; {@code --quick}
 * measures CPU for 10 s and takes 8 replays (else 30 s and 30).
 */
public final class ReplayHarness {

    private static final int CAMERAS = 2;

    private ReplayHarness() {}

    public static void main(String[] args) throws Exception {
        run(args);
        System.exit(0); // the toolkit's and the players' threads would keep the JVM up
    }

    public static String run(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path out = HarnessOutput.outOf(args);
        int cpuSeconds = quick ? 10 : 30;
        int replays = quick ? 8 : 30;
        double load = MachineLoad.now();
        HeadlessWall.startToolkit();
        String report;
        // Every stream through FFmpeg, so the decoders are Java threads whose CPU time can be read.
        try (ClipPushers encoder = new ClipPushers();
             HttpClips served = new HttpClips(encoder.clip(1920, 1080));
             VideoRuntime runtime = VideoRuntime.start(() -> false)) {
            WallView wall = HeadlessWall.open(runtime, WallLayout.GRID_4);
            List<VideoTile> tiles = HeadlessFx.call(wall::tiles);
            HeadlessFx.run(() -> {
                for (int i = 0; i < CAMERAS; i++) {
                    wall.show(i, new WallCamera("c-00" + (i + 1), "回放基准 " + (i + 1), served.url(), served.url()));
                }
            });
            for (int i = 0; i < CAMERAS; i++) {
                VideoTile t = tiles.get(i);
                waitFor(() -> t.isLive() && t.ringReachMillis() >= 16_000, 60, () -> "tile live with 16 s in its ring; it is "
                        + t.status() + " and its ring reaches " + t.ringReachMillis() + " ms");
            }

            // CPU, side by side: the ring readers and the decoders of the same streams.
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] ring0 = cpuOf(threads, "wall-ring");
            long[] decode0 = cpuOf(threads, "wall-ffmpeg");
            long t0 = System.nanoTime();
            Thread.sleep(cpuSeconds * 1000L);
            long wallNanos = System.nanoTime() - t0;
            long[] ring1 = cpuOf(threads, "wall-ring");
            long[] decode1 = cpuOf(threads, "wall-ffmpeg");
            double ringPct = 100.0 * (ring1[0] - ring0[0]) / wallNanos / CAMERAS;
            double decodePct = 100.0 * (decode1[0] - decode0[0]) / wallNanos / CAMERAS;
            long ringBytes = tiles.get(0).ringBytes();
            long reach = tiles.get(0).ringReachMillis();

            // Replays, and the baseline of the same camera put on the tile anew.
            List<Long> replay = new ArrayList<>();
            List<Long> live = new ArrayList<>();
            List<Long> fresh = new ArrayList<>();
            for (int i = 0; i < replays; i++) {
                VideoTile t = tiles.get(i % CAMERAS);
                long presented = HeadlessFx.call(t::framesPresented);
                long start = System.nanoTime();
                String refused = HeadlessFx.call(() -> t.replayLast().orElse(null));
                if (refused != null) {
                    throw new IllegalStateException("replay refused: " + refused);
                }
                waitFor(() -> t.replayFirstPictureNanos() > 0 && HeadlessFx.call(t::framesPresented) > presented, 10,
                        "the first replayed picture");
                replay.add((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(1500);
                long back = System.nanoTime();
                // The live decoder's count and the pictures shown, as the replay ends.
                long[] at = HeadlessFx.call(() -> {
                    t.endReplay();
                    return new long[] {t.framesDecoded(), t.framesPresented()};
                });
                waitFor(() -> t.framesDecoded() > at[0] && HeadlessFx.call(t::framesPresented) > at[1], 10,
                        "the first live picture after the replay");
                live.add((System.nanoTime() - back) / 1_000_000);
                Thread.sleep(500);
                WallCamera camera = HeadlessFx.call(t::camera);
                long anew = System.nanoTime();
                HeadlessFx.run(() -> t.show(camera));
                waitFor(() -> t.framesDecoded() > 0 && HeadlessFx.call(t::framesPresented) > 0 && t.isLive(), 10,
                        "the camera put on anew");
                fresh.add((System.nanoTime() - anew) / 1_000_000);
                waitFor(() -> t.ringReachMillis() >= 16_000, 30, "the ring full again");
            }
            HeadlessFx.run(wall::close);
            report = report(load, cpuSeconds, ringPct, decodePct, ringBytes, reach, replay, live, fresh);
        }
        HarnessOutput.emit(report, out);
        return report;
    }

    /** Total CPU nanoseconds of the live threads with this name, and how many there are. */
    private static long[] cpuOf(ThreadMXBean threads, String name) {
        long total = 0;
        long count = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals(name)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                    count++;
                }
            }
        }
        return new long[] {total, count};
    }

    private static String report(double load, int cpuSeconds, double ringPct, double decodePct, long ringBytes,
                                 long reach, List<Long> replay, List<Long> live, List<Long> fresh) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "#### Instant replay (%s)%n%d cores, load average %.2f at the start; Java %s, "
                        + "Monocle headless, software pipeline; %d cameras 1920x1080 25 fps over HTTP (a clip encoded as cameras "
                        + "encode, x264 main profile, a keyframe a second, copied in a loop) on 960x540 tiles decoding "
                        + "their main stream through FFmpeg%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), load, System.getProperty("java.version"), CAMERAS));
        b.append("| per 1080p camera, " + cpuSeconds + " s side by side | CPU, % of a core |\n|---|---|\n");
        b.append(String.format(Locale.ROOT, "| ring: packets copied, not decoded | %.2f |%n", ringPct));
        b.append(String.format(Locale.ROOT, "| baseline: decoding the same stream | %.2f |%n", decodePct));
        b.append(String.format(Locale.ROOT, "%nRing memory per tile: %.1f MB for %.1f s kept (whole keyframe groups).%n%n",
                ringBytes / 1e6, reach / 1000.0));
        b.append("| " + replay.size() + " replays | p50 ms | p90 ms | max ms |\n|---|---|---|---|\n");
        b.append(row("回放 → first replayed picture on screen", replay));
        b.append(row("回到实时 → first live picture again", live));
        b.append(row("baseline: the camera put on the tile anew", fresh));
        return b.toString();
    }

    private static String row(String what, List<Long> millis) {
        long[] v = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", what, rank(v, 50), rank(v, 90), rank(v, 100));
    }

    private static long rank(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int r = (int) Math.ceil(q / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))];
    }

    private static void waitFor(Callable<Boolean> condition, int seconds, String what) throws Exception {
        waitFor(condition, seconds, () -> what);
    }

    private static void waitFor(Callable<Boolean> condition, int seconds, java.util.function.Supplier<String> what)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not within " + seconds + " s: " + what.get());
            }
            Thread.sleep(5);
        }
    }
}
