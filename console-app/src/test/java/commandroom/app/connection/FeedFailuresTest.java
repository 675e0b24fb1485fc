package commandroom.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.model.ConnectionState.Refusal;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What the feed makes of a failure: transient or a refusal, and what it writes in the log. */
class FeedFailuresTest {

    @Test
    void aLostConnectionIsTransientAndNoRefusal() {
        for (Status s : List.of(Status.UNAVAILABLE, Status.DEADLINE_EXCEEDED, Status.ABORTED, Status.CANCELLED)) {
            assertTrue(FeedFailures.isTransient(s), s.toString());
            assertNull(FeedFailures.refusal(s, true), s.toString());
        }
    }

    @Test
    void aMessageOverTheConsolesLimitIsTooLargeWithBothSizes() {
        Status s = Status.RESOURCE_EXHAUSTED.withDescription("gRPC message exceeds maximum size 16777216: 52428800");
        Refusal r = FeedFailures.refusal(s, true);
        assertEquals(new Refusal(Refusal.Kind.SNAPSHOT_TOO_LARGE, 16_777_216, 52_428_800,
                "RESOURCE_EXHAUSTED: gRPC message exceeds maximum size 16777216: 52428800"), r);
        assertEquals(Refusal.Kind.EVENT_TOO_LARGE, FeedFailures.refusal(s, false).kind());
    }

    @Test
    void theHubsOwnRefusalsAreNamed() {
        assertEquals(Refusal.Kind.TOO_MANY_STREAMS,
                FeedFailures.refusal(Status.RESOURCE_EXHAUSTED.withDescription("8 streams open for duty1"), false).kind());
        assertEquals(Refusal.Kind.DENIED, FeedFailures.refusal(Status.PERMISSION_DENIED, true).kind());
        assertEquals(Refusal.Kind.SIGNED_OUT, FeedFailures.refusal(Status.UNAUTHENTICATED, false).kind());
        assertEquals(Refusal.Kind.OTHER, FeedFailures.refusal(Status.INTERNAL.withDescription("x"), true).kind());
    }

    @Test
    void aRepeatedFailureIsWrittenOnceThenCounted() {
        List<LogRecord> lines = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(EventFeed.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r);
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        logger.addHandler(capture);
        java.util.logging.Level level = logger.getLevel();
        logger.setLevel(java.util.logging.Level.INFO);
        try {
            FailureLog log = new FailureLog();
            for (int i = 0; i < 1500; i++) {
                log.failed("GetSnapshot", "RESOURCE_EXHAUSTED: gRPC message exceeds maximum size 4096: 18000", true, 30_000);
            }
            // The first, then "still failing" at 10, 100 and 1000.
            assertEquals(4, lines.size(), lines.stream().map(LogRecord::getMessage).toList().toString());
            assertTrue(lines.get(3).getMessage().contains("1000 times"), lines.get(3).getMessage());

            log.failed("Subscribe", "UNAVAILABLE: io exception", false, 250);
            assertEquals(6, lines.size(), "the count of the previous run, and the new failure");
            assertTrue(lines.get(4).getMessage().contains("1500 times"), lines.get(4).getMessage());
            log.live();
            assertEquals(7, lines.size());
            assertTrue(lines.stream().noneMatch(r -> r.getThrown() != null), "no stack traces");
        } finally {
            logger.setLevel(level);
            logger.removeHandler(capture);
        }
    }
}
