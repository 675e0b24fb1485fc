package commandroom.app.board.report;

import commandroom.app.model.AddressSuggestion;
import commandroom.app.model.IncidentItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.converter.NumberStringConverter;

/** The intake dialog (接警登记): ReportIncidentDialog.fxml bound to its view model. FX thread only. */
public final class ReportIncidentDialogView {

    @FXML private ComboBox<String> typeBox;
    @FXML private ComboBox<String> priorityBox;
    @FXML private ComboBox<String> offenceBox;
    @FXML private TextField addressField;
    @FXML private ListView<AddressSuggestion> addressSuggestions;
    @FXML private Label addressMatched;
    @FXML private TextArea summaryArea;
    @FXML private TextField reporterField;
    @FXML private TextField phoneField;
    @FXML private TextField latitudeField;
    @FXML private TextField longitudeField;
    @FXML private Label errorLabel;

    private final Dialog<IncidentItem> dialog = new Dialog<>();

    public ReportIncidentDialogView(ReportIncidentDialogViewModel model, Window owner) {
        Node form = Dialogs.loadForm(ReportIncidentDialogView.class.getResource(
                "/commandroom/app/board/report/ReportIncidentDialog.fxml"), this);
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("report.title"));
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().setPrefWidth(920);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("report-dialog");
        ButtonType send = new ButtonType(Messages.get("action.send"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(send,
                new ButtonType(Messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Node sendButton = dialog.getDialogPane().lookupButton(send);
        sendButton.setId("report-send");
        sendButton.disableProperty().bind(model.canSendProperty().not());
        Dialogs.submitOnOk(dialog, sendButton, model::send, errorLabel);

        Labels.codes(typeBox, "type", List.of("CALL_110", "DISPUTE", "KEY_PERSON_ALERT", "PATROL_FINDING",
                "INFO_COLLECTION", "OTHER"));
        Labels.codes(priorityBox, "priority", List.of("URGENT", "HIGH", "NORMAL", "LOW"));
        // "" first: most calls report no offence, or it is not yet known what it is.
        Labels.codes(offenceBox, "offence", List.of("", "BURGLARY", "VEHICLE_THEFT", "PICKPOCKETING", "OTHER_THEFT", "FRAUD",
                "ROBBERY", "OTHER_OFFENCE"));
        offenceBox.setId("report-offence");
        offenceBox.valueProperty().bindBidirectional(model.offenceProperty());
        typeBox.valueProperty().bindBidirectional(model.typeProperty());
        priorityBox.valueProperty().bindBidirectional(model.priorityProperty());
        addressField.setId("report-address");
        summaryArea.setId("report-summary");
        addressField.textProperty().bindBidirectional(model.addressProperty());
        typeAhead(model);
        summaryArea.textProperty().bindBidirectional(model.summaryProperty());
        reporterField.textProperty().bindBidirectional(model.reporterProperty());
        phoneField.textProperty().bindBidirectional(model.phoneProperty());
        NumberStringConverter degrees = new NumberStringConverter(java.util.Locale.ROOT, "0.000000");
        latitudeField.textProperty().bindBidirectional(model.latitudeProperty(), degrees);
        longitudeField.textProperty().bindBidirectional(model.longitudeProperty(), degrees);
    }

    /**
     * The standard addresses under the address field as the officer types: Down moves into them,
     * Enter or a click takes one (its position too), Escape closes them; typing on goes on asking.
     */
    private void typeAhead(ReportIncidentDialogViewModel model) {
        addressSuggestions.setId("report-address-suggestions");
        addressMatched.setId("report-address-matched");
        addressSuggestions.setItems(model.suggestions());
        addressSuggestions.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AddressSuggestion a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.text());
            }
        });
        javafx.beans.binding.BooleanBinding any = javafx.beans.binding.Bindings.isNotEmpty(model.suggestions());
        addressSuggestions.visibleProperty().bind(any);
        addressSuggestions.managedProperty().bind(any);
        javafx.beans.binding.DoubleBinding rows = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(6, model.suggestions().size()) * 36.0 + 4, model.suggestions());
        addressSuggestions.prefHeightProperty().bind(rows);
        addressSuggestions.minHeightProperty().bind(rows);
        // The dialog grows to show the offers and shrinks back when they close.
        model.suggestions().addListener((javafx.collections.ListChangeListener<AddressSuggestion>) c -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                javafx.application.Platform.runLater(() -> dialog.getDialogPane().getScene().getWindow().sizeToScene());
            }
        });
        addressSuggestions.setOnMouseClicked(e -> take(model));
        addressSuggestions.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                take(model);
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                model.dismissSuggestions();
                addressField.requestFocus();
                e.consume();
            }
        });
        addressField.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DOWN && !model.suggestions().isEmpty()) {
                addressSuggestions.requestFocus();
                addressSuggestions.getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !model.suggestions().isEmpty()) {
                model.dismissSuggestions();
                e.consume();
            }
        });
        addressMatched.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            AddressSuggestion a = model.pickedProperty().get();
            return a == null ? "" : Messages.get("report.addressMatched", a.id(), a.zoneId());
        }, model.pickedProperty()));
    }

    private void take(ReportIncidentDialogViewModel model) {
        AddressSuggestion a = addressSuggestions.getSelectionModel().getSelectedItem();
        if (a != null) {
            model.pick(a);
            addressField.requestFocus();
            addressField.end();
        }
    }

    public IncidentItem showAndWait() {
        return dialog.showAndWait().orElse(null);
    }

    public Dialog<IncidentItem> dialog() {
        return dialog;
    }
}
