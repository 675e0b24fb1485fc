package commandroom.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.auth.TokenKeys;
import commandroom.server.store.Database;
import commandroom.server.store.SettingsStore;
import commandroom.server.testing.Backend;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.GetSnapshotRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * The token signing key is not in the database it protects: it is in a file of the service user
 * (0600), a database from before gives its key up to that file, and a rotation keeps the tokens
 * signed with the key before it working while new ones are signed with the new key.
 */
class TokenKeysTest {

    @Test
    void theKeyLivesInAPrivateFileAndRotatesWithoutLoggingEveryoneOut() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2)) {
            Path file = hub.config().tokenKeyFile();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            try (Database db = Database.openH2(hub.config().dataDir())) {
                assertFalse(new SettingsStore(db).find("token_key").isPresent(), "no key in the database");
            }
            HubClient before = hub.login("duty1");
            TokenKeys.rotate(file);
            // The hub reads the file again within seconds: new log-ins then carry the new key.
            HubClient[] after = {null};
            Eventually.until("a log-in signed with the new key", Duration.ofSeconds(15), () -> {
                if (after[0] != null) {
                    after[0].close();
                }
                after[0] = hub.login("duty2");
                return !kid(after[0]).equals(kid(before));
            });
            before.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());

            TokenKeys.rotate(file);
            Eventually.until("the key two rotations ago no longer accepted", Duration.ofSeconds(15), () -> {
                try {
                    before.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
                    return false;
                } catch (StatusRuntimeException refused) {
                    return true;
                }
            });
            StatusRuntimeException dropped = assertThrows(StatusRuntimeException.class,
                    () -> before.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAUTHENTICATED, dropped.getStatus().getCode());
            assertTrue(dropped.getStatus().getDescription().contains("no longer accepts"));
            after[0].command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
            before.close();
            after[0].close();
        }
    }

    @Test
    void aDatabaseFromBeforeGivesItsKeyUpToTheFile() throws Exception {
        Path dir = Files.createTempDirectory("legacy-key");
        byte[] secret = new byte[32];
        new java.util.Random(3).nextBytes(secret);
        String legacy = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try (Database db = Database.openH2(dir)) {
            new SettingsStore(db).getOrCreate("token_key", () -> legacy);
        }
        try (TestHub hub = TestHub.start(Backend.H2, c -> commandroom.server.HubConfig.embedded(dir)
                .withListener("127.0.0.1", 0).withSeed(commandroom.server.testing.TestCounty.seed())
                .withPasswordCost(4).asDemo());
             HubClient duty = hub.login("duty1")) {
            assertEquals("k0", kid(duty), "the old key signs on, from the file");
            String text = Files.readString(dir.resolve("secrets/token-keys"));
            assertTrue(text.contains("k0 " + legacy), text);
            try (Database db = Database.openH2(dir)) {
                assertFalse(new SettingsStore(db).find("token_key").isPresent(), "and is gone from the database");
            }
        }
    }

    private static String kid(HubClient c) {
        return c.login().getAccessToken().split("\\.")[1];
    }
}
