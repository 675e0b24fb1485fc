package commandroom.sim.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One simulated camera stream: an ffmpeg process that encodes the camera's {@link TestPattern}
 * live (H.264, 25 fps, a keyframe every second) as MPEG-TS, sent over UDP to 127.0.0.1 where a wall
 * tile listens, or served over HTTP to one player at a time. It can be killed (SIGKILL, as a camera losing power) and started
 * again on the same address. Not thread-safe: one owner.
 *
 * <p>ffmpeg runs under a small shell that waits on a pipe from this JVM and kills ffmpeg when the
 * pipe closes: a JVM that dies, even by SIGKILL, leaves no encoder running behind it.
 */
public final class FfmpegStream implements AutoCloseable {

    private static final String FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    /** How the stream reaches a player: pushed over UDP, or served to one HTTP client at a time. */
    public enum Transport { UDP, HTTP }

    private final String cameraId;
    private final int port;
    private final Transport transport;
    private final int width;
    private final int height;
    private final Path nameFile;
    private Process process;

    /** A stream of the camera to udp://127.0.0.1:port, not started yet. */
    public FfmpegStream(String cameraId, String name, int port, int width, int height) {
        this(cameraId, name, port, width, height, Transport.UDP);
    }

    /** A stream of the camera over UDP or HTTP on 127.0.0.1:port, not started yet. */
    public FfmpegStream(String cameraId, String name, int port, int width, int height, Transport transport) {
        this.cameraId = cameraId;
        this.port = port;
        this.transport = transport;
        this.width = width;
        this.height = height;
        try {
            nameFile = Files.createTempFile("camera-name", ".txt");
            Files.writeString(nameFile, name + "  " + cameraId, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an ffmpeg binary is on the PATH (without one, {@link JavacvStream} stands in). */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "ffmpeg"))) {
                return true;
            }
        }
        return false;
    }

    /** The address a player opens. */
    public String url() {
        return transport == Transport.UDP ? "udp://@127.0.0.1:" + port : "http://127.0.0.1:" + port + "/live.ts";
    }

    /** Starts the encoder (ending the one before, and its watchdog, if any). */
    public FfmpegStream start() {
        kill();
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "ffmpeg \"$@\" & f=$!; read x; kill -9 $f", "sh",
                "-hide_banner", "-loglevel", "error", "-nostdin",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25",
                "-vf", TestPattern.filter(cameraId, nameFile, Files.exists(Path.of(FONT)) ? FONT : null, width, height),
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-pix_fmt", "yuv420p",
                "-f", "mpegts", "-muxdelay", "0", "-muxpreload", "0"));
        if (transport == Transport.UDP) {
            cmd.add("udp://127.0.0.1:" + port + "?pkt_size=1316");
        } else {
            // ffmpeg's own HTTP server: it waits for one player, then streams to it.
            cmd.addAll(List.of("-listen", "1", "http://127.0.0.1:" + port + "/live.ts"));
        }
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("sh could not be started", e);
        }
        return this;
    }

    /** The ffmpeg process under the watchdog shell, once it is there. */
    private java.util.Optional<ProcessHandle> encoder() {
        if (process == null) {
            return java.util.Optional.empty();
        }
        long until = System.nanoTime() + 2_000_000_000L;
        while (process.isAlive() && System.nanoTime() < until) {
            java.util.Optional<ProcessHandle> child = process.children().findFirst();
            if (child.isPresent()) {
                return child;
            }
            try {
                Thread.sleep(10); // the shell starts ffmpeg within a few milliseconds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Writes a short MPEG-TS file of a camera's pattern, encoded as cameras encode (for tests and
     * harnesses that need many players of one source, which UDP on one port cannot give). Blocks
     * until ffmpeg is done.
     */
    public static void writeClip(Path file, String cameraId, String name, int width, int height, int seconds)
            throws IOException, InterruptedException {
        try (FfmpegStream s = new FfmpegStream(cameraId, name, 0, width, height)) {
            List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25:duration=" + seconds,
                    "-vf", TestPattern.filter(cameraId, s.nameFile, Files.exists(Path.of(FONT)) ? FONT : null, width, height),
                    // Encoded once, so as cameras encode (main profile, CABAC, deblocking on), not as a
                    // live ultrafast encode (which turns deblocking off and is cheaper to decode).
                    "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-g", "25", "-pix_fmt", "yuv420p",
                    "-f", "mpegts",
                    file.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("ffmpeg could not write " + file);
            }
        }
    }

    /** The ffmpeg encoder's process id, or -1 when it is not running. */
    public long pid() {
        return encoder().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).orElse(-1L);
    }

    /** Kills the encoder at once (SIGKILL), as a camera losing power, and its watchdog. */
    public void kill() {
        if (process != null) {
            encoder().ifPresent(ProcessHandle::destroyForcibly);
            Processes.killNow(process);
        }
    }

    @Override
    public void close() {
        kill();
        Processes.deleteQuietly(nameFile);
    }
}
