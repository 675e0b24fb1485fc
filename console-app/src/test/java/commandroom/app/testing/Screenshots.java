package commandroom.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Writes PNGs of the real scene (headless) into docs/screenshots, where the README shows them.
 * The project's own pictures of itself, made by its own code.
 */
public final class Screenshots {

    public static final Path DIR = Path.of("..", "docs", "screenshots").toAbsolutePath().normalize();

    private Screenshots() {}

    public static Path save(FxRobot robot, Node node, String name) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
