package commandroom.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Timestamp;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.RawCalls;
import commandroom.server.testing.TestHub;
import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.CaseServiceGrpc;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.GetFiguresRequest;
import commandroom.v1.ListTasksRequest;
import commandroom.v1.LoginRequest;
import commandroom.v1.TaskStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests a hostile client writes from the .proto files: millions of repeated elements, huge
 * open calls, compressed bombs, timestamps at the ends of time. Each is refused with
 * INVALID_ARGUMENT naming what is wrong, never INTERNAL, and the log does not move.
 */
class HostileRequestsTest {

    private static TestHub hub;
    private static HubClient chief;

    @BeforeAll
    static void start() {
        hub = TestHub.start(Backend.H2);
        chief = hub.login("chief1");
    }

    @AfterAll
    static void stop() {
        chief.close();
        hub.close();
    }

    @Test
    void sixteenMegabytesOfOneRepeatedEnumAreRefusedUnparsed() throws Exception {
        byte[] body = repeatedEnum(1, TaskStatus.TASK_STATUS_DISPATCHED_VALUE, 16 * 1024 * 1024 - 1024);
        long before = hub.hub().lastSequence();
        Status plain = RawCalls.unary(chief.channel(), HubClient.bearer(chief.login().getAccessToken()),
                CommandServiceGrpc.getListTasksMethod(), body, false);
        assertRefused(plain, "ListTasks takes at most");
        Status gzipped = RawCalls.unary(chief.channel(), HubClient.bearer(chief.login().getAccessToken()),
                CommandServiceGrpc.getListTasksMethod(), body, true);
        assertRefused(gzipped, "ListTasks takes at most");
        assertEquals(before, hub.hub().lastSequence());
    }

    @Test
    void manyStatusesWithinTheSizeAreCountedBeforeTheyAreWalked() {
        ListTasksRequest.Builder r = ListTasksRequest.newBuilder();
        for (int i = 0; i < 30_000; i++) {
            r.addStatuses(TaskStatus.TASK_STATUS_DISPATCHED);
        }
        StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> chief.command().listTasks(r.build()));
        assertRefused(e.getStatus(), "statuses: may name at most");
    }

    @Test
    void theOpenLogInTakesSmallMessagesOnly() {
        byte[] body = LoginRequest.newBuilder().setUsername("x".repeat(1024 * 1024)).setPassword("y").build().toByteArray();
        Status s = RawCalls.unary(chief.channel(), null, AuthServiceGrpc.getLoginMethod(), body, false);
        assertRefused(s, "Login takes at most");
    }

    @Test
    void timestampsAtTheEndsOfTimeAreInvalidArguments() {
        long[][] cases = {{Long.MAX_VALUE, 0}, {253_402_300_800L, 0}, {-62_135_596_800L, 0}, {1_800_000_000L, -1},
                {0, 0}, {4_102_444_800L, 0}};
        for (long[] c : cases) {
            GetFiguresRequest r = GetFiguresRequest.newBuilder()
                    .setFrom(Timestamp.newBuilder().setSeconds(1_790_000_000L))
                    .setTo(Timestamp.newBuilder().setSeconds(c[0]).setNanos((int) c[1])).build();
            StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                    () -> CaseServiceGrpc.newBlockingStub(chief.channel())
                            .withCallCredentials(HubClient.bearer(chief.login().getAccessToken())).getFigures(r),
                    "to = " + c[0]);
            assertRefused(e.getStatus(), "to");
        }
    }

    @Test
    void positionsFasterThanOnceASecondAreCoalescedAndImpossibleJumpsFlagged() throws Exception {
        try (HubClient unit = hub.login("u-cx-co1")) {
            var first = commandroom.v1.ReportPositionRequest.newBuilder()
                    .setPosition(commandroom.server.testing.TestCounty.pos(30.5451, 119.9551)).build();
            unit.field().reportPosition(first);
            long logged = hub.hub().lastSequence();
            for (int i = 1; i <= 20; i++) {
                unit.field().reportPosition(first.toBuilder().setPosition(
                        commandroom.server.testing.TestCounty.pos(30.5451 + i * 0.001, 119.9551)).build());
            }
            assertEquals(logged, hub.hub().lastSequence(), "twenty reports within a second: the first one logged");
            Thread.sleep(1100);
            var farAway = first.toBuilder().setPosition(commandroom.server.testing.TestCounty.pos(31.5, 121.0)).build();
            assertTrue(unit.field().reportPosition(farAway).getLogged(), "logged, for the record");
            var snapshot = chief.command().getSnapshot(commandroom.v1.GetSnapshotRequest.getDefaultInstance());
            var drawn = snapshot.getUnitsList().stream().filter(u -> u.getId().equals("u-cx-co1")).findFirst().orElseThrow();
            assertEquals(30.5451, drawn.getPosition().getLatitude(), 1e-9, "a 130 km jump in a second does not move the unit");
        }
    }

    private static void assertRefused(Status s, String mention) {
        assertEquals(Status.Code.INVALID_ARGUMENT, s.getCode(), s.toString());
        assertTrue(String.valueOf(s.getDescription()).contains(mention), s.getDescription());
    }

    /** A message of one packed repeated enum field filling about size bytes. */
    private static byte[] repeatedEnum(int field, int value, int size) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size + 16);
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        int count = size - 8;
        out.writeTag(field, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(count);
        for (int i = 0; i < count; i++) {
            out.writeEnumNoTag(value);
        }
        out.flush();
        return bytes.toByteArray();
    }
}
