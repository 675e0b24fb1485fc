package commandroom.app.fraud;

import commandroom.app.model.FraudWarningRow;
import commandroom.app.ui.Messages;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The anti-fraud list dialog (反诈预警导入): the file (typed, pasted, or chosen), what it holds and
 * what is wrong with it line by line, and 导入 — after which the hub has made one dissuasion task
 * per person for the zone's officers. Ids: fraud-dialog, fraud-file, fraud-browse, fraud-read,
 * fraud-rows, fraud-count, fraud-problems, fraud-import, fraud-result. Style classes: fraud-import,
 * form-error. FX thread only.
 */
public final class FraudImportView {

    private FraudImportView() {}

    public static void show(FraudImportViewModel model, Window owner) {
        TextField file = new TextField();
        file.setId("fraud-file");
        file.setPromptText(Messages.get("fraud.filePrompt"));
        file.textProperty().bindBidirectional(model.pathProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(Messages.get("fraud.browse"));
        browse.setId("fraud-browse");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("fraud.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
            File chosen = chooser.showOpenDialog(owner);
            if (chosen != null) {
                model.pathProperty().set(chosen.getAbsolutePath());
                model.read();
            }
        });
        Button read = new Button(Messages.get("fraud.read"));
        read.setId("fraud-read");
        read.disableProperty().bind(model.pathProperty().isEmpty());
        read.setOnAction(e -> model.read());
        ListView<FraudWarningRow> rows = new ListView<>(model.rows());
        rows.setId("fraud-rows");
        rows.setPrefSize(900, 300);
        rows.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(FraudWarningRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : Messages.get("fraud.row", r.name(), r.phone(), r.address(),
                        model.zoneName(r.zoneId()), r.risk()));
            }
        });
        Label count = new Label();
        count.setId("fraud-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.rows().isEmpty() ? ""
                : Messages.get("fraud.count", model.rows().size()), model.rows()));
        Label problems = new Label();
        problems.setId("fraud-problems");
        problems.getStyleClass().add("form-error");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", model.problems()),
                model.problems()));
        Button send = new Button(Messages.get("fraud.import"));
        send.setId("fraud-import");
        send.setDefaultButton(true);
        send.disableProperty().bind(model.importableProperty().not());
        send.setOnAction(e -> model.importList());
        Label result = new Label();
        result.setId("fraud-result");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        Label intro = new Label(Messages.get("fraud.intro"));
        intro.setWrapText(true);
        VBox content = new VBox(12, intro, new HBox(10, file, browse, read), rows, count, problems,
                new HBox(14, send, result));
        content.getStyleClass().add("fraud-import");
        content.setPrefWidth(960);

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("fraud.title"));
        dialog.getDialogPane().setId("fraud-dialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(1040);
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(Messages.get("action.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.show();
    }
}
