package commandroom.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.app.connection.CommandClient;
import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.TaskItem;
import commandroom.app.model.UnitItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The board's filter bar, used as a shift leader uses it: pick a unit, tick overdue only, type a
 * search; the board shows only the matching cards, and the filter comes back at the next log-in.
 */
class BoardFilterTest extends FxRobot {

    @Test
    void theBoardShowsWhatTheFilterAsksAndTheFilterComesBackAtTheNextLogIn() throws Exception {
        Path layouts = Files.createTempDirectory("filter-layouts");
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("filter"), 0, 0.05, null, false)) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1", layouts);
            UnitItem first;
            try {
                sized(w);
                Waits.until("units known", Duration.ofSeconds(20), () -> w.state().units().size() > 2);
                // The first unit the assignee list offers (units by name), and another one.
                List<UnitItem> byName = w.state().units().values().stream()
                        .sorted(Comparator.comparing(UnitItem::name)).toList();
                first = byName.get(0);
                UnitItem other = byName.get(1);
                CommandClient client = new CommandClient(HubSession.open("127.0.0.1", hub.port(), hub.certificate(),
                        "leader1", EmbeddedDefault.demoPassword()), Executors.newSingleThreadExecutor());
                dispatch(client, first, "甲：核实门店纠纷");
                dispatch(client, other, "乙：巡查夜市");
                Waits.until("both cards on the board", Duration.ofSeconds(20),
                        () -> shown(w).containsAll(List.of("甲：核实门店纠纷", "乙：巡查夜市")));

                pick("#filter-assignee", first.name());
                Waits.until("only the first unit's card", Duration.ofSeconds(5),
                        () -> shown(w).equals(List.of("甲：核实门店纠纷")));

                clickOn("#filter-overdue");
                Waits.until("nothing is overdue yet", Duration.ofSeconds(5), () -> shown(w).isEmpty());
                clickOn("#filter-overdue");

                pick("#filter-assignee", "全部");
                clickOn("#filter-search").write("夜市");
                Waits.until("only the night-market card", Duration.ofSeconds(5),
                        () -> shown(w).equals(List.of("乙：巡查夜市")));

                // Leave it on the first unit for the next log-in.
                interact(() -> lookup("#filter-search").<TextField>query().clear());
                pick("#filter-assignee", first.name());
                Waits.until("the first unit's card again", Duration.ofSeconds(5),
                        () -> shown(w).equals(List.of("甲：核实门店纠纷")));
            } finally {
                Consoles.close(w);
            }

            Workstation again = Consoles.open(hub.port(), hub.certificate(), "leader1", layouts);
            try {
                sized(again);
                Waits.until("the saved filter applied", Duration.ofSeconds(20),
                        () -> shown(again).equals(List.of("甲：核实门店纠纷")));
                ComboBox<?> assignee = from(again.stages().get(0).getScene().getRoot()).lookup("#filter-assignee").query();
                assertEquals(first.id(), ((UnitItem) assignee.getValue()).id(), "the assignee box shows the saved unit");
            } finally {
                Consoles.close(again);
            }
        }
    }

    /** Opens a filter's drop-down and clicks the entry with this text, as a person would. */
    private void pick(String box, String entry) {
        clickOn(box);
        Waits.until("the drop-down of " + box, Duration.ofSeconds(5),
                () -> lookup(".combo-box-popup .list-cell").match(hasText(entry)).tryQuery().isPresent());
        clickOn(lookup(".combo-box-popup .list-cell").match(hasText(entry)).<Node>query());
    }

    private static java.util.function.Predicate<Node> hasText(String text) {
        return n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText());
    }

    private void sized(Workstation w) {
        interact(() -> {
            var stage = w.stages().get(0);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
    }

    private static void dispatch(CommandClient client, UnitItem unit, String instruction) throws Exception {
        var incident = client.report(new CommandClient.IncidentDraft("DISPUTE", "NORMAL", unit.latitude(),
                unit.longitude(), "城关镇解放路 1 号", instruction, "", "")).get();
        client.dispatch(new CommandClient.DispatchDraft(incident.id(), incident.version(), "RESPOND",
                List.of(unit.id()), instruction, Map.of())).get();
    }

    /** The instructions of every card the board's task columns show now, in column order. */
    @SuppressWarnings("unchecked")
    private List<String> shown(Workstation w) {
        List<String> out = new ArrayList<>();
        for (Node n : from(w.stages().get(0).getScene().getRoot()).lookup(".board-column .list-view").queryAll()) {
            ((ListView<Object>) n).getItems().stream().filter(TaskItem.class::isInstance)
                    .map(t -> ((TaskItem) t).instruction()).forEach(out::add);
        }
        return out;
    }
}
