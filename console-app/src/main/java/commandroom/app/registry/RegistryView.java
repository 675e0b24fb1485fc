package commandroom.app.registry;

import atlantafx.base.theme.Styles;
import commandroom.app.model.RegistryChangeLine;
import commandroom.app.model.RegistryEntry;
import commandroom.app.model.RegistryEntry.Registry;
import commandroom.app.ui.Messages;
import commandroom.app.ui.ReasonDialog;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The administration window's registry (台账管理): zones, units and cameras in a searchable table,
 * the chosen item's history beside it (who changed what, when), and the tools: add, edit, retire
 * (asks why), a zone's outline redrawn on the map, import a file (previewed first); the standard addresses, too many for one table, are
 * searched and imported. For the IT administrator and the station chief.
 * Ids: registry-zones, registry-units, registry-cameras, registry-search, registry-add, registry-edit,
 * registry-outline (a zone's outline on the map, {@link OutlineDialog}),
 * registry-retire, registry-import, registry-refresh, registry-table, registry-history,
 * registry-status. FX thread only.
 */
public final class RegistryView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final RegistryViewModel model;
    private final TableView<RegistryEntry> table = new TableView<>();

    public RegistryView(RegistryViewModel model) {
        this.model = model;
        getStyleClass().add("registry");
        setSpacing(12);
        setPadding(new javafx.geometry.Insets(12));

        ToggleGroup which = new ToggleGroup();
        HBox kinds = new HBox();
        Registry[] all = Registry.values();
        for (Registry r : all) {
            ToggleButton b = new ToggleButton(Messages.get("registry.tab." + r.name()));
            // AtlantaFX's pills: the three read as one segmented control.
            b.getStyleClass().add(r.ordinal() == 0 ? Styles.LEFT_PILL
                    : r.ordinal() == all.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setId("registry-" + r.name().toLowerCase(java.util.Locale.ROOT) + "s");
            b.setToggleGroup(which);
            b.setUserData(r);
            b.setSelected(r == model.registryProperty().get());
            kinds.getChildren().add(b);
        }
        which.selectedToggleProperty().addListener((o, was, t) -> {
            if (t == null) {
                was.setSelected(true);
            } else {
                model.registryProperty().set((Registry) t.getUserData());
                columns();
            }
        });
        TextField search = new TextField();
        search.setId("registry-search");
        search.setPromptText(Messages.get("registry.search"));
        search.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button add = button("registry-add", "registry.add");
        Button edit = button("registry-edit", "registry.edit");
        Button outline = button("registry-outline", "registry.outline");
        Button retire = button("registry-retire", "registry.retire");
        retire.getStyleClass().add(Styles.DANGER);
        Button importFile = button("registry-import", "registry.import");
        Button refresh = button("registry-refresh", "registry.refresh");
        // Standard addresses change by importing their book, not one by one.
        javafx.beans.binding.BooleanBinding addresses = model.registryProperty().isEqualTo(Registry.ADDRESS);
        add.disableProperty().bind(addresses);
        edit.disableProperty().bind(model.selectedProperty().isNull().or(addresses));
        retire.disableProperty().bind(model.selectedProperty().isNull().or(addresses));
        // A zone's outline is drawn on the map, not typed: offered for a chosen zone only.
        outline.visibleProperty().bind(model.registryProperty().isEqualTo(Registry.ZONE));
        outline.managedProperty().bind(outline.visibleProperty());
        outline.disableProperty().bind(model.selectedProperty().isNull());
        outline.setOnAction(e -> OutlineDialog.show(getScene().getWindow(), model.selectedProperty().get(), model));
        add.setOnAction(e -> RegistryForm.show(getScene().getWindow(), RegistryEntry.blank(model.registryProperty().get()),
                model));
        edit.setOnAction(e -> RegistryForm.show(getScene().getWindow(), model.selectedProperty().get(), model));
        retire.setOnAction(e -> {
            RegistryEntry chosen = model.selectedProperty().get();
            ReasonDialog.ask(getScene().getWindow(), "registry", List.of("registry.reason.removed",
                    "registry.reason.moved", "registry.reason.merged"), reason -> model.retire(chosen, reason), () -> { });
        });
        importFile.setOnAction(e -> ImportDialog.show(getScene().getWindow(), model));
        refresh.setOnAction(e -> model.load());
        HBox bar = new HBox(10, kinds, search, add, edit, outline, retire, importFile, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("registry-table");
        table.setItems(model.shown());
        Label none = new Label();
        none.textProperty().bind(javafx.beans.binding.Bindings.when(model.registryProperty().isEqualTo(Registry.ADDRESS))
                .then(Messages.get("registry.address.typeToSearch")).otherwise(Messages.get("registry.none")));
        table.setPlaceholder(none);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, e) -> model.selectedProperty().set(e));
        model.selectedProperty().addListener((o, was, e) -> {
            if (e != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(e);
            }
        });
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<RegistryEntry>();
            row.setOnMouseClicked(ev -> {
                if (ev.getClickCount() == 2 && !row.isEmpty()) {
                    RegistryForm.show(getScene().getWindow(), row.getItem(), model);
                }
            });
            return row;
        });
        columns();

        ListView<RegistryChangeLine> history = new ListView<>(model.history());
        history.setId("registry-history");
        history.setPlaceholder(new Label(Messages.get("registry.history.none")));
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RegistryChangeLine l, boolean empty) {
                super.updateItem(l, empty);
                setWrapText(true);
                setText(empty || l == null ? null : line(l));
            }
        });
        Label historyTitle = new Label(Messages.get("registry.history"));
        historyTitle.getStyleClass().add(Styles.TITLE_4);
        VBox side = new VBox(8, historyTitle, history);
        VBox.setVgrow(history, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label status = new Label();
        status.setId("registry-status");
        status.getStyleClass().add("registry-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(bar, split, status);
        model.load();
    }

    private void columns() {
        Registry r = model.registryProperty().get();
        table.getColumns().setAll(List.of(column("id", RegistryEntry::id), column("name", RegistryEntry::name)));
        if (r == Registry.ADDRESS) {
            table.getColumns().add(column("zone", e -> zoneName(e.zoneId())));
            table.getColumns().add(column("position", e -> String.format(java.util.Locale.ROOT, "%.6f, %.6f",
                    e.latitude(), e.longitude())));
            return;
        }
        if (r != Registry.ZONE) {
            table.getColumns().add(column("type", e -> e.type().isEmpty() ? "" : Messages.get("registry.type." + e.type())));
            table.getColumns().add(column("zone", e -> zoneName(e.zoneId())));
        }
        if (r == Registry.CAMERA) {
            table.getColumns().add(column("code", RegistryEntry::nationalCode));
        } else if (r == Registry.UNIT) {
            table.getColumns().add(column("callsign", RegistryEntry::callSign));
        } else {
            table.getColumns().add(column("points", e -> Integer.toString(e.polygon().size())));
        }
        table.getColumns().add(column("version", e -> Long.toString(e.version())));
    }

    private String zoneName(String id) {
        return model.zones().stream().filter(z -> z.id().equals(id)).map(RegistryEntry::name).findFirst().orElse(id);
    }

    private static TableColumn<RegistryEntry, String> column(String key, Function<RegistryEntry, String> value) {
        TableColumn<RegistryEntry, String> c = new TableColumn<>(Messages.get("registry.column." + key));
        // A national code is 20 digits: its column is wide enough to read one whole.
        c.setPrefWidth(switch (key) {
            case "code" -> 250;
            case "name", "id" -> 200;
            case "version", "points" -> 80;
            default -> 130;
        });
        c.setId("registry-column-" + key);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static Button button(String id, String key) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        return b;
    }

    static String line(RegistryChangeLine l) {
        String what = switch (l.what()) {
            case "REGISTERED" -> Messages.get("registry.history.registered");
            case "RETIRED" -> Messages.get("registry.history.retired", l.reason());
            default -> Messages.get("registry.history.changed", String.join("、", l.fields().stream()
                    .map(f -> Messages.get("registry.field." + f)).toList()));
        };
        String source = !l.what().equals("RETIRED") && !l.reason().isEmpty()
                ? " " + Messages.get("registry.history.from", l.reason()) : "";
        return Messages.get("registry.history.line", TIME.format(l.at()), l.who(), what + source, l.version());
    }
}
