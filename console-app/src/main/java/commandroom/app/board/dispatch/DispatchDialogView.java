package commandroom.app.board.dispatch;

import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * The dispatch dialog: loads DispatchDialog.fxml, binds it to its view model, and sends on "下达".
 * The dialog stays open with the hub's reason if the hub refuses. FX thread only.
 */
public final class DispatchDialogView {

    @FXML private Label incidentLabel;
    @FXML private ListView<DispatchDialogViewModel.Candidate> unitList;
    @FXML private ComboBox<String> kindBox;
    @FXML private TextArea instructionArea;
    @FXML private Spinner<Integer> signForSpinner;
    @FXML private Spinner<Integer> arriveSpinner;
    @FXML private Spinner<Integer> feedbackSpinner;
    @FXML private Label errorLabel;

    private final DispatchDialogViewModel model;
    private final Dialog<String> dialog = new Dialog<>();

    public DispatchDialogView(DispatchDialogViewModel model, Window owner) {
        this.model = model;
        Node form = Dialogs.loadForm(DispatchDialogView.class.getResource("/commandroom/app/board/dispatch/DispatchDialog.fxml"), this);
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("dispatch.title", model.incident().id()));
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().setPrefWidth(920);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("dispatch-dialog");
        ButtonType send = new ButtonType(Messages.get("action.send"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(send, new ButtonType(Messages.get("action.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        Node sendButton = dialog.getDialogPane().lookupButton(send);
        sendButton.setId("dispatch-send");
        sendButton.disableProperty().bind(model.canSendProperty().not());
        Dialogs.submitOnOk(dialog, sendButton, model::send, errorLabel);
        bind();
    }

    private void bind() {
        var i = model.incident();
        incidentLabel.setText(Messages.get("type." + i.type()) + " · " + Messages.get("priority." + i.priority())
                + " · " + i.address() + " · " + i.summary());
        unitList.setItems(model.candidates());
        UnitPicker.bind(unitList, model.selected());
        kindBox.getItems().setAll("RESPOND", "VERIFY", "MEDIATE", "FOLLOW_UP", "COLLECT_INFO", "PATROL");
        kindBox.setConverter(Labels.of(k -> k == null ? "" : Messages.get("kind." + k)));
        kindBox.valueProperty().bindBidirectional(model.kindProperty());
        instructionArea.textProperty().bindBidirectional(model.instructionProperty());
        spinner(signForSpinner, model.signForMinutesProperty(), 60);
        spinner(arriveSpinner, model.arriveMinutesProperty(), 600);
        spinner(feedbackSpinner, model.feedbackMinutesProperty(), 43_200);
    }

    private static void spinner(Spinner<Integer> s, javafx.beans.property.IntegerProperty p, int max) {
        s.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, max, p.get()));
        s.valueProperty().addListener((o, a, b) -> p.set(b == null ? 0 : b));
    }

    /** Shows the dialog and waits; returns the new task's id, or null if cancelled. */
    public String showAndWait() {
        return dialog.showAndWait().orElse(null);
    }

    /** The dialog, for tests and screenshots. */
    public Dialog<String> dialog() {
        return dialog;
    }
}
