package commandroom.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.admin.UserAdmin;
import commandroom.server.auth.PasswordHasher;
import commandroom.server.store.Database;
import commandroom.server.store.UserStore;
import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.InstructionsRequest;
import commandroom.v1.LogoutRequest;
import commandroom.v1.RefreshRequest;
import commandroom.v1.Role;
import commandroom.v1.SubscribeRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A token was checked only when a call started: a logged-out user's stream went on receiving.
 * Now every open stream ends with UNAUTHENTICATED within 5 s of a log-out, a disable, a role or
 * password change, or its session no longer holding a valid token; the account's refresh tokens
 * die with a password change or a disable and stay dead when it is enabled again; a session ends
 * 14 h after its log-in however often it renews; and one user may hold only so many streams.
 */
class SessionEndsStreamsTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void logoutDisableRoleAndPasswordChangesEndOpenStreams() throws Exception {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock));
             Database db = Database.openH2(hub.config().dataDir())) {
            UserAdmin admin = new UserAdmin(new UserStore(db), new PasswordHasher(4), clock);
            HubClient leader = hub.login("leader1");
            HubClient unit = hub.login("u-car1");
            HubClient duty1 = hub.login("duty1");
            HubClient duty2 = hub.login("duty2");
            HubClient bystander = hub.login("chief1");
            EventCollector leaderStream = subscribe(leader);
            EventCollector unitStream = instructions(unit);
            EventCollector duty1Stream = subscribe(duty1);
            EventCollector duty2Stream = subscribe(duty2);
            EventCollector bystanderStream = subscribe(bystander);

            leader.auth().logout(LogoutRequest.getDefaultInstance());
            endsUnauthenticated(leaderStream, "logged out");

            admin.setDisabled(unit.login().getUser().getUsername(), true);
            endsUnauthenticated(unitStream, "disabled");
            awaitChange(hub, "DISABLED u-car1");
            admin.setDisabled(unit.login().getUser().getUsername(), false);
            refused(unit, "re-enabling does not bring the old refresh token back");
            hub.login("u-car1").close();

            admin.setPassword("duty1", "a-new-secret-2026".toCharArray());
            endsUnauthenticated(duty1Stream, "password changed");
            refused(duty1, "a password change ends the refresh tokens too");

            admin.setRole("duty2", Role.ROLE_SHIFT_LEADER);
            endsUnauthenticated(duty2Stream, "role changed");

            assertNull(bystanderStream.error(), "the others' streams go on");
            for (HubClient c : List.of(leader, unit, duty1, duty2, bystander)) {
                c.close();
            }

            // Each change is an event of the audit chain, seen by the hub within seconds.
            for (String change : List.of("ADDED chief1", "ADDED u-car1", "DISABLED u-car1", "ENABLED u-car1",
                    "PASSWORD_CHANGED duty1", "ROLE_CHANGED duty2")) {
                awaitChange(hub, change);
            }
        }
    }

    /** Waits (at most 6 s) until the log records the account change, e.g. "DISABLED u-car1". */
    private static void awaitChange(TestHub hub, String change) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        List<String> changes;
        do {
            changes = commandroom.server.testing.AuditLog.accountActivity(hub).stream()
                    .filter(a -> a.getKind().getNumber() >= commandroom.v1.AccountActivityKind.ACCOUNT_ACTIVITY_KIND_ADDED_VALUE)
                    .map(a -> a.getKind().name().substring("ACCOUNT_ACTIVITY_KIND_".length()) + " " + a.getUsername())
                    .toList();
        } while (!changes.contains(change) && System.nanoTime() < end);
        assertTrue(changes.contains(change), change + " not in " + changes);
    }

    @Test
    void aStreamEndsWhenItsSessionStopsRenewingAndASessionEndsAfterAShift() throws Exception {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2,
                c -> c.withClock(clock).withTokens(Duration.ofMinutes(1), Duration.ofHours(14)))) {
            HubClient renewing = hub.login("chief1");
            HubClient stolen = hub.login("duty1");
            EventCollector renewingStream = subscribe(renewing);
            EventCollector stolenStream = subscribe(stolen);
            // Both streams have started (they send the log from its start) before the clock moves.
            renewingStream.await(e -> true, Duration.ofSeconds(10));
            stolenStream.await(e -> true, Duration.ofSeconds(10));

            for (int minute = 0; minute < 3; minute++) {
                clock.advance(Duration.ofSeconds(50));
                renewing.auth().refresh(RefreshRequest.newBuilder()
                        .setRefreshToken(renewing.login().getRefreshToken()).build());
            }
            endsUnauthenticated(stolenStream, "its token expired and nobody renewed it");
            assertNull(renewingStream.error(), "a session that renews keeps its stream: " + renewingStream.error());

            clock.advance(Duration.ofHours(14));
            StatusRuntimeException late = assertThrows(StatusRuntimeException.class, () -> renewing.auth().refresh(
                    RefreshRequest.newBuilder().setRefreshToken(renewing.login().getRefreshToken()).build()));
            assertEquals(Status.Code.UNAUTHENTICATED, late.getStatus().getCode(), "14 h after the log-in: log in again");
            endsUnauthenticated(renewingStream, "the shift is over");
            renewing.close();
            stolen.close();
        }
    }

    @Test
    void oneUserMayHoldOnlySoManyStreams() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2)) {
            HubClient duty = hub.login("duty1");
            List<EventCollector> open = new ArrayList<>();
            int most = hub.config().guard().streamsPerUser();
            for (int i = 0; i < most; i++) {
                open.add(subscribe(duty));
            }
            // Each open stream sends the log from its start: its first event shows it was taken.
            for (EventCollector s : open) {
                s.await(e -> true, Duration.ofSeconds(10));
            }
            EventCollector oneTooMany = subscribe(duty);
            endsWith(oneTooMany, Status.Code.RESOURCE_EXHAUSTED, "past the limit");
            HubClient other = hub.login("duty2");
            EventCollector others = subscribe(other);
            others.await(e -> true, Duration.ofSeconds(10));
            assertNull(others.error(), "another user is not held to the first one's count");
            other.close();
            duty.close();
        }
    }

    private static EventCollector subscribe(HubClient c) {
        EventCollector s = new EventCollector();
        c.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), s);
        return s;
    }

    private static EventCollector instructions(HubClient c) {
        EventCollector s = new EventCollector();
        c.fieldAsync().instructions(InstructionsRequest.newBuilder().setFromSequence(1).build(), s);
        return s;
    }

    private static void endsUnauthenticated(EventCollector s, String why) throws InterruptedException {
        endsWith(s, Status.Code.UNAUTHENTICATED, why);
    }

    private static void endsWith(EventCollector s, Status.Code code, String why) throws InterruptedException {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (s.error() == null && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(s.error() != null, why + ": the stream is still open after " + WITHIN);
        assertEquals(code, Status.fromThrowable(s.error()).getCode(), why + ": " + Status.fromThrowable(s.error()));
    }

    private static void refused(HubClient c, String why) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> c.auth().refresh(
                RefreshRequest.newBuilder().setRefreshToken(c.login().getRefreshToken()).build()), why);
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode(), why);
    }
}
