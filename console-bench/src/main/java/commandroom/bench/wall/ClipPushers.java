package commandroom.bench.wall;

import commandroom.sim.video.FfmpegStream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The harness's cameras: a short clip encoded once per size (704x576 sub-stream, 1920x1080 main
 * stream, 25 fps, a keyframe a second) and pushed in a loop over UDP by one ffmpeg per camera,
 * copying packets without encoding, so the cameras cost the machine little and the same for the
 * wall and its baseline.
 */
final class ClipPushers implements AutoCloseable {

    private final Path dir;
    private final List<Process> pushers = new ArrayList<>();

    ClipPushers() throws IOException {
        dir = Files.createTempDirectory("wall-clips");
    }

    /** The clip of a size, encoded on first use. */
    Path clip(int width, int height) throws IOException, InterruptedException {
        Path clip = dir.resolve(width + "x" + height + ".ts");
        if (!Files.exists(clip)) {
            FfmpegStream.writeClip(clip, "c-001", "基准 " + width + "x" + height, width, height, 6);
        }
        return clip;
    }

    /** Starts n pushers of the clip; answers the UDP addresses a player opens. */
    List<String> start(int n, Path clip) throws IOException {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int port;
            try (DatagramSocket s = new DatagramSocket(0)) {
                port = s.getLocalPort();
            }
            pushers.add(new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-re",
                    "-stream_loop", "-1", "-i", clip.toString(), "-c", "copy", "-f", "mpegts",
                    "udp://127.0.0.1:" + port + "?pkt_size=1316")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            urls.add("udp://@127.0.0.1:" + port);
        }
        return urls;
    }

    /** Stops the pushers started so far. */
    void stopAll() throws InterruptedException {
        for (Process p : pushers) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        pushers.clear();
    }

    @Override
    public void close() throws InterruptedException {
        stopAll();
    }
}
