package commandroom.app.wall;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tile's second decoder: FFmpeg through JavaCV, for streams libVLC cannot open here (Debian's
 * libVLC has no RTSP) or on a workstation without libVLC. One thread per playing tile reads,
 * decodes and scales to BGRA at the picture's size on screen (swscale), then copies into the tile's
 * {@link TileFrame}. RTSP goes over TCP. Each play is a generation: a reader whose generation is
 * over stops at its next frame, so stop never waits on the network.
 */
final class FfmpegVideoSource implements VideoSource {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegVideoSource.class);
    /** How long a read may wait on a silent source before the reader gives up (microseconds). */
    private static final String READ_TIMEOUT_US = "3000000";

    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private volatile TileFrame frame;
    private final FramePool pool;

    FfmpegVideoSource(FramePool pool) {
        this.pool = pool;
    }

    @Override
    public String decoder() {
        return "FFmpeg";
    }

    @Override
    public void play(String url, int boxWidth, int boxHeight) {
        long mine = generation.incrementAndGet();
        Thread reader = new Thread(() -> read(mine, url, boxWidth, boxHeight), "wall-ffmpeg");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(long mine, String url, int boxWidth, int boxHeight) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url)) {
            if (url.startsWith("rtsp:")) {
                grabber.setOption("rtsp_transport", "tcp");
            }
            grabber.setOption("timeout", READ_TIMEOUT_US);
            grabber.setOption("fflags", "nobuffer");
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGRA);
            grabber.start();
            int[] size = fitInto(grabber, boxWidth, boxHeight);
            int w = size[0];
            int h = size[1];
            while (generation.get() == mine) {
                Frame f = grabber.grabImage();
                if (f == null) {
                    return; // the stream ended; the tile's health notices and tries again
                }
                if (f.image == null || f.imageWidth != w || f.imageHeight != h) {
                    continue;
                }
                TileFrame current = frame;
                if (current == null || current.width() != w || current.height() != h) {
                    current = pool.take(w, h);
                    frame = current;
                }
                current.write((ByteBuffer) f.image[0], f.imageStride);
                decoded.incrementAndGet();
            }
        } catch (Exception e) {
            LOG.debug("{} stopped: {}", url, e.toString());
        }
    }

    /**
     * Has a started grabber scale its pictures to fit boxWidth x boxHeight, keeping the stream's
     * aspect (even sizes, as swscale wants); answers {width, height}.
     */
    static int[] fitInto(FFmpegFrameGrabber grabber, int boxWidth, int boxHeight) {
        double aspect = (double) grabber.getImageWidth() / Math.max(1, grabber.getImageHeight());
        int w = boxWidth;
        int h = (int) Math.round(w / aspect);
        if (h > boxHeight) {
            h = boxHeight;
            w = (int) Math.round(h * aspect);
        }
        w = Math.max(2, w & ~1);
        h = Math.max(2, h & ~1);
        grabber.setImageWidth(w);
        grabber.setImageHeight(h);
        return new int[] {w, h};
    }

    @Override
    public void stop() {
        generation.incrementAndGet();
    }

    @Override
    public void release() {
        stop();
        // The reader may still be writing its last frame into the picture: it is dropped, not
        // pooled (a garbage collection frees it).
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
