package commandroom.app.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.HubClient;
import commandroom.v1.Figure;
import commandroom.v1.Figures;
import commandroom.v1.GetFiguresRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import commandroom.app.ui.Theme;
import commandroom.app.workspace.FirstStartWindow;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.testfx.api.FxToolkit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The README's first command on a fresh machine, as a new user meets it: the embedded default with
 * a window writes the station's two published years into its fresh log before it serves, so the
 * chief's statistics open on the published year's figures (exactly what the station published: 410
 * disputes all resolved, 1,073 of 1,093 mediations agreed, disputes -25 %, repeat calls -71 %, the
 * town's preventable cases 121 against 133); and a 110 call arrives within the first minute without
 * anyone typing one in. A second start over the same data writes no history again.
 */
class FirstStartTest extends FxRobot {

    private static final ZoneId STATION = ZoneId.of("Asia/Shanghai");

    @Test
    void aFreshStartHasTheStationsYearsAndCallsComingIn() throws Exception {
        Path data = Files.createTempDirectory("first-start");
        int lastYear = LocalDate.now(STATION).getYear() - 1;
        long started = System.nanoTime();
        long historyEvents;
        java.util.List<Double> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        // The window the launcher shows meanwhile.
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme::install);
        FirstStartWindow window = FirstStartWindow.show();
        try (EmbeddedDefault demo = EmbeddedDefault.start(data, 0, 1, null, EmbeddedDefault.Room.LIVING, 60,
                p -> {
                    progress.add(p);
                    window.progress(p);
                })) {
            long startMillis = (System.nanoTime() - started) / 1_000_000;
            historyEvents = demo.lastSequence();
            System.out.println("first start with the history: " + startMillis + " ms, " + historyEvents + " events");
            assertTrue(Files.exists(data.resolve(StationHistory.MARKER)), "the history is marked as played");
            assertTrue(progress.size() > 10 && progress.get(progress.size() - 1) > 0.95, "progress told: " + progress);
            Waits.until("the bar full", Duration.ofSeconds(5),
                    () -> lookup("#first-start-progress").queryAs(ProgressBar.class).getProgress() > 0.95);
            Screenshots.save(this, lookup("#first-start-progress").query().getScene().getRoot(), "first-start");
            window.close();
            try (HubClient chief = HubClient.login("127.0.0.1", demo.port(), demo.certificate(), "chief1",
                    EmbeddedDefault.demoPassword())) {
                Figures f = figures(chief, lastYear, "");
                assertFigure(410, 547, f.getDisputesRegistered());
                assertFigure(410, 547, f.getDisputesResolved());
                assertFigure(1093, 1460, f.getMediations());
                assertFigure(1073, 1401, f.getMediationsAgreed());
                assertEquals("98.17", String.format("%.2f", 100 * f.getMediationSuccessRate().getValue()));
                assertEquals("-25", String.format("%.0f", 100 * f.getDisputesRegistered().getChange()));
                assertFigure(29, 100, f.getRepeatCalls());
                assertFigure(173, 174, f.getPreventableCases());
                // The community officer made the visits as they fell due: nearly all on time.
                assertTrue(f.getVisitsDue().getValue() > 700, "visits due: " + f.getVisitsDue().getValue());
                assertTrue(f.getVisitsOnTime().getValue() >= 0.95 * f.getVisitsDue().getValue(),
                        f.getVisitsOnTime().getValue() + " of " + f.getVisitsDue().getValue() + " on time");
                assertFigure(121, 133, figures(chief, lastYear, "z-chengdong").getPreventableCases());
            }

            Workstation w = Consoles.open(demo.port(), demo.certificate(), "chief1");
            try {
                interact(() -> {
                    w.stages().get(0).setWidth(1600);
                    w.stages().get(0).setHeight(900);
                });
                // A call comes in by itself: the first within FIRST_CALL, its card on the chief's board.
                Waits.until("a 110 call on the board", Duration.ofSeconds(60),
                        () -> !lookup("#column-NEW .list-view").queryListView().getItems().isEmpty());
                clickOn("#tab-stats");
                clickOn("#figures-load");
                Waits.until("the published year's figures", Duration.ofSeconds(15),
                        () -> text("#figures-disputesRegistered-value").equals("410"),
                        () -> text("#figures-disputesRegistered-value"));
                assertEquals("547", text("#figures-disputesRegistered-previous"));
                assertEquals("98.17%", text("#figures-mediationSuccessRate-value"));
                Screenshots.save(this, w.stages().get(0).getScene().getRoot(), "first-start-figures");
            } finally {
                Consoles.close(w);
            }
        }
        try (EmbeddedDefault again = EmbeddedDefault.start(data, 0, 1, null, EmbeddedDefault.Room.LIVING, 0,
                p -> { })) {
            assertTrue(again.lastSequence() >= historyEvents, "the same log, opened again");
            assertFalse(StationHistory.isFresh(data));
            try (HubClient chief = HubClient.login("127.0.0.1", again.port(), again.certificate(), "chief1",
                    EmbeddedDefault.demoPassword())) {
                assertFigure(410, 547, figures(chief, lastYear, "").getDisputesRegistered());
            }
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

    private static void assertFigure(double value, double previous, Figure f) {
        assertEquals(value, f.getValue(), "this year");
        assertEquals(previous, f.getPrevious(), "the year before");
    }

    private String text(String id) {
        return lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }
}
