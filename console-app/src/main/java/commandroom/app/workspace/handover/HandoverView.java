package commandroom.app.workspace.handover;

import commandroom.app.connection.ShiftClient;
import commandroom.app.model.HandoverItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The shift handover (交接班) for duty officers. With a handover waiting from another officer it
 * shows that packet and lets this one sign it (接班签收); otherwise the outgoing officer adds a note
 * and hands over: the hub builds the packet (open tasks, overdue steps, instructions not signed
 * for, cases with a visit due), this console adds the cameras its wall sees offline, and the packet
 * is shown until the incoming officer signs. Ids: handover-dialog, handover-note, handover-start,
 * handover-sign, handover-state, handover-COUNT (open, overdue, unacknowledged, cameras, visits).
 * Style classes: handover, handover-count. FX thread only.
 */
public final class HandoverView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ShiftClient client;
    private final String userId;
    private final Collection<String> offlineCameras;
    private final Function<String, String> cameraName;
    private final Function<String, String> zoneName;
    private final Dialog<Void> dialog = new Dialog<>();
    private final VBox content = new VBox(14);
    private final Label error = new Label();

    private HandoverView(ShiftClient client, String userId, Collection<String> offlineCameras,
                         Function<String, String> cameraName, Function<String, String> zoneName, Window owner) {
        this.client = client;
        this.userId = userId;
        this.offlineCameras = offlineCameras;
        this.cameraName = cameraName;
        this.zoneName = zoneName;
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("handover.title"));
        dialog.getDialogPane().setId("handover-dialog");
        dialog.getDialogPane().getStyleClass().add("handover");
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(Messages.get("action.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        error.setWrapText(true);
        error.getStyleClass().add("form-error");
        content.setPrefWidth(760);
        dialog.getDialogPane().setContent(content);
    }

    /** Opens the dialog: first asks the hub whether a handover is waiting. */
    public static void show(ShiftClient client, String userId, Collection<String> offlineCameras,
                            Function<String, String> cameraName, Function<String, String> zoneName, Window owner) {
        HandoverView v = new HandoverView(client, userId, offlineCameras, cameraName, zoneName, owner);
        v.content.getChildren().setAll(new Label(Messages.get("handover.loading")));
        client.pending().whenComplete((pending, failure) -> Platform.runLater(() -> v.opened(pending, failure)));
        v.dialog.show();
    }

    /** The dialog's window was sized for what it first showed: fitted again to what it shows now. */
    private void refit() {
        var window = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
        if (window != null) {
            window.sizeToScene();
        }
    }

    private void opened(Optional<HandoverItem> pending, Throwable failure) {
        if (failure != null) {
            content.getChildren().setAll(error);
            error.setText(Dialogs.describe(failure));
            refit();
        } else if (pending.isPresent() && !pending.get().outgoingUserId().equals(userId)) {
            showPacket(pending.get(), true);
        } else if (pending.isPresent()) {
            showPacket(pending.get(), false);
        } else {
            askNote();
        }
    }

    /** The outgoing officer's form: a note, then hand over. */
    private void askNote() {
        TextArea note = new TextArea();
        note.setId("handover-note");
        note.setPromptText(Messages.get("handover.notePrompt"));
        note.setPrefRowCount(3);
        note.setWrapText(true);
        Label offline = new Label(Messages.get("handover.offlineNow", offlineCameras.size()));
        Button start = new Button(Messages.get("handover.start"));
        start.setId("handover-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> {
            start.setDisable(true);
            client.start(List.copyOf(offlineCameras), note.getText().trim())
                    .whenComplete((h, failure) -> Platform.runLater(() -> {
                        start.setDisable(false);
                        if (failure != null) {
                            error.setText(Dialogs.describe(failure));
                        } else {
                            showPacket(h, false);
                        }
                    }));
        });
        Label intro = new Label(Messages.get("handover.intro"));
        intro.setWrapText(true);
        content.getChildren().setAll(intro, note, offline, start, error);
        refit();
    }

    /** The packet; with mayTakeOver, the incoming officer's sign button. */
    private void showPacket(HandoverItem h, boolean mayTakeOver) {
        Label state = new Label(h.signed() ? Messages.get("handover.signed", h.incomingName())
                : Messages.get("handover.pending", h.outgoingName(), TIME.format(h.startedAt())));
        state.setId("handover-state");
        state.setWrapText(true);
        GridPane counts = new GridPane();
        counts.setHgap(18);
        counts.setVgap(8);
        row(counts, 0, "open", h.openTasks());
        row(counts, 1, "overdue", h.overdueSteps().stream().map(HandoverView::overdueLine).toList());
        row(counts, 2, "unacknowledged", h.unacknowledged());
        row(counts, 3, "cameras", h.offlineCameras().stream().map(cameraName).toList());
        row(counts, 4, "visits", h.visitsDue());
        row(counts, 5, "short", h.shortZones().stream().map(this::shortLine).toList());
        content.getChildren().setAll(state, counts);
        if (!h.note().isEmpty()) {
            Label note = new Label(Messages.get("handover.noteShown", h.note()));
            note.setWrapText(true);
            content.getChildren().add(note);
        }
        if (mayTakeOver && !h.signed()) {
            Button sign = new Button(Messages.get("handover.sign"));
            sign.setId("handover-sign");
            sign.setDefaultButton(true);
            sign.setOnAction(e -> {
                sign.setDisable(true);
                client.sign(h.id()).whenComplete((signed, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        sign.setDisable(false);
                        error.setText(Dialogs.describe(failure));
                    } else {
                        showPacket(signed, false);
                    }
                }));
            });
            content.getChildren().add(sign);
        }
        content.getChildren().add(error);
        refit();
    }

    private static String overdueLine(String taskAndStep) {
        int dot = taskAndStep.lastIndexOf(" · ");
        return taskAndStep.substring(0, dot + 3) + Messages.get("step." + taskAndStep.substring(dot + 3));
    }

    /** "z-cd · COMMUNITY_OFFICER 0/1" in words: 城东警务区 社区民警 0/1. */
    private String shortLine(String line) {
        String[] parts = line.split(" · | ");
        return parts.length < 3 ? line : zoneName.apply(parts[0]) + " " + Messages.get("registry.type." + parts[1]) + " "
                + parts[2];
    }

    private static void row(GridPane grid, int r, String key, List<String> items) {
        Label count = new Label(Integer.toString(items.size()));
        count.setId("handover-" + key);
        count.getStyleClass().add("handover-count");
        Label what = new Label(Messages.get("handover.item." + key));
        Label list = new Label(items.isEmpty() ? "—" : String.join("，", items.subList(0, Math.min(items.size(), 12)))
                + (items.size() > 12 ? Messages.get("handover.more", items.size() - 12) : ""));
        list.setWrapText(true);
        list.setMaxWidth(520);
        Node[] cells = {what, count, list};
        for (int c = 0; c < cells.length; c++) {
            grid.add(cells[c], c, r);
        }
    }
}
