package commandroom.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.HubConfig;
import commandroom.server.testing.Backend;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.Role;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The IT officer administers users from the command line while the hub runs on PostgreSQL: add,
 * list, change role, reset the password, disable (the account stops working within seconds,
 * also for a session already open) and enable; mistakes are said and change nothing.
 */
class UserCommandsTest {

    @Test
    void usersAreAdministeredFromTheCommandLineWhileTheHubRuns() throws Exception {
        try (TestHub hub = TestHub.start(Backend.POSTGRES)) {
            CommandLineRunner cli = new CommandLineRunner(databaseOptions(hub.config()));

            var added = cli.run("first-pass-1\n", "user", "add", "wang.jun", "--role", "shift-leader",
                    "--display-name", "王军", "--station", "st-1");
            assertEquals(0, added.status(), added.err());
            assertTrue(added.out().contains("added wang.jun (shift-leader)"), added.out());
            var listed = cli.run("", "user", "list");
            assertTrue(listed.out().lines().anyMatch(l -> l.startsWith("wang.jun") && l.contains("shift-leader")
                    && l.contains("active") && l.contains("王军")), listed.out());

            try (HubClient wang = login(hub, "wang.jun", "first-pass-1")) {
                assertEquals(Role.ROLE_SHIFT_LEADER, wang.login().getUser().getRole());
            }

            assertEquals(0, cli.run("", "user", "role", "wang.jun", "station-chief").status());
            assertEquals(0, cli.run("second-pass-2\n", "user", "password", "wang.jun").status());
            assertEquals(Status.Code.UNAUTHENTICATED, refusal(() -> login(hub, "wang.jun", "first-pass-1")),
                    "the old password no longer works");
            try (HubClient wang = login(hub, "wang.jun", "second-pass-2")) {
                assertEquals(Role.ROLE_STATION_CHIEF, wang.login().getUser().getRole());
                wang.command().withDeadlineAfter(10, TimeUnit.SECONDS).getSnapshot(GetSnapshotRequest.getDefaultInstance());

                var disabled = cli.run("", "user", "disable", "wang.jun");
                assertEquals(0, disabled.status(), disabled.err());
                // The open session stops within the hub's user cache (5 s).
                Eventually.until("the open session refused", Duration.ofSeconds(10), () -> {
                    try {
                        wang.command().withDeadlineAfter(10, TimeUnit.SECONDS)
                                .getSnapshot(GetSnapshotRequest.getDefaultInstance());
                        return false;
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode() == Status.Code.UNAUTHENTICATED;
                    }
                });
            }
            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> login(hub, "wang.jun", "second-pass-2")));
            assertTrue(cli.run("", "user", "list").out().lines()
                    .anyMatch(l -> l.startsWith("wang.jun") && l.contains("disabled")));

            assertEquals(0, cli.run("", "user", "enable", "wang.jun").status());
            login(hub, "wang.jun", "second-pass-2").close();
        }
    }

    @Test
    void mistakesAreSaidAndChangeNothing() {
        try (TestHub hub = TestHub.start(Backend.POSTGRES)) {
            CommandLineRunner cli = new CommandLineRunner(databaseOptions(hub.config()));
            String before = cli.run("", "user", "list").out();

            var badRole = cli.run("long-enough-1\n", "user", "add", "li", "--role", "pilot");
            assertEquals(2, badRole.status());
            assertTrue(badRole.err().contains("duty-officer, shift-leader, station-chief"), badRole.err());
            var shortPassword = cli.run("short\n", "user", "add", "li", "--role", "duty-officer");
            assertEquals(2, shortPassword.status());
            assertTrue(shortPassword.err().contains("at least 8"), shortPassword.err());
            var fieldWithoutUnit = cli.run("long-enough-1\n", "user", "add", "li", "--role", "field-unit");
            assertTrue(fieldWithoutUnit.err().contains("--unit"), fieldWithoutUnit.err());
            var taken = cli.run("long-enough-1\n", "user", "add", "leader1", "--role", "duty-officer");
            assertTrue(taken.err().contains("exists already"), taken.err());
            var nobody = cli.run("", "user", "disable", "nobody");
            assertEquals(2, nobody.status());
            assertTrue(nobody.err().contains("no user nobody"), nobody.err());
            var noPassword = cli.run("", "user", "password", "leader1");
            assertTrue(noPassword.err().contains("no password"), noPassword.err());
            assertEquals(2, cli.run("", "user", "fly").status());
            assertEquals(2, cli.run("", "user", "list", "--colour", "red").status());

            assertEquals(before, cli.run("", "user", "list").out(), "nothing changed");
            login(hub, "leader1", commandroom.server.testing.TestCounty.PASSWORD).close();
        }
    }

    static List<String> databaseOptions(HubConfig c) {
        return c.jdbcUrl() == null ? List.of("--data", c.dataDir().toString())
                : List.of("--jdbc", c.jdbcUrl(), "--db-user", c.dbUser(), "--db-password", c.dbPassword(),
                "--password-cost", "4");
    }

    private static HubClient login(TestHub hub, String user, String password) {
        return HubClient.login("127.0.0.1", hub.port(), hub.certificate(), user, password);
    }

    private static Status.Code refusal(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
    }
}
