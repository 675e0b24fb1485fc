package commandroom.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestHub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Password guessing over gRPC: five wrong passwords lock the name for a quarter of an hour, the
 * right password included; other users go on; a right password before the fifth starts the count
 * again; a name that does not exist locks the same way.
 */
class LoginLockoutTest {

    private static final String RIGHT = commandroom.server.testing.TestCounty.PASSWORD;

    @Test
    void fiveWrongPasswordsLockTheNameForAQuarterOfAnHour() {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock))) {
            for (int i = 0; i < 4; i++) {
                assertEquals(Status.Code.UNAUTHENTICATED, attempt(hub, "duty1", "guess-" + i));
            }
            logsIn(hub, "duty1", RIGHT);
            for (int i = 0; i < 4; i++) {
                assertEquals(Status.Code.UNAUTHENTICATED, attempt(hub, "duty1", "guess-" + i),
                        "a right password started the count again");
            }
            StatusRuntimeException fifth = assertThrows(StatusRuntimeException.class,
                    () -> HubClient.login("127.0.0.1", hub.port(), hub.certificate(), "duty1", "guess-5").close());
            assertEquals(Status.Code.PERMISSION_DENIED, fifth.getStatus().getCode());
            assertTrue(fifth.getStatus().getDescription().contains("locked"), fifth.getStatus().getDescription());
            assertEquals(Status.Code.PERMISSION_DENIED, attempt(hub, "DUTY1", RIGHT), "locked: the right password too");
            logsIn(hub, "duty2", RIGHT);

            clock.advance(LoginThrottle.LOCK.minusSeconds(1));
            assertEquals(Status.Code.PERMISSION_DENIED, attempt(hub, "duty1", RIGHT));
            clock.advance(Duration.ofSeconds(2));
            logsIn(hub, "duty1", RIGHT);

            for (int i = 0; i < 4; i++) {
                assertEquals(Status.Code.UNAUTHENTICATED, attempt(hub, "nobody", "x"));
            }
            assertEquals(Status.Code.PERMISSION_DENIED, attempt(hub, "nobody", "x"), "an unknown name locks alike");
        }
    }

    private static Status.Code attempt(TestHub hub, String user, String password) {
        try {
            HubClient.login("127.0.0.1", hub.port(), hub.certificate(), user, password).close();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    private static void logsIn(TestHub hub, String user, String password) {
        assertEquals(Status.Code.OK, attempt(hub, user, password), user + " logs in");
    }
}
