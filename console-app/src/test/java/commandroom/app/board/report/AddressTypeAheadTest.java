package commandroom.app.board.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.model.IncidentItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Addresses;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.StandardAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A duty officer takes a call and types the address as the caller says it (pinyin initials, or a
 * Chinese number): the station's standard addresses are offered under the field, one is taken
 * with the keyboard, and the incident goes in at that address's position; an address the book
 * does not have is still taken as typed.
 */
class AddressTypeAheadTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theOfficerTypesAndTakesAStandardAddress() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient admin = hub.login("admin1")) {
            List<StandardAddress> book = new ArrayList<>();
            for (int i = 1; i <= 400; i++) {
                book.add(StandardAddress.newBuilder().setId("330108-" + i).setText("城关镇人民路" + i + "号")
                        .setPosition(TestCounty.pos(30.541 + i * 0.00002, 119.962)).build());
            }
            Addresses.send(admin, book, "d".repeat(64), true);
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "duty1");
            try {
                interact(() -> {
                    w.stages().get(0).setWidth(1600);
                    w.stages().get(0).setHeight(900);
                });
                Waits.until("live", Duration.ofSeconds(20), () -> w.state().connectionProperty().get().isLive());
                clickOn("#action-report");
                Waits.until("the intake dialog", WAIT, () -> lookup("#report-dialog").tryQuery().isPresent());
                clickOn("#report-address").write("rml12");
                Waits.until("offered", WAIT, () -> offered().contains("城关镇人民路12号"));
                assertEquals("城关镇人民路12号", offered().get(0), "the exact number first");
                Screenshots.save(this, lookup("#report-dialog").query(), "report-address-typeahead");
                type(KeyCode.DOWN, KeyCode.ENTER);
                Waits.until("taken", WAIT, () -> field("#report-address").equals("城关镇人民路12号"));
                assertTrue(offered().isEmpty(), "the offers close");
                assertTrue(lookup("#report-address-matched").queryAs(Label.class).getText().contains("330108-12"));
                assertEquals(30.54124, Double.parseDouble(field("#latitudeField")), 1e-6, "the address's position");
                clickOn("#report-summary").write("楼道内有人争吵");
                clickOn("#report-send");
                Waits.until("reported at the address", WAIT, () -> w.state().incidents().values().stream()
                        .anyMatch(i -> i.address().equals("城关镇人民路12号")));
                IncidentItem i = w.state().incidents().values().stream()
                        .filter(x -> x.address().equals("城关镇人民路12号")).findFirst().orElseThrow();
                assertEquals(30.54124, i.latitude(), 1e-6);

                clickOn("#action-report");
                Waits.until("the intake dialog", WAIT, () -> lookup("#report-dialog").tryQuery().isPresent());
                clickOn("#report-address").write("人民路十二号");
                Waits.until("a Chinese number offered too", WAIT, () -> offered().contains("城关镇人民路12号"));
                type(KeyCode.ESCAPE);
                Waits.until("offers closed", WAIT, () -> offered().isEmpty());
                doubleClickOn("#report-address").eraseText(10).write("城外桥头菜市场");
                clickOn("#report-summary").write("占道经营");
                clickOn("#report-send");
                Waits.until("a free address taken as typed", WAIT, () -> w.state().incidents().values().stream()
                        .anyMatch(x -> x.address().equals("城外桥头菜市场")));
            } finally {
                Consoles.close(w);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> offered() {
        return lookup("#report-address-suggestions").tryQueryAs(ListView.class)
                .map(l -> ((List<Object>) List.copyOf(l.getItems())).stream()
                        .map(o -> ((commandroom.app.model.AddressSuggestion) o).text()).toList()).orElse(List.of());
    }

    private String field(String id) {
        return lookup(id).queryAs(TextField.class).getText();
    }
}
