package commandroom.app.wall;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.CameraItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.ui.Messages;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.collections.MapChangeListener;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The wall's camera tree: the registry by police zone or by kind (天网, 雪亮, face capture...), under
 * their station when the cameras span several; a search over names, ids and kinds; cameras dragged
 * out onto tiles or double-clicked onto the first free one, several picked at once for a tour.
 * Kept current as cameras arrive; cameras units wear or carry are under their unit. Style class:
 * camera-tree; ids camera-search, camera-tree, camera-group-zone, camera-group-kind, station-*,
 * zone-*, kind-*, unit-*, camera-*. FX thread.
 */
final class CameraTree extends VBox {

    private final ConsoleState state;
    private final Consumer<CameraItem> onOpen;
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    private final TextField search = new TextField();
    private final List<CameraItem> picked = new java.util.ArrayList<>();
    private final javafx.scene.control.ToggleButton byKind = new javafx.scene.control.ToggleButton(
            Messages.get("wall.groupKind"));

    /** A tree over the console's cameras; a double-clicked camera goes to onOpen. */
    CameraTree(ConsoleState state, Consumer<CameraItem> onOpen) {
        super(8);
        this.state = state;
        this.onOpen = onOpen;
        search.setPromptText(Messages.get("wall.search"));
        search.setId("camera-search");
        search.textProperty().addListener((o, a, b) -> fill());
        tree.setShowRoot(false);
        tree.setId("camera-tree");
        tree.getStyleClass().add("camera-tree");
        tree.setCellFactory(v -> new CameraCell());
        // Several cameras can be picked (Ctrl/Shift+click) to make a tour of them, in picking order
        // (the tree's own selection lists them in tree order).
        tree.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        tree.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<TreeItem<Object>>) c -> followPicks());
        javafx.scene.control.ToggleButton byZone = new javafx.scene.control.ToggleButton(Messages.get("wall.groupZone"));
        byZone.setId("camera-group-zone");
        byKind.setId("camera-group-kind");
        javafx.scene.control.ToggleGroup grouping = new javafx.scene.control.ToggleGroup();
        byZone.setToggleGroup(grouping);
        byKind.setToggleGroup(grouping);
        byZone.setSelected(true);
        // One of the two is always down: a click on the pressed one keeps it.
        grouping.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                fill();
            }
        });
        javafx.scene.layout.HBox groups = new javafx.scene.layout.HBox(byZone, byKind);
        groups.getStyleClass().add("camera-grouping");
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(search, groups, tree);
        fill();
        state.cameras().addListener((MapChangeListener<String, CameraItem>) c -> fill());
    }

    /** The zone picked in the tree, if a zone is picked. */
    Optional<ZoneNode> selectedZone() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof ZoneNode z ? Optional.of(z) : Optional.empty();
    }

    /** The cameras picked in the tree, in the order they were picked. */
    List<CameraItem> selectedCameras() {
        return List.copyOf(picked);
    }

    private void followPicks() {
        List<CameraItem> now = tree.getSelectionModel().getSelectedItems().stream().filter(java.util.Objects::nonNull)
                .map(TreeItem::getValue).filter(CameraItem.class::isInstance).map(CameraItem.class::cast).toList();
        picked.retainAll(now);
        now.stream().filter(c -> !picked.contains(c)).forEach(picked::add);
    }

    private void fill() {
        String q = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
        List<CameraItem> found = state.cameras().values().stream()
                .filter(c -> q.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(q)
                        || c.id().toLowerCase(Locale.ROOT).contains(q)
                        || Messages.get("camera." + c.kind()).toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing(CameraItem::id)).toList();
        boolean stations = found.stream().map(CameraItem::stationId).distinct().count() > 1;
        TreeItem<Object> root = tree.getRoot();
        root.getChildren().clear();
        Map<String, List<CameraItem>> byStation = found.stream().collect(
                Collectors.groupingBy(CameraItem::stationId, java.util.TreeMap::new, Collectors.toList()));
        byStation.forEach((stationId, cameras) -> {
            TreeItem<Object> parent = root;
            if (stations) {
                parent = new TreeItem<>(new StationNode(stationId));
                parent.setExpanded(true);
                root.getChildren().add(parent);
            }
            TreeItem<Object> under = parent;
            Map<Object, List<CameraItem>> groups = cameras.stream().collect(Collectors.groupingBy(this::groupOf,
                    java.util.LinkedHashMap::new, Collectors.toList()));
            groups.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().toString())).forEach(e -> {
                TreeItem<Object> group = new TreeItem<>(e.getKey());
                group.setExpanded(!q.isEmpty());
                e.getValue().forEach(c -> group.getChildren().add(new TreeItem<>(c)));
                under.getChildren().add(group);
            });
        });
    }

    /** The node a camera goes under: its zone, or its kind when grouped by kind. */
    private Object groupOf(CameraItem c) {
        // A camera a unit wears or carries is found under the unit, whichever way the tree groups.
        if (c.worn()) {
            var u = state.units().get(c.unitId());
            return new UnitNode(c.unitId(), Messages.get("wall.wornBy", u == null ? c.unitId() : u.name()));
        }
        if (byKind.isSelected()) {
            return new KindNode(c.kind(), Messages.get("camera." + c.kind()));
        }
        ZoneItem z = state.zones().get(c.zoneId());
        return new ZoneNode(c.zoneId(), z == null ? c.zoneId() : z.name());
    }

    /** A station at the top of the tree, when the cameras span several. */
    record StationNode(String id) {
        @Override
        public String toString() {
            return Messages.get("filter.station") + " " + id;
        }
    }

    /** A unit and the cameras it wears or carries. */
    record UnitNode(String unitId, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A kind of camera in the tree, grouped by kind. */
    record KindNode(String kind, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A zone in the camera tree: shown by its name, known by its id. */
    public record ZoneNode(String id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A zone (its name) or a camera (name and kind) in the tree; cameras can be dragged out. */
    private final class CameraCell extends TreeCell<Object> {
        CameraCell() {
            setOnDragDetected(e -> {
                if (getItem() instanceof CameraItem c) {
                    ClipboardContent content = new ClipboardContent();
                    content.put(WallPanel.CAMERA, c.id());
                    startDragAndDrop(TransferMode.COPY).setContent(content);
                    e.consume();
                }
            });
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() instanceof CameraItem c) {
                    onOpen.accept(c);
                }
            });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
            } else if (item instanceof CameraItem c) {
                setText(c.name() + "  ·  " + Messages.get("camera." + c.kind()));
                setId("camera-" + c.id());
            } else {
                setText(String.valueOf(item));
                setId(item instanceof ZoneNode z ? "zone-" + z.id() : item instanceof KindNode k ? "kind-" + k.kind()
                        : item instanceof StationNode st ? "station-" + st.id()
                        : item instanceof UnitNode u ? "unit-" + u.unitId() : null);
            }
        }
    }
}
