package commandroom.bench.wall;

import commandroom.app.wall.VideoRuntime;
import commandroom.app.wall.VideoTile;
import commandroom.app.wall.WallCamera;
import commandroom.app.wall.WallLayout;
import commandroom.app.wall.WallView;
import commandroom.bench.board.HeadlessFx;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;

/**
 * The camera wall under load, headless (Monocle, software pipeline, 1920x1080): for 1, 4, 9 and 16
 * sub-streams (704x576) and 1 and 4 main streams (1920x1080), the decoded and presented frame rate
 * of each tile, the FX pulses per second, process CPU and RSS, and play → first frame; and in the
 * same run the baseline, plain libVLC decoding the same streams at the same sizes with no display.
 * Then source → screen latency from a camera whose picture the harness draws. Prints markdown;
 * {@code --out FILE} appends it to a file; {@code --quick} measures two scenarios for 3 s instead of
 * six for 10.
 */
public final class WallHarness {

    private record Scenario(String name, int streams, int width, int height, WallLayout layout) {}

    private record Figures(double cpuCores, double[] decodedFps, double[] presentedFps, double pulsesPerSecond,
                           double minPulsesInASecond, long rssMb, long[] firstFrameMs) {}

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("1 sub-stream", 1, 704, 576, WallLayout.GRID_4),
            new Scenario("4 sub-streams", 4, 704, 576, WallLayout.GRID_4),
            new Scenario("9 sub-streams", 9, 704, 576, WallLayout.GRID_9),
            new Scenario("16 sub-streams", 16, 704, 576, WallLayout.GRID_16),
            new Scenario("1 main stream", 1, 1920, 1080, WallLayout.GRID_1),
            new Scenario("4 main streams", 4, 1920, 1080, WallLayout.GRID_4));

    private WallHarness() {}

    public static void main(String[] args) throws Exception {
        run(args);
        // libVLC's and the toolkit's threads would keep the JVM up.
        System.exit(0);
    }

    /** Measures, prints and (with --out) appends the report; answers it. */
    public static String run(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path out = commandroom.bench.HarnessOutput.outOf(args);
        long seconds = quick ? 3 : 10;
        HeadlessWall.startToolkit();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "#### Camera wall (%s)%n%d cores, load average %.2f at the start; "
                + "Java %s, JavaFX %s, Monocle headless, software pipeline, 1920x1080 scene; %d s per measurement; "
                + "libVLC network caching 300 ms%n%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version"), seconds));
        report.append("| scenario | decode-only CPU, wall's options (cores) | decode-only CPU, libVLC defaults | wall CPU (cores)"
                + " | wall ÷ decode-only, same options | wall ÷ plain libVLC | baseline libVLC decode counter/s per tile"
                + " | wall libVLC decode counter/s per tile (min) | presented fps per tile (min) | FX pulses/s (worst second) | RSS MB"
                + " | first frame p50 / p90 ms |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        try (VideoRuntime runtime = VideoRuntime.start(); ClipPushers cameras = new ClipPushers()) {
            // Quick (CI's smoke test): one sub-stream scenario and one main-stream one, every figure of
            // each; the six scenarios took the smoke test 140 s.
            for (Scenario s : quick ? List.of(SCENARIOS.get(1), SCENARIOS.get(4)) : SCENARIOS) {
                List<String> urls = cameras.start(s.streams(), cameras.clip(s.width(), s.height()));
                Thread.sleep(1000);
                int[] box = tileBox(s.layout());
                double[] same = decodeOnly(urls, box, seconds, true);
                double[] plainDefaults = decodeOnly(urls, box, seconds, false);
                double baseline = same[0];
                double baselineFps = same[1];
                Figures f = measureWall(runtime, s, urls, seconds);
                report.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f (%.1f) | %.1f (%.1f) | %.1f (%.0f) | %d | %d / %d |%n",
                        s.name(), baseline, plainDefaults[0], f.cpuCores(), f.cpuCores() / baseline,
                        f.cpuCores() / plainDefaults[0], baselineFps, mean(f.decodedFps()),
                        min(f.decodedFps()), mean(f.presentedFps()), min(f.presentedFps()), f.pulsesPerSecond(),
                        f.minPulsesInASecond(), f.rssMb(), pct(f.firstFrameMs(), 0.5), pct(f.firstFrameMs(), 0.9)));
                cameras.stopAll();
            }
            report.append('\n').append(latency(runtime, quick ? 10 : 30));
        }
        String text = report.toString();
        commandroom.bench.HarnessOutput.emit(text, out);
        return text;
    }

    /** Decoding only, for the measured time after 3 s to settle: {process CPU in cores, decode counter/s per stream}. */
    private static double[] decodeOnly(List<String> urls, int[] box, long seconds, boolean wallOptions)
            throws InterruptedException {
        try (DecodeOnly plain = new DecodeOnly(wallOptions)) {
            plain.play(urls, box[0], box[1]);
            Thread.sleep(3000);
            long[] before = plain.decoded();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000);
            long[] after = plain.decoded();
            double wall = (System.nanoTime() - t0) / 1e9;
            double sum = 0;
            for (int k = 0; k < after.length; k++) {
                sum += (after[k] - before[k]) / wall;
            }
            return new double[] {(processCpuNanos() - cpu0) / 1e9 / wall, sum / after.length};
        }
    }

    /** The size a tile of the layout has in a 1920x1080 wall (what libVLC is asked for). */
    private static int[] tileBox(WallLayout l) {
        return new int[] {1920 / l.grid(), 1080 / l.grid()};
    }

    private static Figures measureWall(VideoRuntime runtime, Scenario s, List<String> urls, long seconds)
            throws Exception {
        AtomicLong pulses = new AtomicLong();
        long[] playAt = new long[urls.size()];
        long[] firstAt = new long[urls.size()];
        WallView wall = HeadlessWall.open(runtime, s.layout());
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
                List<VideoTile> tiles = wall.tiles();
                for (int k = 0; k < urls.size(); k++) {
                    if (firstAt[k] == 0 && tiles.get(k).framesDecoded() > 0) {
                        firstAt[k] = System.nanoTime();
                    }
                }
            }
        };
        HeadlessFx.run(() -> {
            counter.start();
            for (int k = 0; k < urls.size(); k++) {
                playAt[k] = System.nanoTime();
                wall.show(k, HeadlessWall.camera(k, urls.get(k)));
            }
        });
        Thread.sleep(4000);
        List<VideoTile> tiles = wall.tiles().subList(0, urls.size());
        long[] decoded0 = new long[tiles.size()];
        long[] presented0 = HeadlessFx.call(() -> tiles.stream().mapToLong(VideoTile::framesPresented).toArray());
        for (int k = 0; k < tiles.size(); k++) {
            decoded0[k] = tiles.get(k).framesDecoded();
        }
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long pulses0 = pulses.get();
        double worst = Double.MAX_VALUE;
        for (int sec = 0; sec < seconds; sec++) {
            long p = pulses.get();
            Thread.sleep(1000);
            worst = Math.min(worst, pulses.get() - p);
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9 / elapsed;
        long[] presented1 = HeadlessFx.call(() -> tiles.stream().mapToLong(VideoTile::framesPresented).toArray());
        double[] decodedFps = new double[tiles.size()];
        double[] presentedFps = new double[tiles.size()];
        for (int k = 0; k < tiles.size(); k++) {
            decodedFps[k] = (tiles.get(k).framesDecoded() - decoded0[k]) / elapsed;
            presentedFps[k] = (presented1[k] - presented0[k]) / elapsed;
        }
        double pulseRate = (pulses.get() - pulses0) / elapsed;
        long rss = rssMb();
        long[] first = new long[urls.size()];
        for (int k = 0; k < first.length; k++) {
            first[k] = firstAt[k] == 0 ? -1 : (firstAt[k] - playAt[k]) / 1_000_000;
        }
        HeadlessFx.run(counter::stop);
        HeadlessWall.close(wall);
        return new Figures(cpu, decodedFps, presentedFps, pulseRate, worst, rss, first);
    }

    /** Source → screen: the harness's own camera turns a block white or grey; when does the tile show it? */
    private static String latency(VideoRuntime runtime, int changes) throws Exception {
        List<Long> samples = new ArrayList<>();
        try (MarkerSource source = new MarkerSource()) {
            WallView wall = HeadlessWall.open(runtime, WallLayout.GRID_4);
            HeadlessFx.run(() -> wall.show(0, new WallCamera("marker", "时延", source.url(), source.url())));
            VideoTile tile = wall.tiles().get(0);
            boolean[] shownWhite = {false};
            long[] seenChange = {0};
            AnimationTimer watch = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    int argb = tile.pixelAt(0.125, 0.125);
                    boolean white = (argb >> 8 & 0xff) > 150;
                    if (white != shownWhite[0]) {
                        shownWhite[0] = white;
                        if (white == source.white() && seenChange[0] != source.changedAt()) {
                            seenChange[0] = source.changedAt();
                            synchronized (samples) {
                                samples.add((System.nanoTime() - source.changedAt()) / 1_000_000);
                            }
                        }
                    }
                }
            };
            HeadlessFx.run(watch::start);
            // The source changes once a second; a player slow to start under load (a full build beside
            // it) takes some of them. The loop ends as soon as it has its samples.
            long until = System.nanoTime() + (changes + 20) * 1_000_000_000L;
            while (System.nanoTime() < until) {
                Thread.sleep(200);
                synchronized (samples) {
                    if (samples.size() >= changes + 3) {
                        break;
                    }
                }
            }
            HeadlessFx.run(watch::stop);
            HeadlessWall.close(wall);
        }
        long[] ms;
        synchronized (samples) {
            // The first changes fall into the player's start; they are not a steady latency.
            ms = samples.stream().skip(Math.min(3, samples.size())).mapToLong(Long::longValue).toArray();
        }
        return String.format(Locale.ROOT, "Source → screen (the harness draws the picture; live encode ultrafast/zerolatency,"
                + " UDP, libVLC at 300 ms caching, copy into the tile, seen at the next pulse): %d changes, p50 %d ms,"
                + " p90 %d ms, max %d ms%n", ms.length, pct(ms, 0.5), pct(ms, 0.9), pct(ms, 1.0));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static long pct(long[] values, double p) {
        if (values.length == 0) {
            return -1;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }
}
