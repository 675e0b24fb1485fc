package commandroom.app.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.testing.Choices;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.sim.history.DisputeHistory;
import commandroom.sim.history.DisputeYear;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The station chief reads the published year in the statistics panel: two years of dispute work
 * and preventable cases are played into a real hub, the chief picks 2025 and sees exactly the
 * station's published figures against 2024, exports them as CSV and PDF, then picks the town's zone
 * (the test county's east zone, z-cd) and reads the published "preventable cases in town down 9 %".
 */
class FiguresPanelTest extends FxRobot {

    private static final ZoneId STATION = ZoneId.of("Asia/Shanghai");

    @Test
    void theChiefReadsThePublishedYearAndExportsIt() throws Exception {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock).withClockPeriod(Duration.ofMillis(10))
                .withTokens(Duration.ofDays(800), Duration.ofDays(800)));
             HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1");
             HubClient officer = hub.login("u-cd-co1"); HubClient chief = hub.login("chief1")) {
            DisputeHistory history = new DisputeHistory(new DisputeHistory.Room(duty::command, duty::cases, leader::cases,
                    officer::field, chief::command),
                    t -> clock.advance(Duration.between(clock.instant(), t)), TestCounty.pos(30.5452, 119.9655),
                    TestCounty.pos(30.5452, 119.9555));
            history.play(DisputeYear.YEAR_BEFORE, ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, STATION).toInstant(), "2024");
            history.play(DisputeYear.PUBLISHED, ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, STATION).toInstant(), "2025");
            clock.advance(Duration.between(clock.instant(), java.time.Instant.now()));

            Path exports = Files.createTempDirectory("exports");
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "chief1", Files.createTempDirectory("layouts"),
                    c -> c.useExportFolder(exports));
            try {
                interact(() -> {
                    w.stages().get(0).setWidth(1600);
                    w.stages().get(0).setHeight(900);
                });
                clickOn("#tab-stats");
                Choices.pick(this, "#figures-year", "2025 年");
                Choices.pick(this, "#figures-month", "全年");
                clickOn("#figures-load");
                Waits.until("the 2025 figures", Duration.ofSeconds(15), () -> text("#figures-disputesRegistered-value").equals("410")
                        && text("#figures-disputesRegistered-previous").equals("547"));
                assertEquals("100.00%", text("#figures-resolutionRate-value"));
                assertEquals("1093", text("#figures-mediations-value"));
                assertEquals("1073", text("#figures-mediationsAgreed-value"));
                assertEquals("98.17%", text("#figures-mediationSuccessRate-value"));
                assertEquals("-25.0%", text("#figures-disputesRegistered-change"));
                assertEquals("29", text("#figures-repeatCalls-value"));
                assertEquals("-71.0%", text("#figures-repeatCalls-change"));
                // The whole station's preventable cases barely moved; the published fall is the town's (below).
                assertEquals("173", text("#figures-preventableCases-value"));
                assertEquals("174", text("#figures-preventableCases-previous"));
                assertEquals("17", text("#figures-preventableBurglary-value"), "lines by category");
                Screenshots.save(this, w.stages().get(0).getScene().getRoot(), "stats-figures");

                // An export asks why first; Cancel writes nothing and records nothing.
                Path csv = exports.resolve("figures-2025-01-01-2025-12-31.csv");
                clickOn("#figures-export");
                awaitReason();
                clickOn("#stats-reason-cancel");
                assertFalse(Files.exists(csv), "no reason, no file");
                clickOn("#figures-export");
                awaitReason();
                clickOn("#stats-reason-choice-2");
                Screenshots.save(this, lookup("#stats-reason-dialog").query(), "stats-export-reason");
                clickOn("#stats-reason-ok");
                Waits.until("the CSV written", Duration.ofSeconds(10), () -> text("#figures-status").contains(csv.toString()));
                assertEquals(List.of("figures-csv 工作总结"), exportsRecorded(chief), "the export and its reason in the log");
                List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
                assertEquals("\uFEFF指标,本期,上期,同比变化", lines.get(0));
                assertTrue(lines.contains("纠纷登记,410,547,-25.0%"), lines.toString());
                assertTrue(lines.contains("调解成功率,98.17%,95.96%,+2.21 pp"), lines.toString());
                assertTrue(lines.contains("重复警情,29,100,-71.0%"), lines.toString());
                assertTrue(lines.contains("可防性案件合计,173,174,-0.6%"), lines.toString());
                for (String category : List.of("入室盗窃", "盗窃车辆", "扒窃", "其他盗窃", "诈骗", "抢劫抢夺")) {
                    assertTrue(lines.stream().anyMatch(l -> l.startsWith(category + ",")), category + " in " + lines);
                }
                assertTrue(text("#figures-status").contains(csv.toString()));

                clickOn("#figures-pdf");
                awaitReason();
                clickOn("#stats-reason").write("上报县局年度考核");
                clickOn("#stats-reason-ok");
                Path pdf = exports.resolve("figures-2025-01-01-2025-12-31.pdf");
                Waits.until("the PDF written", Duration.ofSeconds(20), () -> text("#figures-status").contains(pdf.toString()));
                try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                    assertEquals(1, doc.getNumberOfPages());
                    assertEquals("统计报告 2025-01-01 至 2025-12-31", doc.getDocumentInformation().getTitle());
                    java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 100);
                    Path png = Screenshots.DIR.resolve("stats-report.png");
                    javax.imageio.ImageIO.write(page, "png", png.toFile());
                    assertTrue(darkShare(page) > 0.01 && darkShare(page) < 0.5, "a printed page: dark text and bars on white");
                }

                // The town: its zone chosen, the published fall of its preventable cases.
                Waits.until("the zones to choose from", Duration.ofSeconds(10),
                        () -> lookup("#figures-zone").queryComboBox().getItems().contains("z-cd"));
                Choices.pick(this, "#figures-zone", "城东警务区");
                clickOn("#figures-load");
                Waits.until("the town's figures", Duration.ofSeconds(15),
                        () -> text("#figures-preventableCases-value").equals("121"),
                        () -> text("#figures-preventableCases-value") + " in " + lookup("#figures-zone").queryComboBox().getValue());
                assertEquals("133", text("#figures-preventableCases-previous"));
                assertEquals("-9.0%", text("#figures-preventableCases-change"));
                clickOn("#figures-export");
                awaitReason();
                clickOn("#stats-reason-choice-0");
                clickOn("#stats-reason-ok");
                Path town = exports.resolve("figures-2025-01-01-2025-12-31-z-cd.csv");
                Waits.until("the town's CSV written", Duration.ofSeconds(10), () -> text("#figures-status").contains(town.toString()));
                List<String> townLines = Files.readAllLines(town, StandardCharsets.UTF_8);
                assertTrue(townLines.contains("可防性案件合计,121,133,-9.0%"), townLines.toString());

                // One unit of the town: the loop's figures count its tasks only (the visits were the
                // community officer's, none the auxiliary officer's); the case figures stay the town's.
                String townTasks = text("#figures-tasksDispatched-value");
                assertTrue(Integer.parseInt(townTasks) > 0, townTasks);
                Choices.pick(this, "#figures-unit", "城东辅警 王强");
                clickOn("#figures-load");
                Waits.until("the auxiliary officer's figures", Duration.ofSeconds(15),
                        () -> text("#figures-tasksDispatched-value").equals("0"));
                assertEquals("121", text("#figures-preventableCases-value"));
                Choices.pick(this, "#figures-unit", "城东社区民警 李明");
                clickOn("#figures-load");
                Waits.until("the community officer's figures", Duration.ofSeconds(15),
                        () -> text("#figures-tasksDispatched-value").equals(townTasks));
            } finally {
                Consoles.close(w);
            }
        }
    }

    /** Share of pixels darker than mid-grey. */
    private static double darkShare(java.awt.image.BufferedImage img) {
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3 < 128) {
                    dark++;
                }
            }
        }
        return dark / (double) ((img.getHeight() / 2) * (img.getWidth() / 2));
    }

    private void awaitReason() {
        Waits.until("asked why", Duration.ofSeconds(10), () -> lookup("#stats-reason").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
    }

    /** The exports in the hub's access log, newest first: "how reason". */
    private static List<String> exportsRecorded(HubClient chief) {
        return commandroom.v1.KeyPersonServiceGrpc.newBlockingStub(chief.channel())
                .withCallCredentials(HubClient.bearer(chief.login().getAccessToken()))
                .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
                .listKeyPersonAccess(commandroom.v1.ListKeyPersonAccessRequest.getDefaultInstance()).getEntriesList()
                .stream().filter(a -> a.getHow().startsWith("figures-")).map(a -> a.getHow() + " " + a.getReason())
                .toList();
    }

    private String text(String id) {
        return lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }
}
