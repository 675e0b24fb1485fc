package commandroom.app.wall;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * One tile's picture at one moment, as it was on screen: the camera, the pixels (opaque
 * 0xAARRGGBB, rows packed) and when. Kept as evidence in an incident's file. Immutable by
 * convention (the array is not copied); any thread.
 */
public record TilePicture(String cameraId, int width, int height, int[] argb, Instant takenAt) {

    /** The hub keeps pictures of at most this size. */
    static final int MAX_PNG_BYTES = 2 * 1024 * 1024;

    /** The picture as a PNG of at most {@link #MAX_PNG_BYTES}, halved in size until it fits. Not the FX thread. */
    public byte[] png() {
        TilePicture p = this;
        while (true) {
            byte[] png = p.encode();
            if (png.length <= MAX_PNG_BYTES || p.width < 2 || p.height < 2) {
                return png;
            }
            p = p.halved();
        }
    }

    /** The picture for a preview in the scene. FX thread. */
    public WritableImage image() {
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }

    /** The pixel at a point, 0xAARRGGBB. */
    public int argbAt(int x, int y) {
        return argb[y * width + x];
    }

    private byte[] encode() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
        return out.toByteArray();
    }

    private TilePicture halved() {
        int w = width / 2;
        int h = height / 2;
        int[] half = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                half[y * w + x] = argb[(2 * y) * width + 2 * x];
            }
        }
        return new TilePicture(cameraId, w, h, half, takenAt);
    }
}
