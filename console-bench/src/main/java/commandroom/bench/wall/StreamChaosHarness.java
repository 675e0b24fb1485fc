package commandroom.bench.wall;

import commandroom.bench.HarnessArgs;
import commandroom.bench.HarnessOutput;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Cameras killed and restored at random under the camera wall (issue 8): the console's wall runs
 * headless in a JVM of its own ({@link ChaosWall}, so a crash in libVLC is counted, not suffered)
 * with one tile per camera; each camera is a 704x576 clip pushed in a loop over UDP by its own
 * ffmpeg, through a {@link UdpRelay} that notes when a restarted camera's first datagram passed.
 * For the run's length, at random moments (seeded), one or more cameras are SIGKILLed, kept down
 * 1–20 s and started again; for each restore the harness measures from the source being back to
 * the tile showing LIVE and presenting new pictures. A camera is killed again only once its tile
 * is live. Prints markdown ({@code --out FILE} appends it) with the command that reruns it.
 *
 * <p>Options: {@code --tiles 16}, {@code --minutes 10} (or {@code --seconds N}), {@code --seed N}
 * (the draws; which cameras are up to be drawn depends on timing), {@code --max-down 20}.
 */
public final class StreamChaosHarness {

    /** What a run found; the report is what was printed. */
    public record Result(String report, int restores, long[] backToLiveMs, int overTarget, int neverLive,
                         int heldBack, int crashes, int exitStatus, int liveOrHeldAtEnd) {}

    static final long TARGET_MS = 5000;
    /** How long the end waits for every tile to show moving pictures before it counts them. */
    private static final long SETTLE_NANOS = 5_000_000_000L;
    private static final long MIN_DOWN_MS = 1000;
    /** A tile not live this long after its source is back never came back, as far as the run can tell. */
    private static final long GIVE_UP_NANOS = 60_000_000_000L;
    private static final long START_NANOS = 90_000_000_000L;

    private enum Phase { UP, DOWN, AWAITING, LOST }

    /** One kill and restore of camera {@code tile}; times are System.nanoTime, 0 until they happen. */
    private static final class Restore {
        final int tile;
        final long killedAt;
        final long downMs;
        long restartedAt;
        long backAt;
        long liveAt;
        long picturesAt;
        boolean interrupted;
        /** The paint budget held the tile back between the kill and live (it could not notice). */
        boolean held;

        Restore(int tile, long killedAt, long downMs) {
            this.tile = tile;
            this.killedAt = killedAt;
            this.downMs = downMs;
        }
    }

    private StreamChaosHarness() {}

    public static void main(String[] args) throws Exception {
        run(args);
        System.exit(0);
    }

    /** Runs the chaos, prints and (with --out) appends the report; answers the figures. */
    public static Result run(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int n = HarnessArgs.intAfter(a, "--tiles", 16);
        int minutes = HarnessArgs.intAfter(a, "--minutes", 10);
        long seconds = HarnessArgs.intAfter(a, "--seconds", minutes * 60);
        long maxDownMs = HarnessArgs.intAfter(a, "--max-down", 20) * 1000L;
        long seed = a.contains("--seed") ? Long.parseLong(a.get(a.indexOf("--seed") + 1)) : System.currentTimeMillis() % 100_000;
        Path out = HarnessOutput.outOf(args);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("stream-chaos");
        TileLog[] logs = new TileLog[n];
        UdpRelay[] relays = new UdpRelay[n];
        Phase[] phase = new Phase[n];
        Restore[] current = new Restore[n];
        List<Restore> restores = new ArrayList<>();
        List<String> crashes = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        List<Integer> pulses = new ArrayList<>();
        int exit;
        int allLive;
        int heldAtEnd;
        int events = 0;
        int mostAtOnce = 0;
        try (ClipPushers cameras = new ClipPushers()) {
            Path clip = cameras.clip(704, 576);
            List<String> urls = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int tilePort;
                try (DatagramSocket s = new DatagramSocket(0)) {
                    tilePort = s.getLocalPort();
                }
                logs[k] = new TileLog();
                relays[k] = new UdpRelay(tilePort);
                cameras.pushTo(clip, relays[k].cameraPort());
                urls.add("udp://@127.0.0.1:" + tilePort);
                phase[k] = Phase.UP;
            }
            int generation = 0;
            WallProcess wall = WallProcess.start(urls, logs, dir, generation);
            awaitAllLive(wall, logs);
            // Pulses while 16 players start are not the chaos's: count from the first all-live.
            int pulsesFrom = wall.pulses().size();
            rss.add(wall.rssMb());
            long now = System.nanoTime();
            long end = now + seconds * 1_000_000_000L;
            long nextEvent = now + gap(random);
            long nextRss = now + 10_000_000_000L;
            while (true) {
                now = System.nanoTime();
                if (!wall.alive()) {
                    crashes.add("exit status " + wall.exitStatus() + wall.crashLog().map(p -> ", " + p).orElse(", no hs_err log")
                            + ", wall's standard error in " + dir.resolve("wall-" + generation + ".log"));
                    pulses.addAll(from(wall.pulses(), pulsesFrom));
                    // The restores under way cannot be measured on a new wall: count them as interrupted.
                    for (int k = 0; k < n; k++) {
                        if (phase[k] == Phase.DOWN || phase[k] == Phase.AWAITING) {
                            current[k].interrupted = true;
                            cameras.restart(k);
                            phase[k] = Phase.UP;
                        }
                    }
                    wall = WallProcess.start(urls, logs, dir, ++generation);
                    awaitAllLive(wall, logs);
                    pulsesFrom = wall.pulses().size();
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    Restore r = current[k];
                    if (phase[k] == Phase.DOWN && now - r.killedAt >= r.downMs * 1_000_000L) {
                        relays[k].arm();
                        cameras.restart(k);
                        r.restartedAt = System.nanoTime();
                        phase[k] = Phase.AWAITING;
                    } else if (phase[k] == Phase.AWAITING) {
                        r.backAt = relays[k].firstAfterArm();
                        r.liveAt = r.backAt == 0 ? -1 : logs[k].liveAgainAfter(r.backAt);
                        if (r.liveAt > 0) {
                            r.picturesAt = logs[k].picturesAfter(r.backAt);
                            phase[k] = Phase.UP;
                        } else if (now - r.restartedAt > GIVE_UP_NANOS) {
                            phase[k] = Phase.LOST;
                        }
                    }
                }
                if (now < end && now >= nextEvent) {
                    List<Integer> up = new ArrayList<>();
                    for (int k = 0; k < n; k++) {
                        if (phase[k] == Phase.UP) {
                            up.add(k);
                        }
                    }
                    Collections.shuffle(up, random);
                    int count = Math.min(up.size(), howMany(random, up.size()));
                    long leftMs = (end - now) / 1_000_000;
                    if (leftMs >= MIN_DOWN_MS && count > 0) {
                        events++;
                        mostAtOnce = Math.max(mostAtOnce, count);
                        for (int k : up.subList(0, count)) {
                            long downMs = MIN_DOWN_MS + (long) (random.nextDouble() * (maxDownMs - MIN_DOWN_MS));
                            cameras.kill(k);
                            current[k] = new Restore(k, System.nanoTime(), Math.min(downMs, leftMs));
                            restores.add(current[k]);
                            phase[k] = Phase.DOWN;
                        }
                    }
                    nextEvent = now + gap(random);
                }
                if (now >= nextRss) {
                    rss.add(wall.rssMb());
                    nextRss = now + 10_000_000_000L;
                }
                boolean busy = Arrays.stream(phase).anyMatch(p -> p == Phase.DOWN || p == Phase.AWAITING);
                if (now >= end && !busy) {
                    break;
                }
                Thread.sleep(20);
            }
            rss.add(wall.rssMb());
            pulses.addAll(from(wall.pulses(), pulsesFrom));
            // Read before the wall is stopped (a stopping wall's tiles report their streams ending),
            // after at most SETTLE_NANOS for a picture that paused a moment as the loop ended.
            long settled = System.nanoTime() + SETTLE_NANOS;
            do {
                allLive = (int) Arrays.stream(logs).filter(TileLog::liveNow).count();
                heldAtEnd = (int) Arrays.stream(logs).filter(l -> !l.liveNow() && l.heldNow()).count();
                if (allLive + heldAtEnd == n) {
                    break;
                }
                Thread.sleep(100);
            } while (System.nanoTime() < settled);
            exit = wall.stop(30);
        } finally {
            for (UdpRelay relay : relays) {
                if (relay != null) {
                    relay.close();
                }
            }
        }
        long endedAt = System.nanoTime();
        for (Restore r : restores) {
            r.held = logs[r.tile].heldBetween(r.killedAt, r.liveAt > 0 ? r.liveAt : endedAt);
        }
        String text = report(args, n, seconds, maxDownMs, seed, load, restores, logs, phase, crashes, exit, rss, pulses,
                events, mostAtOnce, allLive, heldAtEnd);
        HarnessOutput.emit(text, out);
        List<Restore> measured = restores.stream().filter(r -> !r.interrupted && !r.held).toList();
        long[] ms = measured.stream().filter(r -> r.liveAt > 0).mapToLong(r -> (r.liveAt - r.backAt) / 1_000_000)
                .sorted().toArray();
        return new Result(text, restores.size(), ms, (int) Arrays.stream(ms).filter(v -> v > TARGET_MS).count(),
                measured.size() - ms.length, (int) restores.stream().filter(r -> r.held).count(), crashes.size(), exit,
                allLive + heldAtEnd);
    }

    /** Until the first wall shows every tile live with moving pictures; fails the run otherwise. */
    private static void awaitAllLive(WallProcess wall, TileLog[] logs) throws InterruptedException {
        long until = System.nanoTime() + START_NANOS;
        while (System.nanoTime() < until && wall.alive()) {
            if (wall.problem() != null) {
                throw new IllegalStateException("the wall cannot play: " + wall.problem());
            }
            if (wall.ready() && Arrays.stream(logs).allMatch(l -> l.liveNow() || l.heldNow())) {
                return;
            }
            Thread.sleep(100);
        }
        wall.kill();
        StringBuilder lines = new StringBuilder();
        for (int k = 0; k < logs.length; k++) {
            lines.append(String.format(Locale.ROOT, "%n  tile %d: live and moving %b, \"%s\"", k, logs[k].liveNow(),
                    logs[k].line()));
        }
        throw new IllegalStateException("the wall did not show every camera live within 90 s:" + lines);
    }

    private static List<Integer> from(List<Integer> all, int first) {
        return all.subList(Math.min(first, all.size()), all.size());
    }

    /** The pause before the next kill: 0.5–4.5 s. */
    private static long gap(Random random) {
        return 500_000_000L + (long) (random.nextDouble() * 4_000_000_000L);
    }

    /** Cameras killed at once: mostly one, sometimes two or three, now and then half the wall (a switch). */
    private static int howMany(Random random, int up) {
        double d = random.nextDouble();
        return d < 0.6 ? 1 : d < 0.85 ? 2 : d < 0.95 ? 3 : Math.max(4, up / 2);
    }

    private static String report(String[] args, int n, long seconds, long maxDownMs, long seed, double load,
                                 List<Restore> restores, TileLog[] logs, Phase[] phase, List<String> crashes, int exit,
                                 List<Long> rss, List<Integer> pulses, int events, int mostAtOnce, int allLive,
                                 int heldAtEnd) {
        List<Restore> measured = restores.stream().filter(r -> !r.interrupted && !r.held).toList();
        List<Restore> held = restores.stream().filter(r -> !r.interrupted && r.held).toList();
        List<Restore> done = measured.stream().filter(r -> r.liveAt > 0).toList();
        long[] live = done.stream().mapToLong(r -> (r.liveAt - r.backAt) / 1_000_000).sorted().toArray();
        long[] pictures = done.stream().filter(r -> r.picturesAt > 0)
                .mapToLong(r -> (r.picturesAt - r.backAt) / 1_000_000).sorted().toArray();
        long[] down = measured.stream().mapToLong(r -> r.downMs).sorted().toArray();
        long unnoticed = done.stream().filter(r -> !logs[r.tile].leftLive(r.killedAt, r.liveAt)).count();
        long over = Arrays.stream(live).filter(v -> v > TARGET_MS).count();
        List<String> rerun = new ArrayList<>(Arrays.asList(args));
        if (!rerun.contains("--seed")) {
            rerun.addAll(List.of("--seed", String.valueOf(seed)));
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "#### Stream chaos under the camera wall (%s)%n%d cores, load average %.2f at"
                + " the start; Java %s; the console's wall in a JVM of its own (Monocle headless, software pipeline,"
                + " 1920x1080, %d tiles); %d cameras, each a 704x576 H.264 clip (a keyframe a second) pushed in a loop"
                + " over UDP by its own ffmpeg; for %d s, every 0.5–4.5 s one to three cameras (now and then half the"
                + " wall) SIGKILLed, kept down %d–%d s, started again; seed %d. Back: the restarted camera's first"
                + " datagram; live: the first pulse at which the tile shows LIVE and presents new pictures.%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), load, System.getProperty("java.version"),
                HeadlessWall.gridFor(n).tiles(), n, seconds, MIN_DOWN_MS / 1000, maxDownMs / 1000, seed));
        b.append("Rerun: `./mvnw -q -B -o -pl console-bench compile exec:exec -Dexec.executable=java -Dexec.args=\"-cp %classpath ")
                .append(StreamChaosHarness.class.getName()).append(' ').append(String.join(" ", rerun)).append("\"`\n\n");
        b.append("| restores | back → live p50 ms | p95 ms | max ms | over 5 s | never live again | back → new pictures"
                + " p50 / p95 ms | outage never shown (short downs) | wall JVM crashes | wall exit status | tiles live at the end (held back)"
                + " | FX pulses/s mean (worst second), from the first all-live | wall RSS MB start → max → end |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        b.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d / %d | %d | %d | %d | %d of %d (%d) | %.1f (%d) | %d → %d → %d |%n",
                measured.size(), pct(live, 0.5), pct(live, 0.95), pct(live, 1.0), over, measured.size() - done.size(),
                pct(pictures, 0.5), pct(pictures, 0.95), unnoticed, crashes.size(), exit, allLive, n, heldAtEnd,
                pulses.stream().mapToInt(Integer::intValue).average().orElse(0),
                pulses.stream().mapToInt(Integer::intValue).min().orElse(0), rss.get(0),
                rss.stream().mapToLong(Long::longValue).max().orElse(-1), rss.get(rss.size() - 1)));
        b.append(String.format(Locale.ROOT, "%nKills: %d moments, %d cameras in all, up to %d at once; down p50 %d ms,"
                + " max %d ms. Restores interrupted by a wall crash: %d. Restores of a tile the paint budget held back"
                + " meanwhile (it neither decodes nor notices; not in the figures above): %d, of which live again %d,"
                + " back → live max %d ms.%n",
                events, restores.size(), mostAtOnce, pct(down, 0.5), pct(down, 1.0),
                restores.stream().filter(r -> r.interrupted).count(), held.size(),
                held.stream().filter(r -> r.liveAt > 0).count(),
                held.stream().filter(r -> r.liveAt > 0).mapToLong(r -> (r.liveAt - r.backAt) / 1_000_000).max().orElse(-1)));
        for (Restore r : measured) {
            if (r.liveAt <= 0 || r.liveAt - r.backAt > TARGET_MS * 1_000_000L) {
                b.append(String.format(Locale.ROOT, "- tile %d, down %d ms: %s; it shows \"%s\"%n", r.tile, r.downMs,
                        r.liveAt > 0 ? "live " + (r.liveAt - r.backAt) / 1_000_000 + " ms after its source was back"
                                : r.backAt > 0 ? "never live again (source back, " + phase[r.tile] + ")"
                                : "its source never sent again", logs[r.tile].line()));
            }
        }
        for (String c : crashes) {
            b.append("- wall JVM crashed: ").append(c).append('\n');
        }
        return b.toString();
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
    }
}
