package commandroom.app.testing.xvnc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real X server with several monitors, for tests: TigerVNC's {@code Xvnc} on a free display,
 * with one RandR output per {@link Output} (JavaFX then sees one {@code Screen} per output).
 *
 * <p>Xvfb shows JavaFX a single screen whatever its options; Xvnc creates RandR outputs when a VNC
 * client asks for a multi-screen desktop. So {@link #start} launches {@code Xvnc :N} with no TCP
 * listener, the VNC protocol on a private unix socket and no authentication, waits until it
 * reports itself ready ({@code -displayfd 1}), then sends the screens through that socket as an
 * RFB {@code SetDesktopSize} message ({@link RfbClient}) and waits for the server to accept them.
 * {@link #colorsAt} reads back what the X server shows, through the same socket.
 *
 * <p>If {@code Xvnc} is not installed this fails with how to install it (Debian package
 * {@code tigervnc-standalone-server}, listed in {@code .ci/xvnc-packages}): a test that needs a
 * real X server fails rather than being skipped. Not thread-safe; one test thread.
 */
public final class XvncServer implements AutoCloseable {

    /** One monitor: its place in the X screen, in pixels. */
    public record Output(int x, int y, int width, int height) {}

    private static final long START_TIMEOUT_MS = 20_000;

    private final Process process;
    private final int display;
    private final Path dir;

    private XvncServer(Process process, int display, Path dir) {
        this.process = process;
        this.display = display;
        this.dir = dir;
    }

    /**
     * Starts Xvnc on a free display, sized to hold all {@code outputs}, and gives it those outputs
     * (in that order: the first is the one the desktop reports first).
     */
    public static XvncServer start(List<Output> outputs) throws IOException, InterruptedException {
        int width = outputs.stream().mapToInt(o -> o.x() + o.width()).max().orElseThrow();
        int height = outputs.stream().mapToInt(o -> o.y() + o.height()).max().orElseThrow();
        XvncServer server = startBlank(width, height);
        try {
            server.setOutputs(outputs);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Starts Xvnc with a single {@code width x height} output. */
    public static XvncServer startBlank(int width, int height) throws IOException, InterruptedException {
        String binary = findXvnc();
        Path dir = Files.createTempDirectory("xvnc-");
        int first = 40 + ThreadLocalRandom.current().nextInt(400);
        IOException last = null;
        for (int display = first; display < first + 20; display++) {
            if (Files.exists(Path.of("/tmp/.X" + display + "-lock"))
                    || Files.exists(Path.of("/tmp/.X11-unix/X" + display))) {
                continue;
            }
            try {
                return launch(binary, display, width, height, dir);
            } catch (IOException e) {
                last = e; // Most likely taken by another X server since we looked: try the next.
            }
        }
        deleteTree(dir);
        throw new IOException("Xvnc did not start on any of displays :" + first + "..:" + (first + 19), last);
    }

    private static XvncServer launch(String binary, int display, int width, int height, Path dir)
            throws IOException, InterruptedException {
        Path log = dir.resolve("xvnc-" + display + ".log");
        Process process = new ProcessBuilder(binary, ":" + display, "-displayfd", "1",
                "-geometry", width + "x" + height, "-depth", "24",
                "-SecurityTypes", "None", "-rfbport", "-1", "-rfbunixpath", socketOf(dir, display).toString(),
                "-nolisten", "tcp", "-desktop", "commandroom-test")
                .redirectError(log.toFile())
                .start();
        process.getOutputStream().close();
        // With -displayfd the server prints its display number once it accepts X clients.
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "xvnc-displayfd"));
        try {
            Future<String> line = reader.submit(() -> new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)).readLine());
            String ready = line.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (ready == null || !ready.trim().equals(Integer.toString(display))) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                throw new IOException("Xvnc :" + display + " did not become ready (printed " + ready + "): "
                        + tail(log));
            }
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("Xvnc :" + display + " not ready after " + START_TIMEOUT_MS + " ms: " + tail(log));
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new IOException("Xvnc :" + display + " output unreadable", e.getCause());
        } finally {
            reader.shutdownNow();
        }
        return new XvncServer(process, display, dir);
    }

    /** Changes the monitors; the X server's size becomes their bounding box. */
    public void setOutputs(List<Output> outputs) throws IOException, InterruptedException {
        requireRunning();
        try {
            RfbClient.setScreens(socketOf(dir, display), outputs);
        } catch (IOException e) {
            throw new IOException("Xvnc " + displayName() + " did not take screens " + outputs + ": " + e.getMessage()
                    + "\nXvnc log:\n" + logTail(), e);
        }
    }

    /**
     * The colours (0xRRGGBB) the X server shows at these points, each {x, y}: what is really on
     * the monitors, independent of what any X client believes.
     */
    public List<Integer> colorsAt(List<int[]> points) throws IOException, InterruptedException {
        requireRunning();
        return RfbClient.colorsAt(socketOf(dir, display), points);
    }

    /** For {@code DISPLAY}: ":N". */
    public String displayName() {
        return ":" + display;
    }

    /** The last lines Xvnc logged, for failure messages. */
    public String logTail() {
        return tail(dir.resolve("xvnc-" + display + ".log"));
    }

    private void requireRunning() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Xvnc " + displayName() + " exited with " + process.exitValue()
                    + ": " + logTail());
        }
    }

    /** Stops the server and removes its files. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    private static Path socketOf(Path dir, int display) {
        return dir.resolve("rfb-" + display + ".sock");
    }

    private static String findXvnc() {
        for (String name : List.of("Xvnc", "Xtigervnc")) {
            for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
                Path candidate = Path.of(entry.isEmpty() ? "." : entry, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new IllegalStateException("Xvnc (TigerVNC) is not installed, and this test needs a real X server "
                + "with several screens. Install it: apt-get install -y tigervnc-standalone-server libgtk-3-0 "
                + "(the packages are listed in .ci/xvnc-packages)");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
