package commandroom.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import commandroom.server.admin.LogBackup;
import commandroom.server.tls.SelfSignedCertificate;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hub's data at rest is its user's only, whatever the umask of whoever started it: the data
 * directory and the TLS folder 0700, the H2 files, the TLS key and a backup 0600; a data directory
 * that an older install made 0755 is tightened when the hub opens it.
 */
class PrivateFilesTest {

    @BeforeAll
    static void onPosixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "no POSIX permissions on this file system");
    }

    @Test
    void theDataDirectoryItsDatabaseAndABackupAreTheHubUsersOnly() throws Exception {
        Path data = Files.createTempDirectory("private-files").resolve("var/lib/commandroom");
        Path backup = Files.createTempDirectory("private-backup").resolve("hub.crbak");
        try (Database db = Database.openH2(data)) {
            new LogBackup(new EventStore(db), new UserStore(db), new ImageStore(db)).backup(backup,
                    commandroom.server.admin.BackupCipher.Secret.passphrase("a passphrase of 2026".toCharArray()));
        }
        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(data.getParent()), "a parent the hub made for its data");
        try (Stream<Path> files = Files.list(data)) {
            files.filter(f -> f.getFileName().toString().startsWith("hub.")).forEach(f ->
                    assertEquals("rw-------", mode(f), f.toString()));
        }
        assertTrue(Files.exists(data.resolve("hub.mv.db")));
        assertEquals("rw-------", mode(backup));
    }

    @Test
    void anExistingDataDirectoryIsTightenedAndItsTlsKeyIsPrivate() throws Exception {
        Path data = Files.createTempDirectory("private-files");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Database.openH2(data).close();
        assertEquals("rwx------", mode(data));

        SelfSignedCertificate.KeyFiles tls = SelfSignedCertificate.ensure(data.resolve("tls"));
        assertEquals("rwx------", mode(data.resolve("tls")));
        assertEquals("rw-------", mode(tls.privateKey()));
    }

    @Test
    void anOldBackupOverwrittenByANewOneBecomesPrivate() throws Exception {
        Path backup = Files.createTempDirectory("private-backup").resolve("hub.crbak");
        Files.writeString(backup, "an old one");
        Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rw-r--r--"));
        try (Database db = Database.openH2(Files.createTempDirectory("private-files"))) {
            new LogBackup(new EventStore(db), new UserStore(db), new ImageStore(db)).backup(backup,
                    commandroom.server.admin.BackupCipher.Secret.passphrase("a passphrase of 2026".toCharArray()));
        }
        assertEquals("rw-------", mode(backup));
    }

    static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
