package commandroom.app.board;

import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * The board's filter bar: station (shown only when the board spans several), zone, type,
 * priority, assignee, overdue only and a search field. It starts from the model's filter (the
 * one restored with the user's layout) and sets a new one on every change. Style class
 * filter-bar; ids filter-station, filter-zone, filter-type, filter-priority, filter-assignee,
 * filter-overdue, filter-search. FX thread only.
 */
final class BoardFilterBar extends HBox {

    private final BoardViewModel model;
    private final ComboBox<String> station = new ComboBox<>();
    private final ComboBox<ZoneItem> zone = new ComboBox<>();
    private final ComboBox<String> type = codes("type", "CALL_110", "DISPUTE", "KEY_PERSON_ALERT", "PATROL_FINDING",
            "INFO_COLLECTION", "OTHER");
    private final ComboBox<String> priority = codes("priority", "URGENT", "HIGH", "NORMAL", "LOW");
    private final ComboBox<UnitItem> assignee = new ComboBox<>();
    private final CheckBox overdue = new CheckBox(Messages.get("filter.overdue"));
    private final TextField search = new TextField();
    /** True while the controls are being filled from the model: their changes are not the user's. */
    private boolean filling;

    BoardFilterBar(BoardViewModel model) {
        this.model = model;
        getStyleClass().add("filter-bar");
        Label stationLabel = new Label(Messages.get("filter.station"));
        choices(station, "station", model.stations(), id -> id, id -> id, BoardFilter::stationId);
        choices(zone, "zone", model.zones(), ZoneItem::name, ZoneItem::id, BoardFilter::zoneId);
        choices(assignee, "assignee", model.units(), UnitItem::name, UnitItem::id, BoardFilter::assigneeId);
        // One station (the normal case at a station's console): nothing to choose, so not shown.
        Runnable showStations = () -> {
            boolean several = model.stations().size() > 1;
            for (var n : List.of(stationLabel, station)) {
                n.setVisible(several);
                n.setManaged(several);
            }
        };
        showStations.run();
        model.stations().addListener((ListChangeListener<String>) c -> showStations.run());
        overdue.setId("filter-overdue");
        search.setId("filter-search");
        search.setPromptText(Messages.get("filter.search"));
        search.setPrefColumnCount(18);
        getChildren().addAll(stationLabel, station, new Label(Messages.get("filter.zone")), zone,
                new Label(Messages.get("filter.type")), type, new Label(Messages.get("filter.priority")), priority,
                new Label(Messages.get("filter.assignee")), assignee, overdue, search);
        fill(model.filterProperty().get());
        for (var box : List.of(station, zone, type, priority, assignee)) {
            box.valueProperty().addListener((o, a, b) -> apply());
        }
        overdue.selectedProperty().addListener((o, a, b) -> apply());
        search.textProperty().addListener((o, a, b) -> apply());
    }

    /**
     * A chooser over a list that keeps itself current, with "any" (null) first, showing the item the
     * model's filter names (the list may arrive after the filter, with the hub's first snapshot).
     */
    private <T> void choices(ComboBox<T> box, String id, ObservableList<T> source, Function<T, String> name,
                             Function<T, String> idOf, Function<BoardFilter, String> wanted) {
        box.setId("filter-" + id);
        Function<T, String> shown = v -> v == null ? Messages.get("filter.any") : name.apply(v);
        box.setConverter(Labels.of(shown));
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(shown.apply(v)); // "any" is a null value, which the box shows as an empty cell

            }
        });
        Runnable refill = () -> {
            boolean was = filling;
            filling = true;
            box.getItems().setAll(source);
            box.getItems().add(0, null);
            String want = wanted.apply(model.filterProperty().get());
            box.setValue(source.stream().filter(v -> idOf.apply(v).equals(want)).findFirst().orElse(null));
            filling = was;
        };
        refill.run();
        source.addListener((ListChangeListener<T>) c -> refill.run());
    }

    private void fill(BoardFilter f) {
        filling = true;
        type.setValue(f.type());
        priority.setValue(f.priority());
        overdue.setSelected(f.overdueOnly());
        search.setText(f.search());
        filling = false;
    }

    private void apply() {
        if (filling) {
            return;
        }
        model.filterProperty().set(new BoardFilter(station.getValue(), zone.getValue() == null ? null : zone.getValue().id(),
                type.getValue(), priority.getValue(), assignee.getValue() == null ? null : assignee.getValue().id(),
                overdue.isSelected(), search.getText()));
    }

    private static ComboBox<String> codes(String prefix, String... values) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setConverter(Labels.of(v -> v == null ? Messages.get("filter.any") : Messages.get(prefix + "." + v)));
        box.setId("filter-" + prefix);
        return box;
    }
}
