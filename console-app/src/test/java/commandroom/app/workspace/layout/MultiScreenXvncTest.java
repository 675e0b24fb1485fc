package commandroom.app.workspace.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workstation's windows on a real X server with 2 and with 4 monitors (TigerVNC's Xvnc, one
 * RandR output per monitor): each window lands on the screen its layout gives it, comes back there
 * when the console starts again, and a window whose monitor was unplugged comes back on the
 * primary. Each console start is a fresh JVM running {@link MultiScreenProbe} on the GTK toolkit
 * with software rendering; where a window is, is checked both as JavaFX reads it back and in the
 * X server's own pixels.
 *
 * <p>Needs {@code Xvnc} and GTK 3 ({@code .ci/xvnc-packages}); fails, not skips, without them.
 */
class MultiScreenXvncTest {

    private static final String USER = "所长-chief";
    private static final String ROLE = "STATION_CHIEF";
    private static final long RUN_TIMEOUT_MS = 40_000;

    @TempDir
    Path work;
    private int starts;

    @Test
    void onTwoScreensTheChiefsWindowsLandOnTheirScreensComeBackAndSurviveAnUnpluggedScreen() throws Exception {
        Output left = new Output(0, 0, 1920, 1080);
        Output right = new Output(1920, 0, 1920, 1080);

        try (XvncServer x = XvncServer.start(List.of(left, right))) {
            try (Run first = runConsole(x)) {
                assertEquals(List.of(rect(left), rect(right)), first.screens, "JavaFX sees both monitors");
                assertEquals(2, first.windows.size(), "one window per screen: " + first.windows);
                first.assertWindow("window-1", List.of("board"), left, rect(left), true);
                first.assertWindow("window-2", List.of("review", "stats", "disputes", "keypersons", "registry"), right, rect(right), true);
                first.assertPixels(x);
            }

            // The chief had un-maximized the review window and put it near the top-left of the right screen.
            ScreenRect moved = new ScreenRect(2120, 100, 800, 600);
            LayoutStore store = new LayoutStore(layouts());
            WorkspaceLayout saved = store.load(USER).orElseThrow();
            List<WindowLayout> windows = new ArrayList<>(saved.windows());
            WindowLayout review = windows.get(1);
            windows.set(1, new WindowLayout(review.windowId(), review.panels(), review.screen(), moved, false));
            assertTrue(store.save(USER, new WorkspaceLayout(windows, Map.of("zone", "城关"))));

            try (Run again = runConsole(x)) {
                again.assertWindow("window-1", List.of("board"), left, rect(left), true);
                again.assertWindow("window-2", List.of("review", "stats", "disputes", "keypersons", "registry"), right, moved, false);
                again.assertPixels(x);
                again.assertNothingAt(x, 3800, 1000); // the right screen outside the smaller window
            }
            assertEquals(Map.of("zone", "城关"), store.load(USER).orElseThrow().boardFilter(), "filter kept");
        }

        try (XvncServer x = XvncServer.start(List.of(left))) {
            try (Run unplugged = runConsole(x)) {
                assertEquals(List.of(rect(left)), unplugged.screens);
                assertEquals(1, unplugged.windows.size(), "one screen, one window: " + unplugged.windows);
                unplugged.assertWindow("window-1", List.of("board", "review", "stats", "disputes", "keypersons", "registry"), left, rect(left), true);
                unplugged.assertPixels(x);
            }
        }
    }

    @Test
    void onFourScreensTheChiefsWindowsLandOnTheirScreensComeBackAndSurviveAnUnpluggedScreen() throws Exception {
        Output topLeft = new Output(0, 0, 1280, 720);
        Output topRight = new Output(1280, 0, 1280, 720);
        Output bottomLeft = new Output(0, 720, 1280, 720);
        Output bottomRight = new Output(1280, 720, 1280, 720);

        try (XvncServer x = XvncServer.start(List.of(topLeft, topRight, bottomLeft, bottomRight))) {
            Map<String, Seen> before;
            try (Run first = runConsole(x)) {
                assertEquals(List.of(rect(topLeft), rect(topRight), rect(bottomLeft), rect(bottomRight)),
                        first.screens, "JavaFX sees four monitors");
                assertEquals(3, first.windows.size(), "board, review, stats on three screens: " + first.windows);
                first.assertWindow("window-1", List.of("board"), topLeft, rect(topLeft), true);
                first.assertWindow("window-2", List.of("review"), topRight, rect(topRight), true);
                first.assertWindow("window-3", List.of("stats", "disputes", "keypersons", "registry"), bottomLeft, rect(bottomLeft), true);
                first.assertPixels(x);
                first.assertNoWindowOn(x, bottomRight);
                before = first.windows;
            }
            try (Run again = runConsole(x)) {
                assertEquals(before, again.windows, "every window comes back where it was");
                again.assertPixels(x);
            }
        }

        // The bottom-left monitor (statistics) is unplugged; the others stay where they are.
        try (XvncServer x = XvncServer.start(List.of(topLeft, topRight, bottomRight))) {
            try (Run unplugged = runConsole(x)) {
                assertEquals(2, unplugged.windows.size(), unplugged.windows.toString());
                unplugged.assertWindow("window-1", List.of("board", "stats", "disputes", "keypersons", "registry"), topLeft, rect(topLeft), true);
                unplugged.assertWindow("window-2", List.of("review"), topRight, rect(topRight), true);
                unplugged.assertPixels(x);
                unplugged.assertNoWindowOn(x, bottomRight);
            }
        }
    }

    /** What one console start reported. */
    private record Seen(List<String> panels, ScreenRect screen, ScreenRect bounds, boolean maximized, int colour) {}

    /** One console start: what it reported; closing it closes the console's windows. */
    private static final class Run implements AutoCloseable {
        final Process probe;
        final List<ScreenRect> screens = new ArrayList<>();
        final Map<String, Seen> windows = new LinkedHashMap<>();
        String transcript = "";

        Run(Process probe) {
            this.probe = probe;
        }

        @Override
        public void close() throws IOException {
            probe.getOutputStream().close(); // end of input: the probe closes its windows and exits
            try {
                if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                    probe.destroyForcibly();
                    fail("the probe console did not exit when told");
                }
            } catch (InterruptedException e) {
                probe.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        void assertWindow(String id, List<String> panels, Output screen, ScreenRect bounds, boolean maximized) {
            Seen seen = windows.get(id);
            if (seen == null) {
                fail("no window " + id + " in\n" + transcript);
            }
            assertEquals(panels, seen.panels, id + " panels");
            assertEquals(rect(screen), seen.screen, id + " is on the wrong screen");
            assertEquals(bounds, seen.bounds, id + " bounds");
            assertEquals(maximized, seen.maximized, id + " maximized");
        }

        /** The X server shows each window's colour in the middle of its bounds. */
        void assertPixels(XvncServer x) throws Exception {
            List<int[]> points = new ArrayList<>();
            List<Integer> expected = new ArrayList<>();
            windows.values().forEach(w -> {
                points.add(new int[] {(int) (w.bounds.x() + w.bounds.width() / 2), (int) (w.bounds.y() + w.bounds.height() / 2)});
                expected.add(w.colour);
            });
            assertEquals(hex(expected), hex(awaitColours(x, points, expected)), "colours on the X server at window centres");
        }

        /** Nothing of ours is painted in the middle of {@code screen}. */
        void assertNoWindowOn(XvncServer x, Output screen) throws Exception {
            assertNothingAt(x, screen.x() + screen.width() / 2, screen.y() + screen.height() / 2);
        }

        void assertNothingAt(XvncServer x, int px, int py) throws Exception {
            int colour = x.colorsAt(List.<int[]>of(new int[] {px, py})).get(0);
            assertTrue(windows.values().stream().noneMatch(w -> w.colour == colour),
                    "a window is painted at " + px + "," + py + ": " + hex(List.of(colour)));
        }
    }

    /** Frames are painted asynchronously (software rendering, 2 cores): poll until they show. */
    private static List<Integer> awaitColours(XvncServer x, List<int[]> points, List<Integer> expected)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Integer> got;
        do {
            got = x.colorsAt(points);
            if (got.equals(expected)) {
                return got;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return got;
    }

    /** Starts the probe console in its own JVM on this X server; it stays open while the caller looks. */
    private Run runConsole(XvncServer x) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path stderr = work.resolve("probe-" + ++starts + ".err");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", classPath,
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-Dprism.order=sw", "-Dglass.platform=gtk", "-Dfile.encoding=UTF-8",
                MultiScreenProbe.class.getName(), "--layouts", layouts().toString(), "--user", USER, "--role", ROLE)
                .redirectError(stderr.toFile());
        builder.environment().put("DISPLAY", x.displayName());
        builder.environment().put("GDK_BACKEND", "x11");
        builder.environment().put("NO_AT_BRIDGE", "1");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process probe = builder.start();
        Run run = new Run(probe);
        try {
            read(run, x, stderr);
            return run;
        } catch (Throwable t) {
            probe.destroyForcibly();
            throw t;
        }
    }

    /** Reads the probe's report up to SAVED; fails with everything known if it does not come. */
    private static void read(Run run, XvncServer x, Path stderr) throws Exception {
        Process probe = run.probe;
        Thread watchdog = new Thread(() -> {
            try {
                if (!probe.waitFor(RUN_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    probe.destroyForcibly();
                }
            } catch (InterruptedException ignored) {
                // The run was closed first.
            }
        }, "probe-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder transcript = new StringBuilder();
        boolean saved = false;
        String line;
        while (!saved && (line = out.readLine()) != null) {
            transcript.append(line).append('\n');
            String[] f = line.split(" ");
            switch (f[0]) {
                case "SCREEN" -> run.screens.add(ScreenRect.parse(f[2]));
                case "WINDOW" -> run.windows.put(f[1], new Seen(List.of(f[2].split(",")), ScreenRect.parse(f[3]),
                        ScreenRect.parse(f[4]), Boolean.parseBoolean(f[5]), Integer.parseInt(f[6], 16)));
                case "SAVED" -> saved = true;
                default -> { }
            }
        }
        run.transcript = transcript.toString();
        if (!saved || !line(transcript, "SAVED true")) {
            probe.waitFor(5, TimeUnit.SECONDS);
            fail("the probe console did not report a saved layout (alive: " + probe.isAlive() + ")\nstdout:\n"
                    + transcript + "stderr:\n" + Files.readString(stderr) + "\nXvnc log:\n" + x.logTail());
        }
    }

    private Path layouts() {
        return work.resolve("layouts");
    }

    private static boolean line(CharSequence text, String line) {
        return ("\n" + text).contains("\n" + line + "\n");
    }

    private static ScreenRect rect(Output o) {
        return new ScreenRect(o.x(), o.y(), o.width(), o.height());
    }

    private static List<String> hex(List<Integer> colours) {
        return colours.stream().map(c -> String.format("%06X", c)).toList();
    }
}
