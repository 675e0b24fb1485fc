package commandroom.app.wall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What libVLC's plugin folders hold, to know before playing whether it can open a scheme (libVLC
 * itself only says so by failing a moment after play). Looks where Debian and VLC's own builds put
 * them, and in VLC_PLUGIN_PATH.
 */
final class LibVlcPlugins {

    private static final List<String> FOLDERS = List.of("/usr/lib/x86_64-linux-gnu/vlc/plugins",
            "/usr/lib/aarch64-linux-gnu/vlc/plugins", "/usr/lib/vlc/plugins", "/usr/local/lib/vlc/plugins");

    private LibVlcPlugins() {}

    /** Whether a plugin (its file name without the extension) is installed. */
    static boolean has(String plugin) {
        String extra = System.getenv("VLC_PLUGIN_PATH");
        Stream<String> folders = extra == null ? FOLDERS.stream() : Stream.concat(Stream.of(extra), FOLDERS.stream());
        return folders.map(Path::of).filter(Files::isDirectory).anyMatch(d -> contains(d, plugin));
    }

    private static boolean contains(Path folder, String plugin) {
        try (Stream<Path> files = Files.walk(folder, 3)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(plugin + "."));
        } catch (IOException e) {
            return false;
        }
    }
}
