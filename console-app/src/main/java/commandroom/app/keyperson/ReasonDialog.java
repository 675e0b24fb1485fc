package commandroom.app.keyperson;

import atlantafx.base.theme.Styles;
import commandroom.app.ui.Messages;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks why the register is opened, in a few words, before it is read: a text field (at most 200
 * characters) with quick choices that fill it; OK only with 2 or more characters. The answer goes
 * to the hub's access log with the read. Ids: keyperson-reason-dialog, keyperson-reason,
 * keyperson-reason-choice-N, keyperson-reason-ok, keyperson-reason-cancel. Style classes:
 * reason-choices. FX thread only.
 */
final class ReasonDialog {

    private ReasonDialog() {}

    /** Shows the dialog (not waiting): onReason gets the trimmed reason, or onCancel runs. */
    static void ask(Window owner, Consumer<String> onReason, Runnable onCancel) {
        TextField reason = new TextField();
        reason.setId("keyperson-reason");
        reason.setPromptText(Messages.get("keyperson.reason.prompt"));
        reason.setPrefColumnCount(28);
        reason.setTextFormatter(new TextFormatter<String>(c ->
                c.getControlNewText().length() <= KeyPersonsViewModel.REASON_MAX ? c : null));
        FlowPane choices = new FlowPane(10, 10);
        choices.getStyleClass().add("reason-choices");
        for (int i = 0; i < KeyPersonsViewModel.QUICK_REASONS.size(); i++) {
            String text = Messages.get(KeyPersonsViewModel.QUICK_REASONS.get(i));
            Button choice = new Button(text);
            choice.setId("keyperson-reason-choice-" + i);
            choice.getStyleClass().add(Styles.BUTTON_OUTLINED);
            choice.setFocusTraversable(false);
            choice.setOnAction(e -> {
                reason.setText(text);
                reason.requestFocus();
                reason.end();
            });
            choices.getChildren().add(choice);
        }
        Label question = new Label(Messages.get("keyperson.reason.question"));
        question.setWrapText(true);
        Label logged = new Label(Messages.get("keyperson.reason.logged"));
        logged.getStyleClass().add("case-fact");
        logged.setWrapText(true);
        VBox content = new VBox(12, question, reason, choices, logged);
        content.setPrefWidth(560);

        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("keyperson.reason.title"));
        dialog.getDialogPane().setId("keyperson-reason-dialog");
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(Messages.get("keyperson.reason.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("keyperson-reason-ok");
        dialog.getDialogPane().lookupButton(cancel).setId("keyperson-reason-cancel");
        okButton.disableProperty().bind(reason.textProperty().map(t -> !KeyPersonsViewModel.validReason(t)).orElse(true));
        dialog.setResultConverter(b -> b == ok ? reason.getText().strip() : null);
        dialog.setOnHidden(e -> {
            String given = dialog.getResult();
            if (given != null && KeyPersonsViewModel.validReason(given)) {
                onReason.accept(given);
            } else {
                onCancel.run();
            }
        });
        dialog.setOnShown(e -> reason.requestFocus());
        dialog.show();
    }
}
