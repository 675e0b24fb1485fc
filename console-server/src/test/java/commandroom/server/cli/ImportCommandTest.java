package commandroom.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.GetSnapshotRequest;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engineer who installs the hub imports the station's camera ledger from the shell: the
 * running hub previews it (a bad line named, nothing written, exit 1), --apply writes it, and the
 * same file again writes nothing.
 */
class ImportCommandTest {

    @Test
    void aLedgerIsPreviewedThenAppliedFromTheShell() throws Exception {
        Path dir = Files.createTempDirectory("import-cli");
        Path ledger = dir.resolve("ledger.csv");
        Path password = dir.resolve("password");
        Files.writeString(password, TestCounty.PASSWORD + "\n");
        try (TestHub hub = TestHub.start(Backend.H2)) {
            CommandLineRunner cli = new CommandLineRunner(List.of("--server", "127.0.0.1:" + hub.port(),
                    "--trust", hub.certificate().toString(), "--user", "admin1", "--password-file", password.toString()));
            write(ledger, "城南警务区");
            var bad = cli.run("", "import", "cameras", ledger.toString(), "--apply");
            assertEquals(HubCommandLine.FAILED, bad.status(), bad.out() + bad.err());
            assertTrue(bad.out().contains("line 3 [警务区]: unknown_zone [城南警务区]"), bad.out());
            assertTrue(bad.out().contains("nothing was written"), bad.out());

            write(ledger, "城西警务区");
            var preview = cli.run("", "import", "cameras", ledger.toString());
            assertEquals(HubCommandLine.OK, preview.status(), preview.out() + preview.err());
            assertTrue(preview.out().contains("(GB18030): 2 item(s) read"), preview.out());
            assertTrue(preview.out().contains("would add 2, change 0, retire 0; 0 as they are"), preview.out());
            var applied = cli.run("", "import", "cameras", ledger.toString(), "--apply");
            assertEquals(HubCommandLine.OK, applied.status(), applied.out() + applied.err());
            assertTrue(applied.out().contains("added 2, changed 0, retired 0"), applied.out());
            try (var admin = hub.login("admin1")) {
                assertEquals(4, admin.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getCamerasCount());
            }
            var again = cli.run("", "import", "cameras", ledger.toString(), "--apply");
            assertTrue(again.out().contains("nothing to write"), again.out());

            Path book = dir.resolve("addresses.csv");
            StringBuilder rows = new StringBuilder("地址编码,标准地址,经度,纬度,警务区\n");
            for (int i = 1; i <= 2000; i++) {
                rows.append("A").append(i).append(",城关镇人民路").append(i).append("号,119.965,30.545,\n");
            }
            Files.writeString(book, rows);
            var addresses = cli.run("", "import", "addresses", book.toString(), "--apply");
            assertEquals(HubCommandLine.OK, addresses.status(), addresses.out() + addresses.err());
            assertTrue(addresses.out().contains("added 2000, changed 0, removed 0"), addresses.out());

            // Tomorrow's shift plan: the shift leader's to import, not the administrator's.
            Path plan = dir.resolve("排班表.csv");
            java.time.LocalDate tomorrow = java.time.LocalDate.now().plusDays(1);
            Files.write(plan, ("日期,班次,开始,结束,单位\r\n" + tomorrow + ",白班,08:00,18:00,城东辅警 王强\r\n"
                    + tomorrow + ",夜班,18:00,08:00,u-car1\r\n").getBytes(java.nio.charset.Charset.forName("GB18030")));
            var byAdmin = cli.run("", "import", "shifts", plan.toString(), "--apply");
            assertTrue(byAdmin.err().contains("PERMISSION_DENIED"), byAdmin.out() + byAdmin.err());
            CommandLineRunner leader = new CommandLineRunner(List.of("--server", "127.0.0.1:" + hub.port(),
                    "--trust", hub.certificate().toString(), "--user", "leader1", "--password-file", password.toString()));
            var shifts = leader.run("", "import", "shifts", plan.toString(), "--apply");
            assertEquals(HubCommandLine.OK, shifts.status(), shifts.out() + shifts.err());
            assertTrue(shifts.out().contains("2 shift(s) read"), shifts.out());
            assertTrue(shifts.out().contains("added 2, changed 0, removed 0"), shifts.out());

            var ledgerAsRoads = new CommandLineRunner(List.of("--data", dir.resolve("roads-data").toString()))
                    .run("", "import", "roads", ledger.toString());
            assertEquals(HubCommandLine.FAILED, ledgerAsRoads.status(), "a ledger is no road network");
            assertTrue(ledgerAsRoads.err().contains("not imported"), ledgerAsRoads.err());
            var wrongKind = cli.run("", "import", "people", ledger.toString());
            assertEquals(HubCommandLine.USAGE, wrongKind.status());
        }
    }

    private static void write(Path file, String zone) throws Exception {
        Files.write(file, ("国标编码,名称,类型,经度,纬度,警务区\r\n"
                + "33010812001310000021,人民路东口,天网,119.9671,30.5452,\r\n"
                + "33010812001310000022,城西小学,雪亮,119.9531,30.5433," + zone + "\r\n").getBytes(Charset.forName("GB18030")));
    }
}
