package commandroom.app.registry;

import atlantafx.base.theme.Styles;
import commandroom.app.model.ImportOutcome;
import commandroom.app.ui.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * An import, as the station's files come (a registry's, or the shift plan's): the file read and previewed against the hub's registry
 * (what would be added, changed and retired; every problem with its line and reason), applied
 * only when no problem remains, and then what it did. "Retire what the file leaves out" is for a
 * whole ledger; unticked, the file only adds and changes. Ids: registry-import, registry-import-path,
 * registry-import-browse, registry-import-read, registry-import-file, registry-import-retire,
 * registry-import-summary, registry-import-problems, registry-import-apply.
 * FX thread.
 */
public final class ImportDialog {

    private static final int PANE_WIDTH = 860;

    private ImportDialog() {}

    /** Shows the dialog (not waiting): a file is chosen and read, previewed, then applied. */
    public static Dialog<Void> show(Window owner, Importer model) {
        TextField path = new TextField();
        path.setId("registry-import-path");
        path.setPromptText(Messages.get("registry.import.pathPrompt"));
        HBox.setHgrow(path, Priority.ALWAYS);
        Button browse = new Button(Messages.get("registry.import.browse"));
        browse.setId("registry-import-browse");
        Button read = new Button(Messages.get("registry.import.read"));
        read.setId("registry-import-read");
        read.disableProperty().bind(path.textProperty().isEmpty());
        Label what = new Label(model.what());
        what.setId("registry-import-file");
        what.setWrapText(true);
        CheckBox retire = new CheckBox(model.wholeFile());
        retire.setId("registry-import-retire");
        Runnable readIt = () -> {
            Path file = Path.of(path.getText().strip());
            try {
                model.preview(file.getFileName().toString(), Files.readAllBytes(file), retire.isSelected());
            } catch (IOException | RuntimeException e) {
                model.cannotRead(path.getText().strip(), e);
            }
        };
        read.setOnAction(e -> readIt.run());
        retire.selectedProperty().addListener((o, was, on) -> {
            if (!path.getText().isBlank()) {
                readIt.run();
            }
        });
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("registry.import.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("registry.import.files"),
                    "*.csv", "*.xlsx", "*.geojson", "*.json", "*.txt"));
            java.io.File chosen = chooser.showOpenDialog(owner);
            if (chosen != null) {
                path.setText(chosen.getAbsolutePath());
                readIt.run();
            }
        });
        Label summary = new Label();
        summary.setId("registry-import-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TITLE_4);
        ListView<ImportOutcome.Problem> problems = new ListView<>(javafx.collections.FXCollections.observableArrayList());
        problems.setId("registry-import-problems");
        problems.setPrefHeight(260);
        problems.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ImportOutcome.Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : RegistryViewModel.describe(p));
                setWrapText(true);
            }
        });
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        VBox content = new VBox(12, what, new HBox(10, path, browse, read), retire, summary, problems, status);
        content.setPrefWidth(820);
        // Wrapped labels keep their lines: a dialog must not cut a sentence short.
        for (Label l : new Label[] {what, summary, status}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }

        model.importOutcomeProperty().addListener((o, was, outcome) -> {
            problems.getItems().setAll(outcome == null ? java.util.List.of() : outcome.problems());
            summary.setText(outcome == null ? "" : summary(outcome));
        });

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("registry.import.title"));
        dialog.getDialogPane().setId("registry-import");
        dialog.getDialogPane().setContent(content);
        // Room for the file's description and the problems (console.css lifts the theme's 600 px cap).
        dialog.getDialogPane().setPrefWidth(PANE_WIDTH);
        dialog.setResizable(true);
        ButtonType apply = new ButtonType(Messages.get("registry.import.apply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(Messages.get("action.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(apply, close);
        Node applyButton = dialog.getDialogPane().lookupButton(apply);
        applyButton.setId("registry-import-apply");
        applyButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ImportOutcome o = model.importOutcomeProperty().get();
            return o == null || !o.appliable() || o.sequence() > 0;
        }, model.importOutcomeProperty()));
        applyButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            model.apply();
        });
        dialog.setOnHidden(e -> model.forgetImport());
        dialog.show();
        return dialog;
    }

    static String summary(ImportOutcome o) {
        String counts = Messages.get(o.sequence() > 0 ? "registry.import.done" : "registry.import.would",
                o.totals().added(), o.totals().changed(), o.totals().retired(), o.unchanged());
        if (o.totals().problems() > 0) {
            return counts + " " + Messages.get("registry.import.blocked", o.totals().problems());
        }
        return (o.alreadyApplied() ? Messages.get("registry.import.seenBefore") + " " : "") + counts
                + " · " + Messages.get("registry.import.encoding", o.encoding());
    }
}
