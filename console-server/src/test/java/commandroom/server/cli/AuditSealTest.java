package commandroom.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.HubConfig;
import commandroom.server.log.EventHashes;
import commandroom.server.store.Database;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.Event;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.StartHandoverRequest;
import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Someone with write access to the database changes an event and recomputes every hash after it,
 * so the chain's hashes agree again; or cuts the log's tail off, seals and all. verify catches
 * both: the seals were made with a key the database does not hold, and the heads were published
 * in a file outside it. A head from a handover packet, given by hand, catches a cut too.
 */
class AuditSealTest {

    @Test
    void aRewrittenChainAndACutTailAreCaught() throws Exception {
        HubConfig config = TestHub.config(Backend.H2);
        String handoverHead;
        try (TestHub hub = TestHub.start(Backend.H2, c -> config);
             HubClient duty = hub.login("duty1")) {
            for (int i = 0; i < 5; i++) {
                report(duty, "纠纷 " + i);
            }
            var handover = commandroom.v1.ShiftServiceGrpc.newBlockingStub(duty.channel())
                    .withCallCredentials(HubClient.bearer(duty.login().getAccessToken()))
                    .startHandover(StartHandoverRequest.newBuilder().setNote("交班").build()).getHandover();
            assertTrue(handover.getChainHeadSequence() > 5, "the handover packet carries the chain's head");
            handoverHead = handover.getChainHeadSequence() + ":"
                    + HexFormat.of().formatHex(handover.getChainHeadHash().toByteArray());
            report(duty, "交班后");
        }
        assertTrue(Files.readString(config.publishedHeadsFile()).lines().count() >= 1, "heads published outside");
        CommandLineRunner cli = new CommandLineRunner(UserCommandsTest.databaseOptions(config));
        var intact = cli.run("", "verify", "--head", handoverHead);
        assertEquals(0, intact.status(), intact.out() + intact.err());
        assertTrue(intact.out().contains("signatures checked"), intact.out());

        long last = rewriteFrom(config, 8);
        var rewritten = cli.run("", "verify");
        assertEquals(1, rewritten.status(), rewritten.out());
        assertTrue(rewritten.out().contains("were rewritten"), rewritten.out());

        HubConfig second = TestHub.config(Backend.H2);
        try (TestHub hub = TestHub.start(Backend.H2, c -> second); HubClient duty = hub.login("duty1")) {
            for (int i = 0; i < 5; i++) {
                report(duty, "纠纷 " + i);
            }
        }
        try (Database db = Database.openH2(second.dataDir()); Connection c = db.dataSource().getConnection()) {
            c.createStatement().executeUpdate("DELETE FROM events WHERE seq > 6");
            c.createStatement().executeUpdate("DELETE FROM chain_seals");
        }
        var cut = new CommandLineRunner(UserCommandsTest.databaseOptions(second)).run("", "verify");
        assertEquals(1, cut.status(), cut.out());
        assertTrue(cut.out().contains("the log ends at event 6") && cut.out().contains("cut short"), cut.out());
        assertTrue(last > 8);
    }

    private static void report(HubClient duty, String summary) {
        duty.command().reportIncident(ReportIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_DISPUTE)
                .setPriority(Priority.PRIORITY_NORMAL).setPosition(TestCounty.pos(30.5452, 119.9655))
                .setAddress("城东路").setSummary(summary).build());
    }

    /** Changes event `from`'s actor and recomputes the chain from there, as an insider could. */
    private static long rewriteFrom(HubConfig c, long from) throws Exception {
        try (Database db = Database.openH2(c.dataDir()); Connection conn = db.dataSource().getConnection()) {
            List<Event> events = new ArrayList<>();
            try (ResultSet rs = conn.createStatement().executeQuery("SELECT body FROM events ORDER BY seq")) {
                while (rs.next()) {
                    events.add(Event.parseFrom(rs.getBytes(1)));
                }
            }
            ByteString prev = events.get((int) from - 2).getHash();
            for (int i = (int) from - 1; i < events.size(); i++) {
                Event.Builder b = events.get(i).toBuilder().setPrevHash(prev).clearHash();
                if (i == from - 1) {
                    b.setActor(b.getActor().toBuilder().setUserId("someone-else"));
                }
                Event unhashed = b.build();
                Event rehashed = unhashed.toBuilder().setHash(EventHashes.compute(unhashed)).build();
                try (PreparedStatement ps = conn.prepareStatement("UPDATE events SET hash = ?, body = ? WHERE seq = ?")) {
                    ps.setBytes(1, rehashed.getHash().toByteArray());
                    ps.setBytes(2, rehashed.toByteArray());
                    ps.setLong(3, rehashed.getSequence());
                    ps.executeUpdate();
                }
                prev = rehashed.getHash();
            }
            return events.size();
        }
    }
}
