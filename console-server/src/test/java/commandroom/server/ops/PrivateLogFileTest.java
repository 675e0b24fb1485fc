package commandroom.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * The hub's log file and every file its rotation makes are its user's only (0600), in a folder the
 * hub made 0700; at most the given number of files is kept.
 */
class PrivateLogFileTest {

    @Test
    void theLogFileAndItsRotatedFilesAreTheHubUsersOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path log = Files.createTempDirectory("private-log").resolve("commandroom/hub.log");
        PrivateLogFile handler = new PrivateLogFile(log, 2_000, 3, new JsonLogFormatter("commandroom-hub"));
        try {
            for (int i = 0; i < 100; i++) {
                handler.publish(new LogRecord(Level.INFO, "event " + i + " dispatched to 城东派出所"));
            }
        } finally {
            handler.close();
        }
        assertEquals("rwx------", mode(log.getParent()));
        for (Path p : new Path[] {log, log.resolveSibling("hub.log.1"), log.resolveSibling("hub.log.2")}) {
            assertTrue(Files.exists(p), p.toString());
            assertEquals("rw-------", mode(p), p.toString());
        }
        assertFalse(Files.exists(log.resolveSibling("hub.log.3")), "three files kept");
        assertTrue(Files.readString(log).contains("event 99"));
    }

    private static String mode(Path p) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
