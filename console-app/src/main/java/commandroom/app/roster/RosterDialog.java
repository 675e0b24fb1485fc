package commandroom.app.roster;

import atlantafx.base.theme.Styles;
import commandroom.app.model.UnitItem;
import commandroom.app.ui.Messages;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The duty roster window (值班表): each zone's strength against its staffing rule (short ones
 * first, in the warning colour), the units with their status, and the four moves: on duty, off
 * duty, a break, out of service, each with an optional reason; each unit's shift from the imported
 * plan, and the plan's import (排班表, the registry's import dialog). Ids: roster-dialog,
 * roster-strength, roster-table, roster-reason, roster-ON_DUTY, roster-OFF_DUTY, roster-ON_BREAK,
 * roster-OUT_OF_SERVICE, roster-import, roster-status. FX thread.
 */
public final class RosterDialog {

    private static final int PANE_WIDTH = 1040;

    private RosterDialog() {}

    /** Shows the roster (not waiting). */
    public static void show(Window owner, RosterViewModel model) {
        ListView<RosterViewModel.Strength> strength = new ListView<>(model.strength());
        strength.setId("roster-strength");
        strength.setPrefHeight(170);
        strength.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RosterViewModel.Strength s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().remove("roster-short");
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                setText(Messages.get(s.short_() ? "roster.short" : "roster.enough", s.zoneName(),
                        Messages.get("registry.type." + s.kind()), s.onDuty(), s.wanted()));
                if (s.short_()) {
                    getStyleClass().add("roster-short");
                }
            }
        });
        TableView<UnitItem> table = new TableView<>(model.units());
        table.setId("roster-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("name", UnitItem::name, 220));
        table.getColumns().add(column("kind", u -> Messages.get("registry.type." + u.kind()), 140));
        table.getColumns().add(column("zone", u -> model.zoneName(u.zoneId()), 160));
        table.getColumns().add(column("status", u -> Messages.get("unitstatus." + u.status()), 140));
        table.getColumns().add(column("shift", u -> model.shiftOf(u, java.time.Instant.now()), 200));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(UnitItem u, boolean empty) {
                super.updateItem(u, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("off"),
                        !empty && u != null && !RosterViewModel.onDuty(u));
            }
        });
        table.setPrefHeight(360);
        // The roster is read again on every change: the unit in hand stays in hand.
        String[] chosen = {null};
        table.getSelectionModel().selectedItemProperty().addListener((o, was, u) -> {
            if (u != null) {
                chosen[0] = u.id();
            }
        });
        model.units().addListener((javafx.collections.ListChangeListener<UnitItem>) c -> model.units().stream()
                .filter(u -> u.id().equals(chosen[0])).findFirst().ifPresent(u -> table.getSelectionModel().select(u)));
        TextField reason = new TextField();
        reason.setId("roster-reason");
        reason.setPromptText(Messages.get("roster.reason"));
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox moves = new HBox(10);
        for (String duty : new String[] {"ON_DUTY", "OFF_DUTY", "ON_BREAK", "OUT_OF_SERVICE"}) {
            Button b = new Button(Messages.get("roster.move." + duty));
            b.setId("roster-" + duty);
            if (duty.equals("OUT_OF_SERVICE")) {
                b.getStyleClass().add(Styles.DANGER);
            }
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
            b.setOnAction(e -> {
                UnitItem u = table.getSelectionModel().getSelectedItem();
                model.setDuty(u, duty, reason.getText());
                reason.clear();
            });
            moves.getChildren().add(b);
        }
        moves.getChildren().add(reason);
        Button plan = new Button(Messages.get("roster.import"));
        plan.setId("roster-import");
        plan.setOnAction(e -> commandroom.app.registry.ImportDialog.show(plan.getScene().getWindow(), model.importer()));
        moves.getChildren().add(plan);
        Label status = new Label();
        status.setId("roster-status");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        Label strengthTitle = new Label(Messages.get("roster.strength"));
        strengthTitle.getStyleClass().add(Styles.TITLE_4);
        VBox content = new VBox(10, strengthTitle, strength, table, moves, status);
        content.setPrefWidth(1000);

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle(Messages.get("roster.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("roster-dialog");
        dialog.getDialogPane().setContent(content);
        // Wide enough for the roster's columns and its moves (console.css lifts the theme's 600 px cap).
        dialog.getDialogPane().setPrefWidth(PANE_WIDTH);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(Messages.get("action.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.show();
    }

    private static TableColumn<UnitItem, String> column(String key, Function<UnitItem, String> value, double width) {
        TableColumn<UnitItem, String> c = new TableColumn<>(Messages.get("roster.column." + key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
