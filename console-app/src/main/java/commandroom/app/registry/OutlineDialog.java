package commandroom.app.registry;

import commandroom.app.map.OutlineEdit;
import commandroom.app.map.OutlineEditorView;
import commandroom.app.model.RegistryEntry;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import commandroom.app.ui.Theme;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A zone's outline changed on the map (the chief or the administrator, when the town redraws a
 * boundary): the editor, a line saying how to use it and how many corners the outline has, what
 * stops it from being saved (it crosses itself; the hub's refusal, e.g. an overlap with a
 * neighbour), and Save, which sends the zone at the version it was read (someone else's change
 * in between is refused, not overwritten). Ids: outline-dialog, outline-canvas, outline-status,
 * outline-error, outline-save, outline-cancel. FX thread only.
 */
final class OutlineDialog {

    private OutlineDialog() {}

    static void show(Window owner, RegistryEntry zone, RegistryViewModel model) {
        OutlineEdit edit = new OutlineEdit(zone.polygon());
        List<OutlineEditorView.Neighbour> others = model.zones().stream().filter(z -> !z.id().equals(zone.id()))
                .map(z -> new OutlineEditorView.Neighbour(z.name(), z.polygon())).toList();
        Label status = new Label();
        status.setId("outline-status");
        Label error = new Label();
        error.setId("outline-error");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        Button save = new Button(Messages.get("outline.save"));
        save.setId("outline-save");
        save.setDefaultButton(true);
        Button cancel = new Button(Messages.get("action.cancel"));
        cancel.setId("outline-cancel");
        cancel.setCancelButton(true);
        Runnable check = () -> {
            int[] crossing = edit.crossing();
            status.setText(Messages.get("outline.corners", edit.corners().size()));
            error.setText(crossing == null ? "" : Messages.get("outline.crossing", crossing[0], crossing[1]));
            save.setDisable(crossing != null || !edit.changed());
        };
        OutlineEditorView editor = new OutlineEditorView(edit, others, model.roads(), check);
        check.run();

        Label hint = new Label(Messages.get("outline.hint"));
        hint.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(10, status, gap, cancel, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox foot = new VBox(8, hint, error, buttons);
        foot.setPadding(new Insets(12));
        BorderPane root = new BorderPane(editor, null, null, foot, null);
        root.setId("outline-dialog");

        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.get("outline.title", zone.name()));
        stage.setScene(Theme.style(new Scene(root, 900, 700)));
        cancel.setOnAction(e -> stage.close());
        save.setOnAction(e -> {
            save.setDisable(true);
            error.setText("");
            model.save(new RegistryEntry(zone.registry(), zone.id(), zone.name(), zone.type(), zone.zoneId(),
                    zone.nationalCode(), zone.callSign(), zone.latitude(), zone.longitude(), zone.directionDegrees(),
                    zone.angleDegrees(), zone.rangeMetres(), zone.mainStreamUrl(), zone.subStreamUrl(),
                    zone.communityOfficerUnitId(), edit.corners(), zone.version()))
                    .whenComplete((version, failure) -> Platform.runLater(() -> {
                        if (failure == null) {
                            stage.close();
                        } else {
                            error.setText(Dialogs.describe(failure));
                            save.setDisable(false);
                        }
                    }));
        });
        stage.show();
    }
}
