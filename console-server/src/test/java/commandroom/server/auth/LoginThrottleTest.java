package commandroom.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.AccountActivity;
import commandroom.v1.AccountActivityKind;
import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.LoginRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is slowed at its source, and nobody can lock anyone else out: a stranger at
 * 127.0.0.2 sends wrong passwords for the chief; after five it must wait, longer each time, while
 * the chief logs in from 127.0.0.1 all along. Each attempt is an event in the audit chain, with
 * where it came from.
 */
class LoginThrottleTest {

    private static final String RIGHT = TestCounty.PASSWORD;

    @Test
    void aStrangerIsSlowedDownAndTheChiefIsNotLockedOut() throws Exception {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock))) {
            ManagedChannel stranger = HubClient.channelFrom("127.0.0.2", hub.port(), hub.certificate());
            try {
                for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
                    assertEquals(Status.Code.UNAUTHENTICATED, attempt(stranger, "chief1", "guess-" + i).getCode());
                }
                Status waits = attempt(stranger, "chief1", RIGHT);
                assertEquals(Status.Code.RESOURCE_EXHAUSTED, waits.getCode(), "the source waits, the right password too");
                assertTrue(waits.getDescription().contains("try again in"), waits.getDescription());
                assertEquals(Status.Code.RESOURCE_EXHAUSTED, attempt(stranger, "nobody", "x").getCode(),
                        "any name from that source");

                logsIn(hub, "chief1");
                logsIn(hub, "chief1");

                clock.advance(Duration.ofSeconds(1));
                assertEquals(Status.Code.UNAUTHENTICATED, attempt(stranger, "chief1", "guess-7").getCode(),
                        "after its wait the source may try again");
                clock.advance(Duration.ofSeconds(1));
                assertEquals(Status.Code.RESOURCE_EXHAUSTED, attempt(stranger, "chief1", "guess-8").getCode(),
                        "the next wait is twice as long");
                clock.advance(Duration.ofSeconds(1));
                assertEquals(Status.Code.UNAUTHENTICATED, attempt(stranger, "chief1", "guess-9").getCode());

                clock.advance(LoginThrottle.WINDOW.plusSeconds(5));
                for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
                    assertEquals(Status.Code.UNAUTHENTICATED, attempt(stranger, "nobody", "x").getCode(),
                            "failures older than the window are forgotten");
                }
            } finally {
                stranger.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            List<AccountActivity> audit = commandroom.server.testing.AuditLog.accountActivity(hub);
            long failedFromStranger = audit.stream()
                    .filter(a -> a.getKind() == AccountActivityKind.ACCOUNT_ACTIVITY_KIND_LOGIN_FAILED)
                    .filter(a -> a.getSource().equals("127.0.0.2")).count();
            assertEquals(LoginThrottle.FREE_FAILURES + 1 + 2 + LoginThrottle.FREE_FAILURES, failedFromStranger,
                    "every checked failure is in the log (refusals while waiting are not: they check nothing)");
            assertEquals(2, audit.stream().filter(a -> a.getKind() == AccountActivityKind.ACCOUNT_ACTIVITY_KIND_LOGGED_IN)
                    .filter(a -> a.getUsername().equals("chief1") && a.getSource().equals("127.0.0.1")).count());
        }
    }

    @Test
    void theThrottleFollowsABoundedNumberOfSources() {
        LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
        for (int i = 0; i < LoginThrottle.MOST_SOURCES * 2; i++) {
            throttle.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }
        assertEquals(LoginThrottle.MOST_SOURCES, throttle.followed());
    }

    private static Status attempt(ManagedChannel ch, String user, String password) {
        return HubClient.tryLogin(ch, user, password);
    }

    private static void logsIn(TestHub hub, String user) {
        hub.login(user).close();
    }
}
