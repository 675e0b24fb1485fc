package commandroom.sim.terminal;

import com.google.protobuf.ByteString;
import commandroom.v1.Photo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Makes a small stand-in "scene photo" for feedback: a 160 x 120 PNG of coloured blocks, a few
 * kilobytes, with its SHA-256 as the hub checks it.
 *
 * <p>Pixels are set directly rather than drawn with Graphics2D, so that no font or display is
 * needed on a headless server. Stateless; thread-safe if each caller passes its own Random.
 */
public final class PhotoMaker {
    private static final int WIDTH = 160;
    private static final int HEIGHT = 120;
    private static final int BLOCK = 20;

    private PhotoMaker() {
    }

    /**
     * @param name the file name to give it, e.g. "scene-1.png"
     * @param random the source of the blocks' colours
     */
    public static Photo make(String name, Random random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int sky = 0x6080a0 + random.nextInt(0x202020);
        for (int by = 0; by < HEIGHT; by += BLOCK) {
            for (int bx = 0; bx < WIDTH; bx += BLOCK) {
                // The upper third looks like sky, the rest like street and walls.
                int rgb = by < HEIGHT / 3 ? sky : 0x303030 + random.nextInt(0x505050);
                for (int y = by; y < by + BLOCK; y++) {
                    for (int x = bx; x < bx + BLOCK; x++) {
                        image.setRGB(x, y, rgb);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] data = out.toByteArray();
        return Photo.newBuilder()
                .setName(name)
                .setContentType("image/png")
                .setData(ByteString.copyFrom(data))
                .setSha256(ByteString.copyFrom(sha256(data)))
                .build();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
