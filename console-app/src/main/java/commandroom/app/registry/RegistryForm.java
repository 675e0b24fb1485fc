package commandroom.app.registry;

import commandroom.app.model.RegistryEntry;
import commandroom.app.model.RegistryEntry.Registry;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Registers or changes one zone, unit or camera: the fields its registry keeps, checked as they
 * are typed (required, numbers in range, a national code of 20 digits) so Save is offered only for
 * what the hub can take; the hub's refusal (a stale version, a taken code, an overlap) stays in the
 * dialog. A zone's outline comes from a zone file (import); here its name and officer change.
 * Ids: registry-form, registry-form-FIELD (id, name, type, zone, code, callsign, lat, lon,
 * direction, angle, range, main, sub, officer), registry-form-save, registry-form-error. FX thread.
 */
final class RegistryForm {

    static final List<String> CAMERA_TYPES = List.of("SKYNET", "XUELIANG", "SOCIAL", "FACE_CAPTURE", "BODY", "DRONE");
    static final List<String> UNIT_TYPES = List.of("COMMUNITY_OFFICER", "AUXILIARY_OFFICER", "GRID_WORKER", "VOLUNTEER",
            "PATROL_CAR", "DRONE");

    private RegistryForm() {}

    /** Shows the form and waits; returns the saved version, or null if the user gave up. */
    static Long show(Window owner, RegistryEntry e, RegistryViewModel model) {
        boolean isNew = e.version() == 0;
        Registry r = e.registry();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        List<BooleanBinding> valid = new ArrayList<>();
        int[] row = {0};

        TextField id = field(grid, row, "id", e.id());
        id.setDisable(!isNew);
        valid.add(Bindings.createBooleanBinding(() -> id.getText().strip().matches("[\\p{L}\\p{N}._:-]{1,64}"),
                id.textProperty()));
        TextField name = field(grid, row, "name", e.name());
        valid.add(Bindings.createBooleanBinding(() -> !name.getText().isBlank() && name.getText().length() <= 100,
                name.textProperty()));
        ComboBox<String> type = new ComboBox<>();
        ComboBox<String> zone = new ComboBox<>();
        zone.getItems().add("");
        model.zones().forEach(z -> zone.getItems().add(z.id()));
        zone.setConverter(Labels.of(z -> z == null || z.isEmpty() ? Messages.get("registry.form.zoneFromPosition")
                : model.zones().stream().filter(x -> x.id().equals(z)).map(x -> x.name()).findFirst().orElse(z)));
        zone.setValue(e.zoneId());
        TextField code = new TextField(e.nationalCode());
        TextField callSign = new TextField(e.callSign());
        TextField lat = new TextField(e.latitude() == 0 ? "" : Double.toString(e.latitude()));
        TextField lon = new TextField(e.longitude() == 0 ? "" : Double.toString(e.longitude()));
        TextField direction = new TextField(number(e.directionDegrees()));
        TextField angle = new TextField(number(e.angleDegrees()));
        TextField range = new TextField(number(e.rangeMetres()));
        TextField main = new TextField(e.mainStreamUrl());
        TextField sub = new TextField(e.subStreamUrl());
        TextField officer = new TextField(e.communityOfficerUnitId());
        if (r != Registry.ZONE) {
            type.getItems().setAll(r == Registry.CAMERA ? CAMERA_TYPES : UNIT_TYPES);
            type.setConverter(Labels.of(t -> t == null ? "" : Messages.get("registry.type." + t)));
            type.setValue(e.type().isEmpty() ? null : e.type());
            place(grid, row, "type", type);
            valid.add(type.valueProperty().isNotNull());
            if (r == Registry.UNIT) {
                zone.getItems().remove("");
            }
            place(grid, row, "zone", zone);
            if (r == Registry.UNIT) {
                valid.add(Bindings.createBooleanBinding(() -> zone.getValue() != null && !zone.getValue().isEmpty(),
                        zone.valueProperty()));
                place(grid, row, "callsign", callSign);
            }
        } else {
            place(grid, row, "officer", officer);
        }
        if (r == Registry.CAMERA) {
            place(grid, row, "code", code);
            valid.add(Bindings.createBooleanBinding(() -> code.getText().strip().matches("(\\d{20})?"), code.textProperty()));
            place(grid, row, "lat", lat);
            place(grid, row, "lon", lon);
            valid.add(range(lat, 3, 54, false));
            valid.add(range(lon, 73, 136, false));
            place(grid, row, "direction", direction);
            place(grid, row, "angle", angle);
            place(grid, row, "range", range);
            valid.add(range(direction, 0, 360, true));
            valid.add(range(angle, 0, 360, true));
            valid.add(range(range, 0, 5000, true));
            place(grid, row, "main", main);
            place(grid, row, "sub", sub);
        }
        Label error = new Label();
        error.setId("registry-form-error");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        VBox content = new VBox(12, grid, error);
        content.setPrefWidth(620);

        Dialog<Long> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get(isNew ? "registry.form.new." + r.name() : "registry.form.edit." + r.name(), e.id()));
        dialog.getDialogPane().setId("registry-form");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(680);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ButtonType save = new ButtonType(Messages.get("registry.form.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save,
                new ButtonType(Messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("registry-form-save");
        BooleanBinding all = valid.stream().reduce(BooleanBinding::and).map(b -> (BooleanBinding) b).orElseThrow();
        saveButton.disableProperty().bind(all.not());
        Dialogs.submitOnOk(dialog, saveButton, () -> model.save(new RegistryEntry(r, id.getText().strip(),
                name.getText().strip(), type.getValue() == null ? "" : type.getValue(),
                zone.getValue() == null ? "" : zone.getValue(), code.getText().strip(), callSign.getText().strip(),
                parse(lat), parse(lon), parse(direction), parse(angle), parse(range), main.getText().strip(),
                sub.getText().strip(), officer.getText().strip(), e.polygon(), e.version())), error);
        return dialog.showAndWait().orElse(null);
    }

    private static TextField field(GridPane grid, int[] row, String key, String value) {
        TextField f = new TextField(value);
        place(grid, row, key, f);
        return f;
    }

    private static void place(GridPane grid, int[] row, String key, javafx.scene.control.Control control) {
        control.setId("registry-form-" + key);
        control.setPrefWidth(420);
        Label label = new Label(Messages.get("registry.form." + key));
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(row[0]++, label, control);
    }

    private static BooleanBinding range(TextField f, double least, double most, boolean optional) {
        return Bindings.createBooleanBinding(() -> {
            String t = f.getText().strip();
            if (t.isEmpty()) {
                return optional;
            }
            try {
                double d = Double.parseDouble(t);
                return d >= least && d <= most;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }, f.textProperty());
    }

    private static double parse(TextField f) {
        try {
            return f.getText().isBlank() ? 0 : Double.parseDouble(f.getText().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String number(double d) {
        return d == 0 ? "" : d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
