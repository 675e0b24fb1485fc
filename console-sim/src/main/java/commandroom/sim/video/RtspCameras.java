package commandroom.sim.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulated cameras served over RTSP by a real RTSP server: gst-rtsp-server, driven by a small
 * Python script (Debian: python3-gi, gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-ugly,
 * gstreamer1.0-x). Each camera shows its {@link TestPattern} colour, name and clock at
 * rtsp://127.0.0.1:port/id. The server exits when this JVM does (it watches a pipe from us), and
 * can be killed and started again on the same port. Not thread-safe: one owner.
 */
public final class RtspCameras implements AutoCloseable {

    /** One camera to serve. */
    public record Camera(String id, String name, int width, int height) {}

    private final int port;
    private final List<Camera> cameras;
    private final Path script;
    private Process process;

    public RtspCameras(int port, List<Camera> cameras) {
        this.port = port;
        this.cameras = List.copyOf(cameras);
        try (InputStream in = RtspCameras.class.getResourceAsStream("rtsp_cameras.py")) {
            script = Files.createTempFile("rtsp_cameras", ".py");
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address of a camera's stream. */
    public String url(String cameraId) {
        return "rtsp://127.0.0.1:" + port + "/" + cameraId;
    }

    /** Starts the server and waits until it listens; throws with what to install if it cannot. */
    public RtspCameras start() throws IOException {
        // Debian's own Python has the GStreamer bindings; one on PATH (pyenv, venv) may not.
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), Integer.toString(port)));
        for (Camera c : cameras) {
            cmd.add(String.format("%s:%06X:%d:%d:%s", c.id(), TestPattern.colourOf(c.id()), c.width(), c.height(),
                    c.name() + "  " + c.id()));
        }
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (!"ready".equals(first)) {
            process.destroyForcibly();
            throw new IOException("the RTSP server did not start (" + first + "); apt-get install python3-gi "
                    + "gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-ugly gstreamer1.0-plugins-good gstreamer1.0-x");
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // GStreamer's warnings; nobody reads them, but the pipe must not fill up.
                }
            } catch (IOException ended) {
                // The server is gone.
            }
        }, "rtsp-cameras-output");
        drain.setDaemon(true);
        drain.start();
        return this;
    }

    /** The server's process id, or -1 when it is not running. */
    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /** Kills the server at once (SIGKILL): every camera it serves goes dark. */
    public void kill() {
        Processes.killNow(process);
    }

    @Override
    public void close() {
        kill();
        Processes.deleteQuietly(script);
    }
}
