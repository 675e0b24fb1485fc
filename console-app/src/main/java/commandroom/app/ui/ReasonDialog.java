package commandroom.app.ui;

import atlantafx.base.theme.Styles;
import commandroom.app.model.Reasons;
import java.util.List;
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
 * Asks why, in a few words, before sensitive data is read or leaves the console (the key persons
 * register, an export of the figures): a text field (at most 200 characters) with quick choices
 * that fill it; OK only with 2 or more characters. The answer goes to the hub's access log. The
 * feature names its texts (FEATURE.reason.title, .question, .prompt, .logged, .ok) and ids
 * (FEATURE-reason-dialog, FEATURE-reason, FEATURE-reason-choice-N, FEATURE-reason-ok,
 * FEATURE-reason-cancel). Style classes: reason-choices. FX thread only.
 */
public final class ReasonDialog {

    private ReasonDialog() {}

    /** Shows the dialog (not waiting): onReason gets the trimmed reason, or onCancel runs. */
    public static void ask(Window owner, String feature, List<String> quickReasons, Consumer<String> onReason,
                           Runnable onCancel) {
        TextField reason = new TextField();
        reason.setId(feature + "-reason");
        reason.setPromptText(Messages.get(feature + ".reason.prompt"));
        reason.setPrefColumnCount(28);
        reason.setTextFormatter(new TextFormatter<String>(c ->
                c.getControlNewText().length() <= Reasons.MAX ? c : null));
        FlowPane choices = new FlowPane(10, 10);
        choices.getStyleClass().add("reason-choices");
        for (int i = 0; i < quickReasons.size(); i++) {
            String text = Messages.get(quickReasons.get(i));
            Button choice = new Button(text);
            choice.setId(feature + "-reason-choice-" + i);
            choice.getStyleClass().add(Styles.BUTTON_OUTLINED);
            choice.setFocusTraversable(false);
            choice.setOnAction(e -> {
                reason.setText(text);
                reason.requestFocus();
                reason.end();
            });
            choices.getChildren().add(choice);
        }
        Label question = new Label(Messages.get(feature + ".reason.question"));
        question.setWrapText(true);
        Label logged = new Label(Messages.get(feature + ".reason.logged"));
        logged.getStyleClass().add("case-fact");
        logged.setWrapText(true);
        VBox content = new VBox(12, question, reason, choices, logged);
        content.setPrefWidth(560);

        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get(feature + ".reason.title"));
        dialog.getDialogPane().setId(feature + "-reason-dialog");
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(Messages.get(feature + ".reason.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId(feature + "-reason-ok");
        dialog.getDialogPane().lookupButton(cancel).setId(feature + "-reason-cancel");
        okButton.disableProperty().bind(reason.textProperty().map(t -> !Reasons.valid(t)).orElse(true));
        dialog.setResultConverter(b -> b == ok ? reason.getText().strip() : null);
        dialog.setOnHidden(e -> {
            String given = dialog.getResult();
            if (given != null && Reasons.valid(given)) {
                onReason.accept(given);
            } else {
                onCancel.run();
            }
        });
        dialog.setOnShown(e -> reason.requestFocus());
        dialog.show();
    }
}
