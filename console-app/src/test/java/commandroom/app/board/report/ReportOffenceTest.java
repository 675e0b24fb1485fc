package commandroom.app.board.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.Figures;
import commandroom.v1.GetFiguresRequest;
import commandroom.v1.OffenceCategory;
import commandroom.v1.OffenceFigure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The offence in the intake dialog (接警登记), as a shift leader uses it: a call taken in without
 * one counts as no case; an e-bike theft with its category chosen is kept by the hub and counted in
 * the chief's preventable cases, under its category.
 */
class ReportOffenceTest extends FxRobot {

    private Workstation console;

    @Test
    void theOffenceChosenInTheIntakeDialogIsCountedAsAPreventableCase() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient chief = hub.login("chief1")) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1");
            console = w;
            try {
                interact(() -> {
                    w.stages().get(0).setWidth(1600);
                    w.stages().get(0).setHeight(900);
                });
                Waits.until("live", Duration.ofSeconds(20), () -> w.state().connectionProperty().get().isLive());

                report("人民路 4 号", "门口有人吵闹", null);
                report("人民路 5 号", "电动车停在楼下被盗", "盗窃车辆（含电动车）");

                Figures f = chief.cases().getFigures(GetFiguresRequest.newBuilder()
                        .setFrom(ts(Instant.now().minus(Duration.ofDays(1))))
                        .setTo(ts(Instant.now().plus(Duration.ofDays(1)))).build());
                assertEquals(1, f.getPreventableCases().getValue(), "the theft, not the noise");
                assertEquals(1, f.getPreventableByCategoryList().stream()
                        .filter(c -> c.getCategory() == OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT)
                        .mapToDouble(c -> c.getFigure().getValue()).sum(), "under vehicle theft");
                assertEquals(1, f.getPreventableByCategoryList().stream().map(OffenceFigure::getFigure)
                        .mapToDouble(commandroom.v1.Figure::getValue).sum(), "and under nothing else");
            } finally {
                Consoles.close(w);
            }
        }
    }

    /** Takes in an incident through the dialog, choosing the offence when one is given, and waits for it. */
    private void report(String address, String summary, String offence) {
        clickOn("#action-report");
        Waits.until("the intake dialog", Duration.ofSeconds(5), () -> lookup("#report-dialog").tryQuery().isPresent());
        if (offence != null) {
            clickOn("#report-offence").clickOn(offence);
        }
        clickOn("#report-address").write(address);
        clickOn("#report-summary").write(summary);
        clickOn("#report-send");
        Waits.until("the incident on the console", Duration.ofSeconds(15),
                () -> console.state().incidents().values().stream().anyMatch(i -> i.address().equals(address)));
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }
}
