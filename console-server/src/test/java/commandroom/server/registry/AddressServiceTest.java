package commandroom.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Addresses;
import commandroom.server.testing.Backend;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.AddressServiceGrpc;
import commandroom.v1.ImportPreview;
import commandroom.v1.ImportProblemCode;
import commandroom.v1.SearchAddressesRequest;
import commandroom.v1.StandardAddress;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The station's standard addresses: 12,000 rows streamed in batches, previewed (a row outside the
 * county named, nothing written), applied in one go (one event of the log), found by typing as an
 * officer types (a county prefix, Chinese numbers, pinyin initials), the same file twice nothing.
 */
class AddressServiceTest {

    private static final String SHA = "c".repeat(64);

    @Test
    void theBookIsImportedInBatchesAndFoundByTyping() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient admin = hub.login("admin1");
             HubClient duty = hub.login("duty1")) {
            List<StandardAddress> book = new ArrayList<>();
            for (int i = 1; i <= 6000; i++) {
                book.add(address("A" + i, "城关镇人民路" + i + "号", 30.541 + (i % 90) * 0.0001, 119.961));
                book.add(address("B" + i, "城关镇解放街" + i + "号", 30.541 + (i % 90) * 0.0001, 119.951));
            }
            List<StandardAddress> withBad = new ArrayList<>(book);
            withBad.set(7, address("X1", "北京市某路1号", 39.9, 116.4));
            ImportPreview bad = send(admin, withBad, false);
            assertEquals(1, bad.getProblemTotal());
            assertEquals(7, bad.getProblems(0).getIndex());
            assertEquals(ImportProblemCode.IMPORT_PROBLEM_CODE_OUTSIDE_COUNTY, bad.getProblems(0).getCode());
            long before = hub.hub().lastSequence();
            assertEquals(Status.Code.FAILED_PRECONDITION, assertThrows(StatusRuntimeException.class,
                    () -> send(admin, withBad, true)).getStatus().getCode());
            assertEquals(before, hub.hub().lastSequence(), "nothing written while a problem remains");

            ImportPreview preview = send(admin, book, false);
            assertEquals(12_000, preview.getAddedTotal());
            assertEquals(1000, preview.getAddedCount(), "the ids listed are cut short; the total says all");
            ImportPreview applied = send(admin, book, true);
            assertEquals(before + 1, applied.getSequence(), "the book written, one event in the log");

            Eventually.until("the book indexed", Duration.ofSeconds(10),
                    () -> !search(duty, "人民路12号").isEmpty());
            assertEquals("A12", search(duty, "人民路12号").get(0).getId());
            assertEquals("A12", search(duty, "浙江省杭州市临安区人民路十二号").get(0).getId());
            assertEquals("A12", search(duty, "rml12").get(0).getId());
            assertEquals("z-cd", search(duty, "人民路12号").get(0).getZoneId(), "the zone found from the position");
            assertEquals("z-cx", search(duty, "解放街7号").get(0).getZoneId());
            assertTrue(search(duty, "北京路").isEmpty());

            ImportPreview again = send(admin, book, true);
            assertTrue(again.getAlreadyApplied());
            assertEquals(0, again.getSequence());
            assertEquals(before + 1, hub.hub().lastSequence(), "the same file twice writes nothing");

            assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class,
                    () -> send(duty, book.subList(0, 10), false)).getStatus().getCode());
            assertFalse(search(duty, "解放街").isEmpty());
        }
    }

    private static List<StandardAddress> search(HubClient c, String typed) {
        return AddressServiceGrpc.newBlockingStub(c.channel()).withCallCredentials(HubClient.bearer(c.login().getAccessToken()))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .searchAddresses(SearchAddressesRequest.newBuilder().setQuery(typed).build()).getAddressesList();
    }

    private static ImportPreview send(HubClient c, List<StandardAddress> rows, boolean apply) throws Exception {
        return Addresses.send(c, rows, SHA, apply);
    }

    private static StandardAddress address(String id, String text, double lat, double lon) {
        return StandardAddress.newBuilder().setId(id).setText(text).setPosition(TestCounty.pos(lat, lon)).build();
    }
}
