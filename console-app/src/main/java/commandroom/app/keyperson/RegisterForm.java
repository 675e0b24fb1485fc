package commandroom.app.keyperson;

import commandroom.app.model.KeyPersonItem;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Registers a person: name, why, address and zone, the plan, how often to check in (1–90 days),
 * and the zone's units assigned (they alone, with the chief, may read the entry). Ids:
 * keyperson-form, keyperson-name, keyperson-category, keyperson-address, keyperson-zone,
 * keyperson-plan-text, keyperson-every, keyperson-units, keyperson-form-ok. FX thread only.
 */
final class RegisterForm {

    static final List<String> CATEGORIES = List.of("MENTAL_HEALTH", "DRUG", "RELEASED", "PETITIONER",
            "DISPUTE_PARTY", "OTHER");

    private RegisterForm() {}

    static void show(KeyPersonsViewModel model, Window owner) {
        TextField name = new TextField();
        name.setId("keyperson-name");
        ComboBox<String> category = new ComboBox<>();
        category.setId("keyperson-category");
        Labels.codes(category, "keyperson.category", CATEGORIES);
        TextField address = new TextField();
        address.setId("keyperson-address");
        ComboBox<ZoneItem> zone = new ComboBox<>();
        zone.setId("keyperson-zone");
        zone.getItems().setAll(model.zones());
        zone.setConverter(Labels.of(z -> z == null ? "" : z.name()));
        TextArea plan = new TextArea();
        plan.setId("keyperson-plan-text");
        plan.setPrefRowCount(4);
        plan.setWrapText(true);
        Spinner<Integer> every = new Spinner<>(1, 90, 7);
        every.setId("keyperson-every");
        every.setEditable(true);
        ListView<UnitItem> units = new ListView<>();
        units.setId("keyperson-units");
        units.setPrefHeight(150);
        units.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        units.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(UnitItem u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : u.name());
            }
        });
        zone.valueProperty().addListener((o, a, z) -> units.getItems().setAll(z == null ? List.of() : model.unitsOf(z.id())));
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(12);
        grid.setPrefWidth(820);
        grid.addRow(0, new Label(Messages.get("keyperson.name")), name);
        grid.addRow(1, new Label(Messages.get("keyperson.categoryLabel")), category);
        grid.addRow(2, new Label(Messages.get("keyperson.address")), address);
        grid.addRow(3, new Label(Messages.get("keyperson.zone")), zone);
        grid.addRow(4, new Label(Messages.get("keyperson.plan")), plan);
        grid.addRow(5, new Label(Messages.get("keyperson.every")), every);
        grid.addRow(6, new Label(Messages.get("keyperson.assigned")), units);
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        grid.add(error, 1, 7);

        Dialog<KeyPersonItem> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("keyperson.register"));
        dialog.getDialogPane().setId("keyperson-form");
        dialog.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(Messages.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok,
                new ButtonType(Messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("keyperson-form-ok");
        BooleanBinding complete = name.textProperty().isEmpty().or(category.valueProperty().isNull())
                .or(address.textProperty().isEmpty()).or(zone.valueProperty().isNull())
                .or(plan.textProperty().isEmpty())
                .or(Bindings.isEmpty(units.getSelectionModel().getSelectedItems())).not();
        okButton.disableProperty().bind(complete.not());
        Dialogs.submitOnOk(dialog, okButton, () -> model.register(name.getText().trim(), category.getValue(),
                address.getText().trim(), zone.getValue().id(), plan.getText().trim(), every.getValue(),
                units.getSelectionModel().getSelectedItems().stream().map(UnitItem::id).toList()), error);
        dialog.show();
    }
}
