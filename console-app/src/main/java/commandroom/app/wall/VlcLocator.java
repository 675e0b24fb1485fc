package commandroom.app.wall;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Tells quickly whether libVLC can be on this Linux workstation at all, before vlcj's own search.
 * vlcj's discovery walks its directories recursively and follows links: on a machine without
 * libVLC but with a directory link back to a parent (Debian's llvm packages have
 * {@code /usr/lib/llvm-14/build/Release -> ..}) it walked for minutes on the FX thread, found on
 * this machine kind. Here only the library directories themselves are looked in. Pure; any thread.
 */
final class VlcLocator {

    /** Where Debian, Fedora, Ubuntu and a source build put the library. */
    static final List<String> LINUX_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64", "/usr/local/lib64", "/usr/lib/i386-linux-gnu", "/usr/lib", "/usr/local/lib");

    private VlcLocator() {}

    /** False only where vlcj's search could not succeed: Linux, and no libvlc.so* in any library directory. */
    static boolean mayHaveLibVlc() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return true;
        }
        List<Path> dirs = new ArrayList<>();
        LINUX_DIRS.forEach(d -> dirs.add(Path.of(d)));
        for (String extra : new String[] {System.getProperty("jna.library.path"), System.getenv("LD_LIBRARY_PATH")}) {
            if (extra != null) {
                for (String d : extra.split(File.pathSeparator)) {
                    if (!d.isBlank()) {
                        dirs.add(Path.of(d));
                    }
                }
            }
        }
        return holdsLibVlc(dirs);
    }

    /** Whether any of the directories (not their subdirectories) holds libvlc.so or libvlc.so.N. */
    static boolean holdsLibVlc(List<Path> dirs) {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                if (files.map(p -> p.getFileName().toString()).anyMatch(n -> n.equals("libvlc.so") || n.startsWith("libvlc.so."))) {
                    return true;
                }
            } catch (java.io.IOException | SecurityException unreadable) {
                // A directory we may not read holds nothing we could load either.
            }
        }
        return false;
    }
}
