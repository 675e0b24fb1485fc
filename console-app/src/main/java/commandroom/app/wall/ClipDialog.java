package commandroom.app.wall;

import commandroom.app.connection.CommandClient;
import commandroom.app.model.IncidentItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Keeps a stretch of a replay as video evidence: which incident, why, and from which second to
 * which of the replay (the whole replay unless narrowed). The stretch is cut from the ring's
 * packets at keyframes, written as the camera sent it and uploaded in chunks; the dialog stays open
 * with the hub's reason if it refuses. FX thread. Ids: clip-dialog, clip-incident, clip-reason,
 * clip-from, clip-to, clip-dialog-send.
 */
final class ClipDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private ClipDialog() {}

    /** Shows the dialog and waits; returns the kept evidence's id, or null if the user gave up. */
    static String show(PacketRing.Slice replayed, String cameraId, String cameraName, List<IncidentItem> incidents,
                       IncidentItem preselected, CommandClient client, Window owner) {
        int seconds = (int) Math.max(1, Math.round((replayed.toMillis() - replayed.fromMillis()) / 1000.0));
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("wall.clip.title"));
        Label what = new Label(Messages.get("wall.clip.what", cameraName, TIME.format(Instant.ofEpochMilli(replayed.fromMillis())),
                TIME.format(Instant.ofEpochMilli(replayed.toMillis()))));
        what.setWrapText(true);
        Spinner<Integer> from = new Spinner<>(0, seconds, 0);
        from.setId("clip-from");
        from.setEditable(true);
        Spinner<Integer> to = new Spinner<>(0, seconds, seconds);
        to.setId("clip-to");
        to.setEditable(true);
        GridPane span = new GridPane();
        span.setHgap(10);
        span.setVgap(6);
        span.addRow(0, new Label(Messages.get("wall.clip.from")), from, new Label(Messages.get("wall.clip.to")), to);
        ComboBox<IncidentItem> incident = new ComboBox<>();
        incident.setId("clip-incident");
        incident.getItems().setAll(incidents);
        incident.setConverter(Labels.of(i -> i == null ? "" : i.id() + " · " + Messages.get("type." + i.type())
                + " · " + i.address()));
        incident.setValue(preselected);
        incident.setMaxWidth(Double.MAX_VALUE);
        TextField reason = new TextField();
        reason.setId("clip-reason");
        reason.setPromptText(Messages.get("wall.snapshot.reason"));
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add("form-error");
        VBox content = new VBox(10, what, span, new Label(Messages.get("wall.snapshot.incident")), incident, reason, error);
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("clip-dialog");
        ButtonType keep = new ButtonType(Messages.get("wall.snapshot.keep"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(keep,
                new ButtonType(Messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Node keepButton = dialog.getDialogPane().lookupButton(keep);
        keepButton.setId("clip-dialog-send");
        keepButton.disableProperty().bind(incident.valueProperty().isNull().or(reason.textProperty().isEmpty())
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> from.getValue() >= to.getValue(),
                        from.valueProperty(), to.valueProperty())));
        Dialogs.submitOnOk(dialog, keepButton, () -> {
            long start = replayed.fromMillis() + from.getValue() * 1000L;
            long end = replayed.fromMillis() + to.getValue() * 1000L;
            String id = incident.getValue().id();
            String why = reason.getText().trim();
            // Writing and hashing tens of megabytes: not on the FX thread.
            return CompletableFuture.supplyAsync(() -> cut(replayed, start, end)).thenCompose(cut -> client.keepClip(
                    new CommandClient.ClipDraft(id, cameraId, why, Instant.ofEpochMilli(cut.fromMillis()),
                            Instant.ofEpochMilli(cut.toMillis()), cut.file()))
                    .whenComplete((ok, failure) -> delete(cut.file())));
        }, error);
        return dialog.showAndWait().orElse(null);
    }

    private record Cut(Path file, long fromMillis, long toMillis) {}

    /** The replay's packets from the keyframe at or before start up to end, written to a file. */
    private static Cut cut(PacketRing.Slice replayed, long start, long end) {
        List<PacketRing.Packet> all = replayed.packets();
        int first = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).key() && all.get(i).wallMillis() <= start) {
                first = i;
            }
        }
        List<PacketRing.Packet> kept = all.subList(first, all.size()).stream().filter(p -> p.wallMillis() <= end).toList();
        PacketRing.Slice s = new PacketRing.Slice(replayed.format(), kept);
        try {
            Path file = Files.createTempFile("commandroom-clip", ".ts");
            ClipWriter.write(s, file);
            return new Cut(file, s.fromMillis(), s.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temp file: the system's cleaning takes it.
        }
    }
}
