package commandroom.app.board;

import commandroom.app.board.dispatch.DispatchDialogViewModel;
import commandroom.app.board.dispatch.UnitPicker;
import commandroom.app.connection.CommandClient;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.TaskItem;
import commandroom.app.model.UnitItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The shift leader's two corrections to a task: reassign it to other units (quickest first, with a
 * reason) or cancel it (with a reason). Both stay open with the hub's reason if it refuses.
 */
public final class TaskActionsView {

    private TaskActionsView() {}

    /** Reassign: pick units and say why. */
    public static void reassign(TaskItem task, IncidentItem incident, Collection<UnitItem> units,
                                commandroom.app.travel.TravelModel travel, CommandClient client, Window owner,
                                java.util.function.Supplier<TaskItem> latest) {
        Set<String> chosen = new HashSet<>();
        ListView<DispatchDialogViewModel.Candidate> list = new ListView<>();
        list.getItems().setAll(DispatchDialogViewModel.rank(incident, units, null).stream()
                .filter(c -> !task.assignees().contains(c.unit().id())).toList());
        // Re-ranked by the hub's travel times when they come (a moment after the dialog opens).
        travel.arrivals(new commandroom.app.model.GeoPoint(incident.latitude(), incident.longitude()), units)
                .thenAccept(times -> list.getItems().setAll(DispatchDialogViewModel.rank(incident, units, times)
                        .stream().filter(c -> !task.assignees().contains(c.unit().id())).toList()));
        UnitPicker.bind(list, chosen);
        list.setPrefHeight(320);
        TextField reason = new TextField();
        reason.setId("reassign-reason");
        reason.setPromptText(Messages.get("action.reason"));
        show(Messages.get("reassign.title", task.id()), "reassign-dialog", owner,
                new VBox(10, new Label(Messages.get("dispatch.units")), list, reason),
                // The unit may have moved the task on while the leader chose: act on its latest version.
                () -> client.reassign(task.id(), latest.get().version(),
                        list.getItems().stream().map(c -> c.unit().id()).filter(chosen::contains).toList(),
                        reason.getText().trim()));
    }

    /** Cancel: say why. */
    public static void cancel(TaskItem task, CommandClient client, Window owner,
                              java.util.function.Supplier<TaskItem> latest) {
        TextField reason = new TextField();
        reason.setId("cancel-reason");
        reason.setPromptText(Messages.get("action.reason"));
        show(Messages.get("cancel.title", task.id()), "cancel-dialog", owner,
                new VBox(10, new Label(task.instruction()), reason),
                () -> client.cancel(task.id(), latest.get().version(), reason.getText().trim()));
    }

    private static void show(String title, String id, Window owner, VBox content,
                             java.util.function.Supplier<CompletableFuture<Void>> submit) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        Label error = new Label();
        error.setWrapText(true);
        content.getChildren().add(error);
        content.setPrefWidth(760);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId(id);
        ButtonType ok = new ButtonType(Messages.get("action.send"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, new ButtonType(Messages.get("action.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId(id + "-send");
        Dialogs.submitOnOk(dialog, okButton, submit, error);
        dialog.showAndWait();
    }
}
