package commandroom.app.accounts;

import atlantafx.base.theme.Styles;
import commandroom.app.model.AccountItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The accounts (账号管理), the IT administrator's: who may log in, in which role; add one, change
 * a role, disable or enable, set a new password (typed twice). The hub refuses a short or published
 * password and changes to one's own account; what it refused stays in the dialog or the status.
 * Ids: accounts-table, accounts-add, accounts-role, accounts-role-choice, accounts-disable,
 * accounts-enable, accounts-password, accounts-status; the forms' account-FIELD, account-save,
 * account-error. FX thread only.
 */
public final class AccountsView extends VBox {

    private final AccountsViewModel model;
    private final TableView<AccountItem> table = new TableView<>();

    public AccountsView(AccountsViewModel model) {
        this.model = model;
        setSpacing(12);
        setPadding(new Insets(12));
        table.setId("accounts-table");
        table.setItems(model.accounts());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("username", AccountItem::username, 180));
        table.getColumns().add(column("name", AccountItem::displayName, 220));
        table.getColumns().add(column("role", a -> Messages.get("role." + a.role()), 140));
        table.getColumns().add(column("unit", AccountItem::unitId, 140));
        table.getColumns().add(column("state", a -> Messages.get(a.disabled() ? "accounts.state.disabled"
                : "accounts.state.active"), 100));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button add = new Button(Messages.get("accounts.add"));
        add.setId("accounts-add");
        add.setOnAction(e -> addForm());
        ComboBox<String> role = new ComboBox<>();
        role.setId("accounts-role-choice");
        role.getItems().setAll(AccountsViewModel.ROLES);
        role.setConverter(Labels.of(r -> r == null ? "" : Messages.get("role." + r)));
        Button changeRole = new Button(Messages.get("accounts.role"));
        changeRole.setId("accounts-role");
        Button disable = new Button(Messages.get("accounts.disable"));
        disable.setId("accounts-disable");
        disable.getStyleClass().add(Styles.DANGER);
        Button enable = new Button(Messages.get("accounts.enable"));
        enable.setId("accounts-enable");
        Button password = new Button(Messages.get("accounts.password"));
        password.setId("accounts-password");
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        changeRole.disableProperty().bind(none.or(role.valueProperty().isNull()));
        disable.disableProperty().bind(none);
        enable.disableProperty().bind(none);
        password.disableProperty().bind(none);
        changeRole.setOnAction(e -> model.changeRole(selected(), role.getValue()));
        disable.setOnAction(e -> model.setDisabled(selected(), true));
        enable.setOnAction(e -> model.setDisabled(selected(), false));
        password.setOnAction(e -> passwordForm(selected()));
        HBox bar = new HBox(10, add, new Label(Messages.get("accounts.newRole")), role, changeRole, disable, enable,
                password);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("accounts-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(bar, table, status);
        model.load();
    }

    private AccountItem selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private void addForm() {
        TextField username = new TextField();
        TextField name = new TextField();
        ComboBox<String> role = new ComboBox<>();
        role.getItems().setAll(AccountsViewModel.ROLES);
        role.setConverter(Labels.of(r -> r == null ? "" : Messages.get("role." + r)));
        TextField unit = new TextField();
        PasswordField first = new PasswordField();
        PasswordField again = new PasswordField();
        GridPane grid = form(new String[] {"username", "name", "role", "unit", "password", "again"},
                new javafx.scene.control.Control[] {username, name, role, unit, first, again});
        Dialog<AccountItem> dialog = dialog("accounts.add", grid);
        Label error = error(dialog, grid);
        Node save = dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0));
        save.disableProperty().bind(username.textProperty().isEmpty().or(role.valueProperty().isNull())
                .or(first.textProperty().isEmpty()).or(Bindings.notEqual(first.textProperty(), again.textProperty())));
        Dialogs.submitOnOk(dialog, save, () -> model.add(username.getText().strip(), name.getText().strip(),
                role.getValue(), unit.getText().strip(), first.getText()), error);
        dialog.showAndWait();
    }

    private void passwordForm(AccountItem a) {
        PasswordField first = new PasswordField();
        PasswordField again = new PasswordField();
        GridPane grid = form(new String[] {"password", "again"}, new javafx.scene.control.Control[] {first, again});
        Dialog<AccountItem> dialog = dialog("accounts.password", grid);
        dialog.setTitle(Messages.get("accounts.passwordOf", a.username()));
        Label error = error(dialog, grid);
        Node save = dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0));
        save.disableProperty().bind(first.textProperty().isEmpty()
                .or(Bindings.notEqual(first.textProperty(), again.textProperty())));
        Dialogs.submitOnOk(dialog, save, () -> model.resetPassword(a, first.getText()), error);
        dialog.showAndWait();
    }

    private static GridPane form(String[] keys, javafx.scene.control.Control[] controls) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        for (int i = 0; i < keys.length; i++) {
            controls[i].setId("account-" + keys[i]);
            controls[i].setPrefWidth(320);
            Label label = new Label(Messages.get("accounts.form." + keys[i]));
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(i, label, controls[i]);
        }
        return grid;
    }

    private Dialog<AccountItem> dialog(String titleKey, GridPane grid) {
        Dialog<AccountItem> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(Messages.get(titleKey));
        dialog.getDialogPane().setId("account-form");
        ButtonType save = new ButtonType(Messages.get("accounts.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save,
                new ButtonType(Messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(save).setId("account-save");
        return dialog;
    }

    private static Label error(Dialog<?> dialog, GridPane grid) {
        Label error = new Label();
        error.setId("account-error");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(12, grid, error);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        return error;
    }

    private static TableColumn<AccountItem, String> column(String key, Function<AccountItem, String> value, double width) {
        TableColumn<AccountItem, String> c = new TableColumn<>(Messages.get("accounts.column." + key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
