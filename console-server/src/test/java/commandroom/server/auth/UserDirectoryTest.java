package commandroom.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.store.Database;
import commandroom.server.store.UserRecord;
import commandroom.server.store.UserStore;
import commandroom.v1.Role;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A user added while the hub runs logs in and is served at once: the log-in reads the user
 * afresh, and the calls after it must not be refused by the directory's older snapshot (CI once
 * saw "account is disabled or gone" right after a successful log-in).
 */
class UserDirectoryTest {

    @Test
    void aLogInKeepsWhatItReadForTheCallsAfterIt() throws Exception {
        try (Database db = Database.openH2(Files.createTempDirectory("user-directory"))) {
            UserStore store = new UserStore(db);
            UserDirectory directory = new UserDirectory(store, Duration.ofHours(1));
            assertTrue(directory.find("wang.jun").isEmpty(), "the snapshot is taken before the user exists");

            store.add(new UserRecord("wang.jun", "王军", Role.ROLE_SHIFT_LEADER, null, "st-1", "hash", false, null));
            assertTrue(directory.find("wang.jun").isEmpty(), "the snapshot is an hour long in this test");

            assertTrue(directory.load("wang.jun").isPresent(), "the log-in reads the store");
            assertEquals(Role.ROLE_SHIFT_LEADER, directory.find("wang.jun").orElseThrow().role(),
                    "the call after the log-in sees the user");

            store.setDisabled("wang.jun", true, Instant.now());
            directory.load("wang.jun");
            assertTrue(directory.find("wang.jun").orElseThrow().disabled(), "a fresher read replaces the older one");
        }
    }
}
