package commandroom.app.board;

import commandroom.app.connection.CommandClient;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.util.Collection;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The shift leader pushes one instruction to every unit of a police zone (全区下达), e.g. "加强
 * 夜间巡逻". The units are counted in the dialog before sending. FX thread only.
 */
public final class ZoneBroadcastView {

    private ZoneBroadcastView() {}

    public static void show(Collection<ZoneItem> zones, Collection<UnitItem> units, CommandClient client, Window owner) {
        ComboBox<ZoneItem> zone = new ComboBox<>();
        zone.setId("broadcast-zone");
        zone.getItems().setAll(zones.stream().sorted(java.util.Comparator.comparing(ZoneItem::name)).toList());
        zone.setConverter(Labels.of(z -> z == null ? "" : z.name()));
        Label count = new Label();
        zone.valueProperty().addListener((o, a, z) -> count.setText(Messages.get("broadcast.count", members(units, z).size())));
        TextArea text = new TextArea();
        text.setId("broadcast-text");
        text.setPrefRowCount(3);
        text.setWrapText(true);
        Label error = new Label();
        error.setWrapText(true);
        VBox content = new VBox(10, new Label(Messages.get("filter.zone")), zone, count,
                new Label(Messages.get("dispatch.instruction")), text, error);
        content.setPrefWidth(720);
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("broadcast.title"));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("broadcast-dialog");
        ButtonType send = new ButtonType(Messages.get("action.send"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(send, new ButtonType(Messages.get("action.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        Node ok = dialog.getDialogPane().lookupButton(send);
        ok.setId("broadcast-send");
        ok.disableProperty().bind(zone.valueProperty().isNull().or(text.textProperty().isEmpty()));
        Dialogs.submitOnOk(dialog, ok, () -> {
            List<UnitItem> to = members(units, zone.getValue());
            double lat = to.stream().mapToDouble(UnitItem::latitude).average().orElse(0);
            double lon = to.stream().mapToDouble(UnitItem::longitude).average().orElse(0);
            return client.broadcast(zone.getValue().name(), lat, lon, to.stream().map(UnitItem::id).toList(),
                    "PATROL", text.getText().trim());
        }, error);
        dialog.showAndWait();
    }

    static List<UnitItem> members(Collection<UnitItem> units, ZoneItem zone) {
        return zone == null ? List.of() : units.stream().filter(u -> u.zoneId().equals(zone.id())
                && !"OFF_DUTY".equals(u.status()) && !"OUT_OF_SERVICE".equals(u.status())).toList();
    }
}
