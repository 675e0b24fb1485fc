package commandroom.app.workspace.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import commandroom.app.testing.xvnc.XvncServer;
import commandroom.app.testing.xvnc.XvncServer.Output;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The real console (Launcher, embedded hub, the chief's workstation) on a real X server with two
 * screens: each window lands on its screen, comes back there after a restart, and when a screen is
 * unplugged its panels come back on the one that is left.
 */
class RealConsoleXvncTest {

    private static final Output LEFT = new Output(0, 0, 1280, 720);
    private static final Output RIGHT = new Output(1280, 0, 1280, 720);

    @Test
    void chiefsWindowsLandOnTheirScreensAndComeBackAfterRestartAndUnplug() throws Exception {
        Path home = Files.createTempDirectory("real-console");
        Path layouts = home.resolve("config/commandroom/layouts");
        try (XvncServer x = XvncServer.start(List.of(LEFT, RIGHT))) {
            run(x, home);
            WorkspaceLayout first = new LayoutStore(layouts).load("chief1").orElseThrow();
            assertEquals(2, first.windows().size(), "one window per screen: " + first);
            WindowLayout board = window(first, Panels.BOARD);
            WindowLayout review = window(first, Panels.REVIEW);
            assertEquals(rect(LEFT), board.screen(), "the board on the primary");
            assertEquals(rect(RIGHT), review.screen(), "review and statistics on the second screen");
            assertTrue(review.panels().contains(Panels.STATS));

            run(x, home);
            WorkspaceLayout again = new LayoutStore(layouts).load("chief1").orElseThrow();
            assertEquals(first.windows().stream().map(WindowLayout::screen).toList(),
                    again.windows().stream().map(WindowLayout::screen).toList(), "the same screens after a restart");

            x.setOutputs(List.of(LEFT));
            run(x, home);
            WorkspaceLayout unplugged = new LayoutStore(layouts).load("chief1").orElseThrow();
            assertTrue(unplugged.windows().stream().allMatch(w -> w.screen().equals(rect(LEFT))),
                    "everything on the screen that is left: " + unplugged);
            assertTrue(unplugged.windows().stream().flatMap(w -> w.panels().stream()).toList()
                    .containsAll(List.of(Panels.BOARD, Panels.REVIEW, Panels.STATS)), "no panel lost");
        }
    }

    @Test
    void onFourScreensEachOfTheChiefsPanelsGetsItsOwnScreenAndKeepsIt() throws Exception {
        Path home = Files.createTempDirectory("real-console-4");
        Path layouts = home.resolve("config/commandroom/layouts");
        List<Output> four = List.of(new Output(0, 0, 960, 540), new Output(960, 0, 960, 540),
                new Output(0, 540, 960, 540), new Output(960, 540, 960, 540));
        try (XvncServer x = XvncServer.start(four)) {
            run(x, home, "--no-history");
            WorkspaceLayout first = new LayoutStore(layouts).load("chief1").orElseThrow();
            assertEquals(rect(four.get(0)), window(first, Panels.BOARD).screen());
            assertEquals(rect(four.get(1)), window(first, Panels.REVIEW).screen());
            assertEquals(rect(four.get(2)), window(first, Panels.STATS).screen());
            run(x, home, "--no-history");
            WorkspaceLayout again = new LayoutStore(layouts).load("chief1").orElseThrow();
            for (String panel : List.of(Panels.BOARD, Panels.REVIEW, Panels.STATS)) {
                assertEquals(window(first, panel).screen(), window(again, panel).screen(), panel + " kept its screen");
            }
        }
    }

    /** Starts the console as a user would, waits until it paints, stops it as a service stop would. */
    private static void run(XvncServer x, Path home, String... more) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-Dprism.order=sw",
                "-Dglass.platform=gtk", "-Djava.awt.headless=true", "-cp", cp, "commandroom.app.Launcher", "--user",
                "chief1", "--data", home.resolve("data").toString(), "--port", "0"));
        command.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().put("DISPLAY", x.displayName());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.environment().remove("APPDATA");
        long started = System.currentTimeMillis();
        Process p = pb.start();
        // A console that never says it is ready must fail the test, not hang it: its output is read
        // until then, and a read blocks. (The first start writes the station's history first.)
        Thread watchdog = new Thread(() -> {
            try {
                if (!p.waitFor(240, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "console-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            boolean ready = false;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("console ready")) {
                    ready = true;
                    break;
                }
            }
            if (!ready) {
                p.waitFor(10, TimeUnit.SECONDS);
                List<String> log = Files.readAllLines(home.resolve("console.log"), StandardCharsets.UTF_8);
                fail("the console did not start (exit " + (p.isAlive() ? "none yet" : p.exitValue()) + "); its log ends:\n"
                        + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())));
            }
            waitForPaint(x);
            waitForLayoutSaved(home, started);
        } finally {
            watchdog.interrupt();
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the console stopped on SIGTERM");
        }
    }

    /** The primary screen's centre turns from the empty root to the console's dark background. */
    private static void waitForPaint(XvncServer x) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int centre = 0;
        while (System.nanoTime() < end) {
            centre = x.colorsAt(List.<int[]>of(new int[] {200, 200})).get(0);
            if (centre != 0) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        assertNotEquals(0, centre, "the console painted the primary screen");
    }

    /** The console saves its layout once its windows settle; stopping before that would test nothing. */
    private static void waitForLayoutSaved(Path home, long since) {
        Path file = new LayoutStore(home.resolve("config/commandroom/layouts")).fileOf("chief1");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(file) && file.toFile().lastModified() >= since)) {
            assertTrue(System.nanoTime() < end, "the console saved its layout");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private static WindowLayout window(WorkspaceLayout l, String panel) {
        return l.windows().stream().filter(w -> w.panels().contains(panel)).findFirst().orElseThrow();
    }

    private static ScreenRect rect(Output o) {
        return new ScreenRect(o.x(), o.y(), o.width(), o.height());
    }
}
