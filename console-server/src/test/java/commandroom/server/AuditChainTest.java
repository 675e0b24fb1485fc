package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.server.log.ChainBrokenException;
import commandroom.server.log.EventLog;
import commandroom.server.log.FanOut;
import commandroom.server.store.Database;
import commandroom.server.store.EventStore;
import commandroom.server.testing.Backend;
import commandroom.server.testing.TestHub;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The audit chain names the first event that was altered or deleted. */
class AuditChainTest {

    @Test
    void alteredOrDeletedEventBreaksTheChainAtThatEvent() throws Exception {
        var config = TestHub.config(Backend.H2);
        try (TestHub hub = TestHub.start(Backend.H2, c -> config)) {
            hub.hub().lastSequence();
        }
        try (Database db = Database.openH2(config.dataDir())) {
            assertEquals(-1, brokenAt(db), "an untouched log verifies");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE events SET body = (SELECT body FROM events WHERE seq = 3) WHERE seq = 5");
            }
            assertEquals(5, brokenAt(db), "altered event 5 is named");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM events WHERE seq = 2");
            }
            assertEquals(2, brokenAt(db), "deleted event 2 is named");
        }
    }

    private static long brokenAt(Database db) {
        try (FanOut fanOut = new FanOut(new EventStore(db), 16, Duration.ofSeconds(5), 1, 8, 100)) {
            EventLog log = new EventLog(new EventStore(db), fanOut);
            try {
                log.replay(e -> { });
                return -1;
            } catch (ChainBrokenException e) {
                return e.sequence();
            }
        }
    }
}
