package commandroom.app.board;

import commandroom.app.connection.CommandClient;
import commandroom.app.model.EvidenceItem;
import commandroom.app.model.PhotoRef;
import commandroom.app.model.TimelineLine;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import commandroom.app.ui.PhotoTile;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The case file of an incident (一事一档): every line of its timeline — who, what, when — loaded
 * from the hub, and its way to the county (handed up, the county's instructions). Ids: case-county,
 * case-hand-up, hand-up-note. Style classes: case-file, section-title, case-handed-up,
 * case-county-instruction.
 */
public final class CaseFileView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Dialog<Void> dialog = new Dialog<>();
    private final ListView<String> lines = new ListView<>();

    /**
     * @param handUp hands the incident up to the county with a note; null where the user may not
     *               (or the hub has no county)
     */
    public CaseFileView(CommandClient client, String incidentId, Window owner,
                        BiFunction<String, String, CompletableFuture<Void>> handUp) {
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
        VBox county = new VBox(6);
        county.setId("case-county");
        VBox box = new VBox(10, header, county, lines, photos, evidence);
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
                for (PhotoRef p : t.feedbackPhotos()) {
                    photos.getChildren().add(new PhotoTile(p, 200, 150, client.photo(t.id(), p)));
                }
            }
            showCounty(county, file, incidentId, handUp);
            for (EvidenceItem e : file.evidence()) {
                evidence.getChildren().add(e.isClip() ? clipCard(client, e) : evidenceCard(client, e));
            }
            for (TimelineLine l : file.timeline()) {
                lines.getItems().add(Messages.get("case.line", TIME.format(l.time()), l.who(),
                        Messages.get("role." + l.role()), Messages.get("what." + l.what()),
                        l.what().equals("TaskProgressed") ? Messages.get("progress." + l.note()) : l.note()));
            }
        }));
    }

    /**
     * The incident's way to the county: whether and why it was handed up, and the county's
     * instructions; or, for those who may, the button to hand it up.
     */
    private static void showCounty(VBox county, CommandClient.CaseFile file, String incidentId,
                                   BiFunction<String, String, CompletableFuture<Void>> handUp) {
        county.getChildren().clear();
        if (file.handedUp() != null) {
            county.getChildren().add(countyLine(Messages.get("case.handedUp", file.handedUp().note(),
                    file.handedUp().by(), TIME.format(file.handedUp().at())), "case-handed-up"));
        } else if (handUp != null) {
            county.getChildren().add(handUpButton(county, incidentId, handUp));
        }
        for (var c : file.countyInstructions()) {
            county.getChildren().add(countyLine(Messages.get("case.countyInstruction", c.id(), c.text(), c.issuedBy(),
                    TIME.format(c.issuedAt())), "case-county-instruction"));
        }
    }

    /** 上报县局: asks why, hands the incident up, then says so in place of the button. */
    private static Button handUpButton(VBox county, String incidentId,
                                       BiFunction<String, String, CompletableFuture<Void>> handUp) {
        Button button = new Button(Messages.get("case.handUp"));
        button.setId("case-hand-up");
        button.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog();
            ask.initOwner(button.getScene().getWindow());
            ask.setTitle(Messages.get("case.handUp"));
            ask.setHeaderText(Messages.get("case.handUpWhy"));
            ask.getEditor().setId("hand-up-note");
            ask.showAndWait().map(String::strip).filter(n -> !n.isEmpty()).ifPresent(note -> {
                button.setDisable(true);
                handUp.apply(incidentId, note).whenComplete((ok, failure) -> Platform.runLater(() -> {
                    if (failure == null) {
                        county.getChildren().setAll(countyLine(Messages.get("case.handedUpNow", note), "case-handed-up"));
                    } else {
                        button.setDisable(false);
                        county.getChildren().removeIf(n -> n.getStyleClass().contains("form-error"));
                        county.getChildren().add(countyLine(Dialogs.describe(failure), "form-error"));
                    }
                }));
            });
        });
        return button;
    }

    private static Label countyLine(String text, String styleClass) {
        Label line = new Label(text);
        line.getStyleClass().add(styleClass);
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
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

    /** A kept clip: what, who, when, why and its size; 播放视频 fetches it and plays it here. */
    private static VBox clipCard(CommandClient client, EvidenceItem e) {
        commandroom.app.wall.ClipPlayer player = new commandroom.app.wall.ClipPlayer(320, 180);
        Label caption = new Label(Messages.get("case.clip", e.cameraId(), e.who(), Messages.get("role." + e.role()),
                TIME.format(e.capturedAt()), TIME.format(e.clipTo()), e.reason(),
                commandroom.app.ui.PhotoTile.size(e.clipBytes())));
        caption.setWrapText(true);
        caption.setMaxWidth(320);
        Button fetch = new Button(Messages.get("case.clip.play"));
        fetch.setId("clip-fetch-" + e.id());
        VBox card = new VBox(4, player, caption, fetch);
        card.getStyleClass().add("evidence-card");
        card.setId("evidence-" + e.id());
        fetch.setOnAction(a -> {
            fetch.setDisable(true);
            fetch.setText(Messages.get("case.clip.loading"));
            java.nio.file.Path file;
            try {
                file = java.nio.file.Files.createTempFile("commandroom-evidence", ".ts");
                file.toFile().deleteOnExit();
            } catch (java.io.IOException ex) {
                caption.setText(caption.getText() + " — " + ex.getMessage());
                return;
            }
            client.clip(e, file).whenComplete((path, failure) -> Platform.runLater(() -> {
                if (failure != null) {
                    fetch.setDisable(false);
                    fetch.setText(Messages.get("case.clip.play"));
                    caption.setText(caption.getText() + " — " + Dialogs.describe(failure));
                } else {
                    card.getChildren().remove(fetch);
                    player.open(path, java.time.Duration.between(e.capturedAt(), e.clipTo()).toMillis());
                }
            }));
        });
        return card;
    }

    public void show() {
        dialog.show();
    }

    public Dialog<Void> dialog() {
        return dialog;
    }
}
