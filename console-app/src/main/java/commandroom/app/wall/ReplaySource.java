package commandroom.app.wall;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a clip file into a tile's picture at the clip's own pace, or twice as fast, with pause and
 * seek: the tile's replay and a kept clip's playback. One thread decodes (FFmpeg, scaled to the
 * tile's size) and waits between frames by their timestamps; a seek restarts the pacing from the
 * new place. At the end the last picture stays and the position says so. The play(url) of
 * {@link VideoSource} opens a file path.
 */
final class ReplaySource implements VideoSource {

    private static final Logger LOG = LoggerFactory.getLogger(ReplaySource.class);

    private final FramePool pool;
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private final long durationMillis;
    private volatile TileFrame frame;
    private volatile boolean paused;
    private volatile double rate = 1;
    /** Where a seek was asked for (ms from the clip's start), or -1. */
    private volatile long seekTo = -1;
    private volatile long positionMillis;
    private volatile boolean ended;
    /** When the first picture was shown (System.nanoTime), 0 before. */
    private volatile long firstPictureNanos;

    ReplaySource(FramePool pool, long durationMillis) {
        this.pool = pool;
        this.durationMillis = durationMillis;
    }

    @Override
    public String decoder() {
        return "FFmpeg";
    }

    @Override
    public void play(String file, int boxWidth, int boxHeight) {
        long mine = generation.incrementAndGet();
        Thread t = new Thread(() -> run(mine, file, boxWidth, boxHeight), "wall-replay");
        t.setDaemon(true);
        t.start();
    }

    private void run(long mine, String file, int boxWidth, int boxHeight) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(Path.of(file).toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGRA);
            grabber.start();
            int[] size = FfmpegVideoSource.fitInto(grabber, boxWidth, boxHeight);
            int w = size[0];
            int h = size[1];
            long originMicros = -1;
            long anchorNanos = 0;
            long anchorMicros = 0;
            double anchorRate = rate;
            while (generation.get() == mine) {
                long seek = seekTo;
                if (seek >= 0) {
                    seekTo = -1;
                    ended = false;
                    grabber.setTimestamp(Math.max(0, originMicros) + seek * 1000, true);
                    anchorNanos = 0;
                }
                if (paused && seek < 0 && frame != null || ended) {
                    anchorNanos = 0;
                    Thread.sleep(20);
                    continue;
                }
                Frame f = grabber.grabImage();
                if (f == null) {
                    ended = true;
                    positionMillis = durationMillis;
                    continue;
                }
                if (f.image == null || f.imageWidth != w || f.imageHeight != h) {
                    continue;
                }
                if (originMicros < 0) {
                    originMicros = f.timestamp;
                }
                long at = f.timestamp - originMicros;
                if (anchorNanos == 0 || anchorRate != rate) {
                    anchorNanos = System.nanoTime();
                    anchorMicros = at;
                    anchorRate = rate;
                } else {
                    long due = anchorNanos + (long) ((at - anchorMicros) * 1000 / anchorRate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                TileFrame current = frame;
                if (current == null || current.width() != w || current.height() != h) {
                    current = pool.take(w, h);
                    frame = current;
                }
                current.write((ByteBuffer) f.image[0], f.imageStride);
                positionMillis = Math.min(durationMillis, at / 1000);
                decoded.incrementAndGet();
                if (firstPictureNanos == 0) {
                    firstPictureNanos = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("replay of {} stopped: {}", file, e.toString());
            ended = true;
        }
    }

    void pause(boolean on) {
        paused = on;
    }

    boolean paused() {
        return paused;
    }

    /** 1 or 2 (×2). */
    void rate(double r) {
        rate = r;
    }

    double rate() {
        return rate;
    }

    /** Goes to a moment of the clip, in ms from its start; shows that picture even while paused. */
    void seek(long millis) {
        seekTo = Math.max(0, Math.min(durationMillis, millis));
        positionMillis = seekTo;
    }

    /** Whether a seek was asked for and not yet made. */
    boolean seekPending() {
        return seekTo >= 0;
    }

    long positionMillis() {
        return positionMillis;
    }

    long durationMillis() {
        return durationMillis;
    }

    boolean ended() {
        return ended;
    }

    long firstPictureNanos() {
        return firstPictureNanos;
    }

    @Override
    public void stop() {
        generation.incrementAndGet();
    }

    @Override
    public void release() {
        stop();
        frame = null;
    }

    @Override
    public TileFrame frame() {
        return frame;
    }

    @Override
    public long framesDecoded() {
        return decoded.get();
    }
}
