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
 * wall and its baseline. One pusher can be killed and started again (the chaos harness). One owner thread.
 */
final class ClipPushers implements AutoCloseable {

    private final Path dir;
    private final List<Process> pushers = new ArrayList<>();
    private final List<Path> clips = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

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
            pushTo(clip, port);
            urls.add("udp://@127.0.0.1:" + port);
        }
        return urls;
    }

    /** Starts one pusher of the clip to a UDP port on 127.0.0.1; answers its index. */
    int pushTo(Path clip, int port) throws IOException {
        clips.add(clip);
        ports.add(port);
        pushers.add(launch(clip, port));
        return pushers.size() - 1;
    }

    /** Kills pusher i at once (SIGKILL), as a camera losing power. */
    void kill(int i) throws InterruptedException {
        Process p = pushers.get(i);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
    }

    /** Starts pusher i again, to the same port, from the start of its clip. */
    void restart(int i) throws IOException, InterruptedException {
        kill(i);
        pushers.set(i, launch(clips.get(i), ports.get(i)));
    }

    private static Process launch(Path clip, int port) throws IOException {
        return new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-re",
                "-stream_loop", "-1", "-i", clip.toString(), "-c", "copy", "-f", "mpegts",
                "udp://127.0.0.1:" + port + "?pkt_size=1316")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Stops the pushers started so far. */
    void stopAll() throws InterruptedException {
        for (Process p : pushers) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        pushers.clear();
        clips.clear();
        ports.clear();
    }

    @Override
    public void close() throws InterruptedException {
        stopAll();
    }
}
