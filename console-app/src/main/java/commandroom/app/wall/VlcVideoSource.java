package commandroom.app.wall;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.media.MediaStatistics;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.CallbackVideoSurface;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * A tile's libVLC player, rendering through our own callback surface: libVLC is asked for RV32 at
 * the size the picture will have on screen (it scales, which is cheaper than scaling in the scene),
 * and each frame is copied into the tile's {@link TileFrame}.
 *
 * <p>The player, its surface and both callbacks are held here until {@link #release}: vlcj hands
 * libVLC JNA callbacks, and if the surface were collected while libVLC still called them the JVM
 * would crash. Release stops first, then releases.
 */
final class VlcVideoSource implements VideoSource {

    /** Below this change of aspect a renegotiated format keeps its picture (576 → 578 lines). */
    private static final double SAME_ASPECT = 0.01;

    private final EmbeddedMediaPlayer player;
    private final BufferFormatCallback formats = new Formats();
    private final RenderCallback renders = new Renders();
    private final CallbackVideoSurface surface;
    private final MediaStatistics stats = new MediaStatistics();
    /** Decoded frames of the media played before the current one (libVLC counts per media). */
    private long decodedBefore;
    private long decodedNow;
    private boolean released;
    private volatile TileFrame frame;
    private final FramePool pool;
    private volatile int boxWidth = 1;
    private volatile int boxHeight = 1;

    VlcVideoSource(MediaPlayerFactory factory, FramePool frames) {
        this.pool = frames;
        surface = factory.videoSurfaces().newVideoSurface(formats, renders, true);
        player = factory.mediaPlayers().newEmbeddedMediaPlayer();
        player.videoSurface().set(surface);
    }

    @Override
    public String decoder() {
        return "libVLC";
    }

    @Override
    public void play(String url, int width, int height) {
        boxWidth = Math.max(2, width);
        boxHeight = Math.max(2, height);
        player.media().play(url, VlcMediaOptions.forBox(boxWidth));
    }

    @Override
    public void stop() {
        player.controls().stop();
    }

    @Override
    public synchronized void release() {
        released = true;
        player.controls().stop();
        player.release();
        pool.give(frame);
        frame = null;
        Reference.reachabilityFence(surface);
        Reference.reachabilityFence(formats);
        Reference.reachabilityFence(renders);
    }

    @Override
    public TileFrame frame() {
        return frame;
    }

    /**
     * libVLC's own count of decoded pictures, not of frames handed to us: over UDP a dead source
     * leaves libVLC repainting its last picture into our callback, so only the decoder's counter
     * stops. Kept growing across media (libVLC starts each media at 0).
     */
    @Override
    public synchronized long framesDecoded() {
        if (!released && player.media().isValid() && player.media().info().statistics(stats)) {
            int n = stats.decodedVideo();
            if (n < decodedNow) {
                decodedBefore += decodedNow;
            }
            decodedNow = n;
        }
        return decodedBefore + decodedNow;
    }

    /** libVLC's thread: the stream's size is known (again); fit it into the box. */
    private final class Formats implements BufferFormatCallback {
        @Override
        public BufferFormat getBufferFormat(int sourceWidth, int sourceHeight) {
            TileFrame current = frame;
            double aspect = (double) sourceWidth / Math.max(1, sourceHeight);
            if (current == null || Math.abs((double) current.width() / current.height() - aspect) / aspect > SAME_ASPECT
                    || !fitsBox(current)) {
                int w = boxWidth;
                int h = (int) Math.round(w / aspect);
                if (h > boxHeight) {
                    h = boxHeight;
                    w = (int) Math.round(h * aspect);
                }
                current = pool.take(Math.max(2, w & ~1), Math.max(2, h & ~1));
                frame = current;
            }
            return new RV32BufferFormat(current.width(), current.height());
        }

        private boolean fitsBox(TileFrame f) {
            return f.width() <= boxWidth && f.height() <= boxHeight
                    && (f.width() >= boxWidth - 2 || f.height() >= boxHeight - 2);
        }

        @Override
        public void newFormatSize(int bufferWidth, int bufferHeight, int displayWidth, int displayHeight) {
            // The buffer size was ours to choose; nothing to follow.
        }

        @Override
        public void allocatedBuffers(ByteBuffer[] buffers) {
            // libVLC's own buffers: we copy out of them in display() and never keep them.
        }
    }

    /** libVLC's thread: a frame is ready in its buffer. */
    private final class Renders implements RenderCallback {
        @Override
        public void lock(MediaPlayer mediaPlayer) {
            // Nothing to lock: the copy in display() is the only reader of libVLC's buffer.
        }

        @Override
        public void display(MediaPlayer mediaPlayer, ByteBuffer[] buffers, BufferFormat format, int width, int height) {
            TileFrame f = frame;
            if (f != null && format.getWidth() == f.width() && format.getHeight() == f.height()) {
                f.write(buffers[0]);
            }
        }

        @Override
        public void unlock(MediaPlayer mediaPlayer) {
            // See lock().
        }
    }
}
