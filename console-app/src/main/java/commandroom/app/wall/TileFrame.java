package commandroom.app.wall;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * One tile's picture at one size: a BGRA buffer of our own that a decoder copies each frame into
 * (on its thread) and the FX thread shows through a {@link PixelBuffer}. The buffer belongs to
 * this object, never to the decoder, so a decoder that frees or reallocates its own buffers (as
 * libVLC does when the format is renegotiated) cannot pull memory from under the scene. A new
 * size is a new TileFrame: buffer and image are swapped together.
 */
final class TileFrame {

    private final int width;
    private final int height;
    private final ByteBuffer buffer;
    private final PixelBuffer<ByteBuffer> pixels;
    private final WritableImage image;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile boolean written;

    TileFrame(int width, int height) {
        this.width = width;
        this.height = height;
        this.buffer = ByteBuffer.allocateDirect(width * height * 4);
        this.pixels = new PixelBuffer<>(width, height, buffer, PixelFormat.getByteBgraPreInstance());
        this.image = new WritableImage(pixels);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Copies one decoded frame in (BGRA, this frame's size, rows packed). Decoder thread. */
    synchronized void write(ByteBuffer frame) {
        ByteBuffer src = frame.duplicate();
        src.clear();
        src.limit(Math.min(src.capacity(), buffer.capacity()));
        ByteBuffer dst = buffer.duplicate();
        dst.clear();
        dst.put(src);
        written = true;
        dirty.set(true);
    }

    /** Copies one decoded frame in whose rows are rowBytes apart (a decoder may pad its rows). Decoder thread. */
    synchronized void write(ByteBuffer frame, int rowBytes) {
        int packed = width * 4;
        if (rowBytes == packed) {
            write(frame);
            return;
        }
        ByteBuffer src = frame.duplicate();
        ByteBuffer dst = buffer.duplicate();
        for (int row = 0; row < height && (long) row * rowBytes + packed <= src.capacity(); row++) {
            src.limit(row * rowBytes + packed).position(row * rowBytes);
            dst.position(row * packed);
            dst.put(src);
        }
        written = true;
        dirty.set(true);
    }

    /** Whether a picture was ever copied in (a new frame is black until then). Any thread. */
    boolean written() {
        return written;
    }

    /** Tells the scene the picture changed, if it did since the last call. FX thread. */
    boolean push() {
        if (!dirty.getAndSet(false)) {
            return false;
        }
        pixels.updateBuffer(b -> null);
        return true;
    }

    Image image() {
        return image;
    }

    /**
     * The whole picture as opaque 0xAARRGGBB pixels, rows packed. Taken under the writers' lock, so
     * a snapshot is one frame, never half of two (the screen may tear; evidence must not). Any thread.
     */
    synchronized int[] copyArgb() {
        int[] argb = new int[width * height];
        ByteBuffer src = buffer.duplicate();
        src.clear();
        for (int i = 0; i < argb.length; i++) {
            int b = src.get() & 0xff;
            int g = src.get() & 0xff;
            int r = src.get() & 0xff;
            src.get();
            argb[i] = 0xff000000 | r << 16 | g << 8 | b;
        }
        return argb;
    }

    /** The pixel at a point as 0xAARRGGBB, read from the buffer (any thread; for checks and tests). */
    int argbAt(int x, int y) {
        int at = (y * width + x) * 4;
        int b = buffer.get(at) & 0xff;
        int g = buffer.get(at + 1) & 0xff;
        int r = buffer.get(at + 2) & 0xff;
        return 0xff000000 | r << 16 | g << 8 | b;
    }
}
