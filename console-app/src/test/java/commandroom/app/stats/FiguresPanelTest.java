package commandroom.app.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.testing.Choices;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.ui.Theme;
import commandroom.app.workspace.FirstStartWindow;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.HubClient;
import commandroom.v1.Figures;
import commandroom.v1.GetFiguresRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The README's first command on a fresh machine, then the station chief at the statistics panel.
 * The embedded default with a window writes the station's two published years into its fresh log
 * before it serves (a window says so meanwhile), so the chief's statistics open on the published
 * year: exactly what the station published — 410 disputes all resolved, 1,073 of 1,093 mediations
 * agreed (98.17 %), disputes -25 % and repeat calls -71 % on the year before, the town's
 * preventable cases 121 against 133 (-9 %). A 110 call arrives within the first minute without
 * anyone typing one in. The chief exports the figures as CSV and PDF, picks the town's zone and
 * one of its units. A second start over the same data writes no history again.
 */
class FiguresPanelTest extends FxRobot {

    private static final ZoneId STATION = ZoneId.of("Asia/Shanghai");

    @Test
    void aFreshStartHasTheStationsPublishedYearAndTheChiefExportsIt() throws Exception {
        Path data = Files.createTempDirectory("first-start");
        int lastYear = LocalDate.now(STATION).getYear() - 1;
        String period = lastYear + "-01-01-" + lastYear + "-12-31";
        List<Double> progress = new CopyOnWriteArrayList<>();
        // The window the launcher shows meanwhile.
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme::install);
        FirstStartWindow window = FirstStartWindow.show();
        long started = System.nanoTime();
        long historyEvents;
        try (EmbeddedDefault demo = EmbeddedDefault.start(data, 0, 1, null, EmbeddedDefault.Room.LIVING, 60, p -> {
            progress.add(p);
            window.progress(p);
        }); HubClient chief = HubClient.login("127.0.0.1", demo.port(), demo.certificate(), "chief1",
                EmbeddedDefault.demoPassword())) {
            historyEvents = demo.lastSequence();
            System.out.println("first start with the history: " + (System.nanoTime() - started) / 1_000_000 + " ms, "
                    + historyEvents + " events");
            assertFalse(EmbeddedDefault.writesHistory(data, EmbeddedDefault.Room.LIVING), "written once");
            assertTrue(progress.size() > 10 && progress.get(progress.size() - 1) > 0.95, "progress told: " + progress);
            Waits.until("the bar full", Duration.ofSeconds(5),
                    () -> lookup("#first-start-progress").queryAs(ProgressBar.class).getProgress() > 0.95);
            Screenshots.save(this, lookup("#first-start-progress").query().getScene().getRoot(), "first-start");
            window.close();

            Figures f = figures(chief, lastYear, "");
            // The community officer made the visits as they fell due: nearly all on time.
            assertTrue(f.getVisitsDue().getValue() > 700, "visits due: " + f.getVisitsDue().getValue());
            assertTrue(f.getVisitsOnTime().getValue() >= 0.95 * f.getVisitsDue().getValue(),
                    f.getVisitsOnTime().getValue() + " of " + f.getVisitsDue().getValue() + " on time");
            assertTrue(f.getSignForMinutesP50().getValue() > 0, "signed for after some minutes");

            Path exports = Files.createTempDirectory("exports");
            Workstation w = Consoles.open(demo.port(), demo.certificate(), "chief1", Files.createTempDirectory("layouts"),
                    c -> c.useExportFolder(exports));
            try {
                interact(() -> {
                    w.stages().get(0).setWidth(1600);
                    w.stages().get(0).setHeight(900);
                });
                // A call comes in by itself: the first within 15 s, its card on the chief's board.
                Waits.until("a 110 call on the board", Duration.ofSeconds(60),
                        () -> !lookup("#column-NEW .list-view").queryListView().getItems().isEmpty());
                clickOn("#tab-stats");
                // The panel opens on the last complete year: nothing to choose.
                assertEquals(lastYear, lookup("#figures-year").queryComboBox().getValue());
                clickOn("#figures-load");
                Waits.until("the published year's figures", Duration.ofSeconds(15),
                        () -> text("#figures-disputesRegistered-value").equals("410")
                        && text("#figures-disputesRegistered-previous").equals("547"),
                        () -> text("#figures-disputesRegistered-value"));
                assertEquals("410", text("#figures-disputesResolved-value"));
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
                Path csv = exports.resolve("figures-" + period + ".csv");
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
                Path pdf = exports.resolve("figures-" + period + ".pdf");
                Waits.until("the PDF written", Duration.ofSeconds(20), () -> text("#figures-status").contains(pdf.toString()));
                try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                    assertEquals(1, doc.getNumberOfPages());
                    assertEquals("统计报告 " + lastYear + "-01-01 至 " + lastYear + "-12-31", doc.getDocumentInformation().getTitle());
                    java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 100);
                    Path png = Screenshots.DIR.resolve("stats-report.png");
                    javax.imageio.ImageIO.write(page, "png", png.toFile());
                    assertTrue(darkShare(page) > 0.01 && darkShare(page) < 0.5, "a printed page: dark text and bars on white");
                }

                // The town: its zone chosen, the published fall of its preventable cases.
                Waits.until("the zones to choose from", Duration.ofSeconds(10),
                        () -> lookup("#figures-zone").queryComboBox().getItems().contains("z-chengdong"));
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
                Path town = exports.resolve("figures-" + period + "-z-chengdong.csv");
                Waits.until("the town's CSV written", Duration.ofSeconds(10), () -> text("#figures-status").contains(town.toString()));
                List<String> townLines = Files.readAllLines(town, StandardCharsets.UTF_8);
                assertTrue(townLines.contains("可防性案件合计,121,133,-9.0%"), townLines.toString());

                // One unit of the town: the loop's figures count its tasks only (the visits were the
                // community officer's, none the auxiliary officer's); the case figures stay the town's.
                String townTasks = text("#figures-tasksDispatched-value");
                assertTrue(Integer.parseInt(townTasks) > 0, townTasks);
                Choices.pick(this, "#figures-unit", "城东辅警 戴婷");
                clickOn("#figures-load");
                Waits.until("the auxiliary officer's figures", Duration.ofSeconds(15),
                        () -> text("#figures-tasksDispatched-value").equals("0"));
                assertEquals("121", text("#figures-preventableCases-value"));
                Choices.pick(this, "#figures-unit", "城东社区民警 袁建华");
                clickOn("#figures-load");
                Waits.until("the community officer's figures", Duration.ofSeconds(15),
                        () -> text("#figures-tasksDispatched-value").equals(townTasks));
            } finally {
                Consoles.close(w);
            }
        }
        try (EmbeddedDefault again = EmbeddedDefault.start(data, 0, 1, null, EmbeddedDefault.Room.LIVING, 0, p -> { });
             HubClient chief = HubClient.login("127.0.0.1", again.port(), again.certificate(), "chief1",
                     EmbeddedDefault.demoPassword())) {
            assertTrue(again.lastSequence() >= historyEvents, "the same log, opened again");
            Figures f = figures(chief, lastYear, "");
            assertEquals(410, f.getDisputesRegistered().getValue(), "no second history");
        }
    }

    private static Figures figures(HubClient chief, int year, String zone) {
        return chief.cases().getFigures(GetFiguresRequest.newBuilder().setFrom(startOf(year)).setTo(startOf(year + 1))
                .setZoneId(zone).build());
    }

    private static Timestamp startOf(int year) {
        Instant i = LocalDate.of(year, 1, 1).atStartOfDay(STATION).toInstant();
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
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
