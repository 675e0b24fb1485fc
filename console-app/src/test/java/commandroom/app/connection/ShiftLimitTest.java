package commandroom.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import commandroom.server.testing.Backend;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.GetSnapshotRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A log-in lasts a shift (14 h): after it, a console at a real hub does not quietly log in again
 * with a password kept in memory (the person at it must); the embedded demo does.
 */
class ShiftLimitTest {

    @Test
    void afterTheShiftARealConsoleMustLogInAgainAndTheDemoLogsItselfIn() throws Exception {
        // A shift of 12 s (tokens of 10 s): the same rule as 14 h, on a test's time.
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withTokens(Duration.ofSeconds(10), Duration.ofSeconds(12)));
             HubSession real = open(hub, "leader1");
             HubSession demo = open(hub, "chief1")) {
            demo.logInAgainAsTheDemo(TestCounty.PASSWORD);
            snapshot(real);
            snapshot(demo);
            Thread.sleep(13_000);
            StatusRuntimeException ended = assertThrows(StatusRuntimeException.class, () -> snapshot(real));
            assertEquals(Status.Code.UNAUTHENTICATED, ended.getStatus().getCode(), ended.getStatus().toString());
            snapshot(demo);
        }
    }

    private static HubSession open(TestHub hub, String user) {
        return HubSession.open(List.of(new HubAddress("127.0.0.1", hub.port())), hub.certificate(), user,
                TestCounty.PASSWORD);
    }

    private static void snapshot(HubSession s) {
        CommandServiceGrpc.newBlockingStub(s.channel()).withCallCredentials(s.credentials())
                .getSnapshot(GetSnapshotRequest.getDefaultInstance());
    }
}
