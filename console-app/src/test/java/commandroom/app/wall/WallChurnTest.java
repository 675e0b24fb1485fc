package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.testing.Waits;
import commandroom.app.ui.Theme;
import commandroom.sim.video.FfmpegStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Sixteen libVLC players started, swapped, enlarged and released five hundred times in random order,
 * as a duty officer rearranging the wall all shift: the JVM does not crash (the players' surfaces
 * and callbacks stay reachable until each player is stopped and released), the Java threads come
 * back to their number once the wall had started (no thread per player is left behind), and the
 * resident memory stays bounded.
 */
class WallChurnTest extends FxRobot {

    /** Five hundred in CI (a thousand took 87 s of it); the day-long churn is the soak harness's. */
    private static final int OPERATIONS = 500;

    @Test
    void sixteenPlayersChurnedFiveHundredTimesLeaveNoThreadsAndBoundedMemory() throws Exception {
        Path clip = Files.createTempDirectory("churn").resolve("clip.ts");
        FfmpegStream.writeClip(clip, "c-001", "人民路口", 352, 288, 4);
        String url = clip.toUri().toString();
        try (VideoRuntime runtime = VideoRuntime.start()) {
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupFixture(Theme::install);
            WallView[] wall = new WallView[1];
            FxToolkit.setupStage(stage -> {
                wall[0] = new WallView(runtime, WallLayout.GRID_16);
                stage.setScene(Theme.style(new Scene(wall[0], 1280, 720)));
                stage.show();
            });
            Random random = new Random(42);
            long rssWarm = 0;
            long rssMax = 0;
            long rssHalf = 0;
            // Counted once the wall has run a little: the runtime's control and health threads and the
            // toolkit's font disposer start with the first players and stay for the session.
            java.util.Set<String> namesBefore = null;
            int threadsBefore = 0;
            for (int op = 0; op < OPERATIONS; op++) {
                int kind = random.nextInt(10);
                int a = random.nextInt(16);
                int b = random.nextInt(16);
                WallCamera camera = new WallCamera("c-" + op, "摄像机 " + op, url, url);
                interact(() -> {
                    WallView w = wall[0];
                    int n = w.tiles().size();
                    if (kind < 5) {
                        w.show(a % n, camera);
                    } else if (kind < 7) {
                        WallCamera first = w.tiles().get(a % n).camera();
                        w.show(a % n, w.tiles().get(b % n).camera());
                        w.show(b % n, first);
                    } else if (kind < 8) {
                        w.setLayout(w.wallLayout() == WallLayout.GRID_16 ? WallLayout.GRID_1 : WallLayout.GRID_16);
                    } else {
                        w.show(a % n, null);
                    }
                });
                if (op % 25 == 24) {
                    // Let the control thread keep up, as a person's pace would.
                    runtime.awaitControl();
                    long rss = rssKb();
                    rssMax = Math.max(rssMax, rss);
                    if (op == 24) {
                        namesBefore = threadNames();
                        threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
                    }
                    if (op == 99) {
                        rssWarm = rss;
                    }
                    if (op == OPERATIONS / 2 - 1) {
                        rssHalf = rss;
                    }
                }
            }
            interact(() -> wall[0].close());
            runtime.awaitControl();
            long rssEnd = rssKb();
            int threadsAtStart = threadsBefore;
            try {
                Waits.until("threads back to " + threadsAtStart, Duration.ofSeconds(20),
                        () -> ManagementFactory.getThreadMXBean().getThreadCount() <= threadsAtStart);
            } catch (AssertionError e) {
                java.util.List<String> extra = new java.util.ArrayList<>(threadNames());
                extra.removeAll(namesBefore);
                throw new AssertionError("threads left: " + extra, e);
            }
            System.out.printf("wall churn: %d operations; RSS after 100 %d MB, after %d %d MB, max %d MB, at the end %d MB;"
                    + " threads %d before, %d after%n", OPERATIONS, rssWarm / 1024, OPERATIONS / 2, rssHalf / 1024,
                    rssMax / 1024, rssEnd / 1024, threadsBefore,
                    ManagementFactory.getThreadMXBean().getThreadCount());
            assertTrue(rssMax < rssWarm * 3 / 2, "RSS grew from " + rssWarm / 1024 + " MB to " + rssMax / 1024 + " MB");
        }
    }

    private static java.util.Set<String> threadNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
        return names;
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
