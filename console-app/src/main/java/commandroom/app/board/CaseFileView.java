package commandroom.app.board;

import commandroom.app.connection.CommandClient;
import commandroom.app.model.EvidenceItem;
import commandroom.app.model.TimelineLine;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
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
        FlowPane photos = new FlowPane(8, 8);
        photos.setId("case-photos");
        FlowPane evidence = new FlowPane(12, 12);
        evidence.setId("case-evidence");
        VBox box = new VBox(10, header, lines, photos, evidence);
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
                    photos.getChildren().add(new ImageView(new Image(new ByteArrayInputStream(png), 200, 150, true, true)));
                }
            }
            for (EvidenceItem e : file.evidence()) {
                evidence.getChildren().add(evidenceCard(client, e));
            }
            for (TimelineLine l : file.timeline()) {
                lines.getItems().add(Messages.get("case.line", TIME.format(l.time()), l.who(),
                        Messages.get("role." + l.role()), Messages.get("what." + l.what()),
                        l.what().equals("TaskProgressed") ? Messages.get("progress." + l.note()) : l.note()));
            }
        }));
    }

    /** One kept picture with what, who, when and why; the image itself is fetched on its own. */
    private static VBox evidenceCard(CommandClient client, EvidenceItem e) {
        ImageView image = new ImageView();
        image.setFitWidth(320);
        image.setFitHeight(180);
        image.setPreserveRatio(true);
        Label caption = new Label(Messages.get("case.evidence", e.cameraId(), e.who(), Messages.get("role." + e.role()),
                TIME.format(e.capturedAt()), e.reason()));
        caption.setWrapText(true);
        caption.setMaxWidth(320);
        VBox card = new VBox(4, image, caption);
        card.getStyleClass().add("evidence-card");
        card.setId("evidence-" + e.id());
        client.evidenceImage(e.incidentId(), e.id()).whenComplete((png, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                caption.setText(caption.getText() + " — " + Dialogs.describe(failure));
            } else {
                image.setImage(new Image(new ByteArrayInputStream(png)));
            }
        }));
        return card;
    }

    public void show() {
        dialog.show();
    }

    public Dialog<Void> dialog() {
        return dialog;
    }
}
