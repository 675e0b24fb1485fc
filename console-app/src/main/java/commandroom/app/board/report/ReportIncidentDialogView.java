package commandroom.app.board.report;

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
        summaryArea.textProperty().bindBidirectional(model.summaryProperty());
        reporterField.textProperty().bindBidirectional(model.reporterProperty());
        phoneField.textProperty().bindBidirectional(model.phoneProperty());
        NumberStringConverter degrees = new NumberStringConverter(java.util.Locale.ROOT, "0.000000");
        latitudeField.textProperty().bindBidirectional(model.latitudeProperty(), degrees);
        longitudeField.textProperty().bindBidirectional(model.longitudeProperty(), degrees);
    }

    public IncidentItem showAndWait() {
        return dialog.showAndWait().orElse(null);
    }

    public Dialog<IncidentItem> dialog() {
        return dialog;
    }
}
