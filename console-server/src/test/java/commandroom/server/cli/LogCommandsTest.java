package commandroom.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.HubBootstrap;
import commandroom.server.HubConfig;
import commandroom.server.store.Database;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.Reporter;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Backup, restore and the audit-chain verifier, as the IT officer runs them: a log backed up from
 * the embedded H2 file is restored into PostgreSQL and the hub there shows the same county and
 * lets the same users in; a restore into a database in use is refused and changes nothing; the
 * verifier names the first altered, deleted or reordered event, and backup refuses such a log.
 */
class LogCommandsTest {

    @Test
    void aBackupFromH2RestoresIntoPostgresAndTheHubThereShowsTheSameLog() throws Exception {
        HubConfig h2 = TestHub.config(Backend.H2);
        Snapshot before;
        byte[] clip = new byte[2 * 1024 * 1024 + 77];
        new java.util.Random(5).nextBytes(clip);
        String incidentId;
        try (TestHub hub = TestHub.start(Backend.H2, c -> h2); HubClient duty = hub.login("duty1")) {
            incidentId = duty.command().withDeadlineAfter(10, TimeUnit.SECONDS).reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_HIGH)
                    .setPosition(TestCounty.pos(30.5452, 119.9655)).setAddress("城东路 12 号")
                    .setReporter(Reporter.newBuilder().setName("刘女士").setPhone("13800000000"))
                    .setSummary("邻里噪音纠纷").setIdempotencyKey("backup-1").build()).getIncident().getId();
            // Video evidence: its bytes live apart from the log, in chunks, and must come along.
            commandroom.server.ClipEvidenceTest.upload(duty, commandroom.server.ClipEvidenceTest.header(incidentId, clip,
                    commandroom.server.ClipEvidenceTest.sha256(clip), java.time.Instant.now().minusSeconds(1)), clip)
                    .get(30, TimeUnit.SECONDS);
            before = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
        }
        Path file = Files.createTempDirectory("backup").resolve("hub.crbak");
        var backedUp = new CommandLineRunner(UserCommandsTest.databaseOptions(h2)).run(PASSPHRASE + "\n", "backup",
                file.toString());
        assertEquals(0, backedUp.status(), backedUp.err());
        assertTrue(backedUp.out().contains("backed up " + before.getAsOfSequence() + " events"), backedUp.out());

        HubConfig pg = TestHub.config(Backend.POSTGRES).withSeed(null);
        CommandLineRunner onPostgres = new CommandLineRunner(UserCommandsTest.databaseOptions(pg));
        var restored = onPostgres.run(PASSPHRASE + "\n", "restore", file.toString());
        assertEquals(0, restored.status(), restored.err());
        assertTrue(restored.out().contains("restored " + before.getAsOfSequence() + " events"), restored.out());
        var verified = onPostgres.run("", "verify");
        assertEquals(0, verified.status(), verified.out());
        assertTrue(verified.out().contains("audit chain intact: " + before.getAsOfSequence() + " events"), verified.out());

        try (HubBootstrap hub = HubBootstrap.start(pg);
             HubClient duty = HubClient.login("127.0.0.1", hub.port(), hub.certificate(), "duty1", TestCounty.PASSWORD)) {
            Snapshot after = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
            assertEquals(before.getAsOfSequence() + 1, after.getAsOfSequence(), "the same log, and the log-in's event");
            assertEquals(before.getIncidentsList(), after.getIncidentsList());
            assertEquals(before.getUnitsCount(), after.getUnitsCount());
            org.junit.jupiter.api.Assertions.assertArrayEquals(clip,
                    commandroom.server.ClipEvidenceTest.read(duty, incidentId, incidentId + "-E1"), "the clip came along");
        }

        var again = onPostgres.run(PASSPHRASE + "\n", "restore", file.toString());
        assertEquals(1, again.status());
        assertTrue(again.err().contains("restore needs an empty database"), again.err());
        assertTrue(onPostgres.run("", "verify").out().contains("intact: " + (before.getAsOfSequence() + 1) + " events"),
                "the refused restore added nothing (the one more is the log-in above)");
    }

    @Test
    void verifierNamesTheFirstAlteredDeletedOrReorderedEventAndBackupRefusesIt() throws Exception {
        HubConfig h2 = TestHub.config(Backend.H2);
        try (TestHub hub = TestHub.start(Backend.H2, c -> h2)) {
            hub.hub().lastSequence();
        }
        CommandLineRunner cli = new CommandLineRunner(UserCommandsTest.databaseOptions(h2));
        var intact = cli.run("", "verify");
        assertEquals(0, intact.status(), intact.out() + intact.err());

        sql(h2, "UPDATE events SET body = (SELECT body FROM events WHERE seq = 3),"
                + " hash = (SELECT hash FROM events WHERE seq = 3) WHERE seq = 4",
                "UPDATE events SET body = (SELECT body FROM events WHERE seq = 5) WHERE seq = 3",
                "UPDATE events SET hash = (SELECT hash FROM events WHERE seq = 5) WHERE seq = 3");
        assertBrokenAt(cli, 3, "reordered: event 5 copied over event 3");

        HubConfig altered = TestHub.config(Backend.H2);
        try (TestHub hub = TestHub.start(Backend.H2, c -> altered)) {
            hub.hub().lastSequence();
        }
        CommandLineRunner cli2 = new CommandLineRunner(UserCommandsTest.databaseOptions(altered));
        sql(altered, "UPDATE events SET actor = 'x', body = (SELECT body FROM events WHERE seq = 6) WHERE seq = 7");
        assertBrokenAt(cli2, 7, "altered body");
        var refused = cli2.run(PASSPHRASE + "\n", "backup", Files.createTempDirectory("b").resolve("x.crbak").toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("event 7"), refused.err());

        sql(altered, "DELETE FROM events WHERE seq = 2");
        assertBrokenAt(cli2, 2, "deleted");
    }

    private static void assertBrokenAt(CommandLineRunner cli, long sequence, String what) {
        var r = cli.run("", "verify");
        assertEquals(1, r.status(), what + ": " + r.out());
        assertTrue(r.out().contains("audit chain broken at event " + sequence + ":"), what + ": " + r.out());
    }

    static final String PASSPHRASE = "清溪 backup 2026-12";

    @Test
    void aBackupIsEncryptedAndAWrongPassphraseOrADamagedFileRestoresNothing() throws Exception {
        HubConfig h2 = TestHub.config(Backend.H2);
        try (TestHub hub = TestHub.start(Backend.H2, c -> h2)) {
            hub.hub().lastSequence();
        }
        Path file = Files.createTempDirectory("backup").resolve("hub.crbak");
        var backedUp = new CommandLineRunner(UserCommandsTest.databaseOptions(h2)).run(PASSPHRASE + "\n", "backup",
                file.toString());
        assertEquals(0, backedUp.status(), backedUp.err());
        byte[] bytes = Files.readAllBytes(file);
        String asText = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(!asText.contains("events.bin") && !asText.contains("duty1"), "nothing readable in the file");

        HubConfig empty = TestHub.config(Backend.H2).withSeed(null);
        CommandLineRunner target = new CommandLineRunner(UserCommandsTest.databaseOptions(empty));
        var wrong = target.run("not the passphrase\n", "restore", file.toString());
        assertEquals(1, wrong.status(), wrong.out());
        assertTrue(wrong.err().contains("wrong passphrase"), wrong.err());

        byte[] damaged = bytes.clone();
        damaged[damaged.length / 2] ^= 1;
        Path broken = file.resolveSibling("broken.crbak");
        Files.write(broken, damaged);
        var refused = target.run(PASSPHRASE + "\n", "restore", broken.toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("damaged"), refused.err());

        Path cut = file.resolveSibling("cut.crbak");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        var shortened = target.run(PASSPHRASE + "\n", "restore", cut.toString());
        assertEquals(1, shortened.status());
        assertTrue(target.run("", "verify").out().contains("intact: 0 events"), "nothing was restored");

        var restored = target.run(PASSPHRASE + "\n", "restore", file.toString());
        assertEquals(0, restored.status(), restored.err());
    }

    private static void sql(HubConfig c, String... statements) throws Exception {
        try (Database db = Database.openH2(c.dataDir()); Connection conn = db.dataSource().getConnection();
             Statement s = conn.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }
}
