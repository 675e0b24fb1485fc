package commandroom.server.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The hub's files that only its own user may read: the data directory (0700), the H2 files,
 * backups, log files and the TLS key (0600). They hold key persons, victims' phone numbers and the
 * record of who ordered what, so they are made private from their first byte rather than relying
 * on the process's umask (the systemd unit sets UMask=0077 as well; a hub started by hand does
 * not have it). On a file system without POSIX permissions (Windows) nothing is changed: files
 * there inherit the user profile's access list. Stateless; any thread.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /**
     * The hub's own directory (its data, its TLS folder): created 0700 with any missing parents,
     * or tightened to 0700 if it exists (an older install made it 0755). A directory of another
     * user is left as it is: the hub could not change it, and may still be allowed to write there.
     */
    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            createDirectories(dir);
        }
        try {
            restrict(dir);
        } catch (FileSystemException notOwner) {
            // Not ours (EPERM): its owner decides who reads it.
        }
        return dir;
    }

    /**
     * Creates the missing directories of a path 0700 and leaves existing ones alone (a log file's
     * folder: /var/log itself must stay as it is).
     */
    public static void createDirectories(Path dir) throws IOException {
        if (posix(dir)) {
            Path absolute = dir.toAbsolutePath();
            Path existing = absolute;
            while (existing != null && !Files.isDirectory(existing)) {
                existing = existing.getParent();
            }
            Files.createDirectories(absolute, attribute(DIRECTORY));
            // mkdir honours the umask, which can only take bits away; set exactly 0700 on what was made.
            for (Path p = absolute; p != null && !p.equals(existing); p = p.getParent()) {
                Files.setPosixFilePermissions(p, DIRECTORY);
            }
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Makes an existing file (0600) or directory (0700) readable by its owner only. */
    public static void restrict(Path path) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
        }
    }

    /**
     * Restricts the regular files in a directory whose names start with a prefix (the files H2
     * makes beside its database: {@code hub.mv.db}, {@code hub.trace.db}, temporary files). A file
     * of another user is left as it is (the folder, 0700, keeps others out of it).
     */
    public static void restrictFiles(Path dir, String prefix) {
        if (!posix(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith(prefix) && Files.isRegularFile(f)) {
                    try {
                        restrict(f);
                    } catch (FileSystemException notOwner) {
                        // Not ours (EPERM): its owner decides.
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the files in " + dir + " to their owner", e);
        }
    }

    /** Creates or truncates a file for writing, 0600 from its first byte. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        return open(file, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Opens a file for appending (creating it 0600), as a log file is. */
    public static OutputStream append(Path file) throws IOException {
        return open(file, StandardOpenOption.APPEND);
    }

    private static OutputStream open(Path file, OpenOption mode) throws IOException {
        if (!posix(file)) {
            return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        }
        OutputStream out = Channels.newOutputStream(Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode), attribute(FILE)));
        // The attribute applies only to a file this call created; one that was there keeps its mode otherwise.
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return out;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
