package commandroom.server.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.ExportFormat;
import commandroom.v1.GetFiguresRequest;
import commandroom.v1.KeyPersonAccess;
import commandroom.v1.KeyPersonServiceGrpc;
import commandroom.v1.ListKeyPersonAccessRequest;
import commandroom.v1.RecordFiguresExportRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Figures leave a console as a file only with a reason in the log: the console records the export
 * (who, which period, as what, why) before it writes; the chief reads it in the access log beside
 * the register's reads. No reason, a bad period or the wrong role: nothing is recorded.
 */
class FiguresExportTest {

    @Test
    void anExportIsRecordedWithItsReasonBeforeTheFileIsWritten() {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient chief = hub.login("chief1");
             HubClient duty = hub.login("duty1")) {
            GetFiguresRequest year = GetFiguresRequest.newBuilder().setFrom(ts("2026-01-01T00:00:00Z"))
                    .setTo(ts("2027-01-01T00:00:00Z")).setZoneId("z-cd").build();
            long sequence = chief.cases().recordFiguresExport(RecordFiguresExportRequest.newBuilder().setFigures(year)
                    .setFormat(ExportFormat.EXPORT_FORMAT_PDF).setReason(" 年度工作总结 ").setIdempotencyKey("x-1").build())
                    .getSequence();
            assertTrue(sequence > 0);

            StatusRuntimeException noReason = assertThrows(StatusRuntimeException.class, () -> chief.cases()
                    .recordFiguresExport(RecordFiguresExportRequest.newBuilder().setFigures(year)
                            .setFormat(ExportFormat.EXPORT_FORMAT_CSV).setReason("x").setIdempotencyKey("x-2").build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, noReason.getStatus().getCode());
            assertTrue(noReason.getStatus().getDescription().contains("reason"), noReason.getStatus().getDescription());
            StatusRuntimeException backwards = assertThrows(StatusRuntimeException.class, () -> chief.cases()
                    .recordFiguresExport(RecordFiguresExportRequest.newBuilder()
                            .setFigures(year.toBuilder().setTo(year.getFrom())).setFormat(ExportFormat.EXPORT_FORMAT_CSV)
                            .setReason("月度通报").setIdempotencyKey("x-3").build()));
            assertTrue(backwards.getStatus().getDescription().contains("figures.to"), backwards.getStatus().getDescription());
            assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class, () -> duty.cases()
                    .recordFiguresExport(RecordFiguresExportRequest.newBuilder().setFigures(year)
                            .setFormat(ExportFormat.EXPORT_FORMAT_CSV).setReason("月度通报").setIdempotencyKey("x-4").build()))
                    .getStatus().getCode());

            var log = KeyPersonServiceGrpc.newBlockingStub(chief.channel())
                    .withCallCredentials(HubClient.bearer(chief.login().getAccessToken()))
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .listKeyPersonAccess(ListKeyPersonAccessRequest.getDefaultInstance()).getEntriesList();
            assertEquals(1, log.stream().filter(a -> a.getHow().startsWith("figures-")).count(), "one export recorded");
            KeyPersonAccess export = log.get(0);
            assertEquals(sequence, export.getSequence());
            assertEquals("figures-pdf", export.getHow());
            assertEquals("年度工作总结", export.getReason());
            assertEquals("chief1", export.getActor().getUserId());
        }
    }

    private static Timestamp ts(String iso) {
        return Timestamp.newBuilder().setSeconds(Instant.parse(iso).getEpochSecond()).build();
    }
}
