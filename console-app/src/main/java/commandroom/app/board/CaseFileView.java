package commandroom.app.board;

import commandroom.app.connection.CommandClient;
import commandroom.app.model.TimelineLine;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The case file of an incident (一事一档): every line of its timeline — who, what, when — loaded
 * from the hub. Style classes: case-file, section-title.
 */
public final class CaseFileView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Dialog<Void> dialog = new Dialog<>();
    private final ListView<String> lines = new ListView<>();

    public CaseFileView(CommandClient client, String incidentId, Window owner) {
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle(Messages.get("case.title", incidentId));
        Label header = new Label(Messages.get("case.title", incidentId));
        header.getStyleClass().add("section-title");
        lines.setId("case-timeline");
        lines.setPrefSize(1200, 520);
        javafx.scene.layout.FlowPane photos = new javafx.scene.layout.FlowPane(8, 8);
        photos.setId("case-photos");
        VBox box = new VBox(10, header, lines, photos);
        box.getStyleClass().add("case-file");
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("case-file");
        client.caseFile(incidentId).whenComplete((file, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                header.setText(Dialogs.describe(failure));
                return;
            }
            header.setText(Messages.get("type." + file.incident().type()) + " · " + file.incident().address()
                    + " · " + file.incident().summary());
            // The last feedback of each task, with its photos: the evidence the loop was closed on.
            for (var t : file.tasks()) {
                for (byte[] png : t.feedbackPhotos()) {
                    photos.getChildren().add(new javafx.scene.image.ImageView(new javafx.scene.image.Image(
                            new java.io.ByteArrayInputStream(png), 200, 150, true, true)));
                }
            }
            for (TimelineLine l : file.timeline()) {
                lines.getItems().add(Messages.get("case.line", TIME.format(l.time()), l.who(),
                        Messages.get("role." + l.role()), Messages.get("what." + l.what()),
                        l.what().equals("TaskProgressed") ? Messages.get("progress." + l.note()) : l.note()));
            }
        }));
    }

    public void show() {
        dialog.show();
    }

    public Dialog<Void> dialog() {
        return dialog;
    }
}
