package commandroom.bench.wall;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A camera whose picture the harness draws, for source → screen latency: 25 frames a second of
 * grey with a white block in the top-left quarter on every other second, written raw into ffmpeg,
 * encoded live (ultrafast, zero latency) and pushed over UDP. The harness knows when each block
 * turned white or grey, and sees when the tile shows it.
 */
final class MarkerSource implements AutoCloseable {

    static final int WIDTH = 704;
    static final int HEIGHT = 576;
    private static final long PERIOD_NANOS = 1_000_000_000L;

    private final Process ffmpeg;
    private final String url;
    private final Thread writer;
    private volatile boolean running = true;
    /** When the block last changed, and to which state. */
    private volatile long changedAt;
    private volatile boolean white;

    MarkerSource() throws IOException {
        int port;
        try (DatagramSocket s = new DatagramSocket(0)) {
            port = s.getLocalPort();
        }
        url = "udp://@127.0.0.1:" + port;
        ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "rawvideo",
                "-pix_fmt", "gray", "-s", WIDTH + "x" + HEIGHT, "-r", "25", "-i", "-", "-c:v", "libx264",
                "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-pix_fmt", "yuv420p", "-f", "mpegts",
                "-muxdelay", "0", "-muxpreload", "0", "udp://127.0.0.1:" + port + "?pkt_size=1316")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        writer = new Thread(this::write, "marker-source");
        writer.setDaemon(true);
        writer.start();
    }

    String url() {
        return url;
    }

    /** When the block last changed (System.nanoTime) and whether it is white now. */
    long changedAt() {
        return changedAt;
    }

    boolean white() {
        return white;
    }

    private void write() {
        byte[] grey = new byte[WIDTH * HEIGHT];
        Arrays.fill(grey, (byte) 60);
        byte[] marked = grey.clone();
        for (int y = 0; y < HEIGHT / 4; y++) {
            Arrays.fill(marked, y * WIDTH, y * WIDTH + WIDTH / 4, (byte) 235);
        }
        long start = System.nanoTime();
        boolean last = false;
        try (OutputStream out = ffmpeg.getOutputStream()) {
            for (long frame = 0; running; frame++) {
                long due = start + frame * 40_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                boolean on = ((System.nanoTime() - start) / PERIOD_NANOS) % 2 == 1;
                if (on != last) {
                    last = on;
                    white = on;
                    changedAt = System.nanoTime();
                }
                out.write(on ? marked : grey);
                out.flush();
            }
        } catch (IOException | InterruptedException ended) {
            // ffmpeg went away or the harness is done.
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(2000);
        ffmpeg.destroyForcibly();
        ffmpeg.waitFor(5, TimeUnit.SECONDS);
    }
}
