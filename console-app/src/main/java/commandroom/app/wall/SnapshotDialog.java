package commandroom.app.wall;

import commandroom.app.connection.CommandClient;
import commandroom.app.model.IncidentItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Keeps a tile's picture in an incident's file: shows the picture as it was taken, asks which
 * incident and why, and sends it to the hub (who took it is the logged-in user). The dialog stays
 * open with the hub's reason if it refuses. FX thread. Ids: snapshot-dialog, snapshot-incident,
 * snapshot-reason, snapshot-dialog-send.
 */
final class SnapshotDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private SnapshotDialog() {}

    /** Shows the dialog and waits; returns the kept evidence's id, or null if the user gave up. */
    static String show(TilePicture picture, String cameraName, List<IncidentItem> incidents, IncidentItem preselected,
                       CommandClient client, Window owner) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("wall.snapshot.title"));
        ImageView preview = new ImageView(picture.image());
        preview.setPreserveRatio(true);
        preview.setFitWidth(Math.min(640, picture.width()));
        Label what = new Label(Messages.get("wall.snapshot.what", cameraName, TIME.format(picture.takenAt())));
        ComboBox<IncidentItem> incident = new ComboBox<>();
        incident.setId("snapshot-incident");
        incident.getItems().setAll(incidents);
        incident.setConverter(Labels.of(i -> i == null ? "" : i.id() + " · " + Messages.get("type." + i.type())
                + " · " + i.address()));
        incident.setValue(preselected);
        incident.setMaxWidth(Double.MAX_VALUE);
        TextField reason = new TextField();
        reason.setId("snapshot-reason");
        reason.setPromptText(Messages.get("wall.snapshot.reason"));
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add("form-error");
        VBox content = new VBox(10, preview, what, new Label(Messages.get("wall.snapshot.incident")), incident,
                reason, error);
        content.setPrefWidth(680);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("snapshot-dialog");
        ButtonType keep = new ButtonType(Messages.get("wall.snapshot.keep"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(keep,
                new ButtonType(Messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Node keepButton = dialog.getDialogPane().lookupButton(keep);
        keepButton.setId("snapshot-dialog-send");
        keepButton.disableProperty().bind(incident.valueProperty().isNull().or(reason.textProperty().isEmpty()));
        Dialogs.submitOnOk(dialog, keepButton, () ->
                // PNG encoding takes tens of milliseconds for a big tile: not on the FX thread.
                CompletableFuture.supplyAsync(picture::png).thenCompose(png -> client.addEvidence(
                        new CommandClient.EvidenceDraft(incident.getValue().id(), picture.cameraId(),
                                reason.getText().trim(), picture.takenAt(), png))), error);
        return dialog.showAndWait().orElse(null);
    }
}
