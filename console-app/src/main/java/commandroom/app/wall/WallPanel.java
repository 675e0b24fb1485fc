package commandroom.app.wall;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.CameraItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.collections.MapChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The camera wall panel: the camera tree (by zone, searchable) beside the wall. A camera is
 * dragged from the tree onto a tile (or double-clicked onto the first free one); tiles are dragged
 * onto each other to swap; a double-click enlarges a tile to the whole wall and back. The wall
 * starts with the registry's first cameras, and tiles a new layout adds get the next ones. Style classes: wall-panel, camera-tree. FX thread.
 */
public final class WallPanel extends BorderPane {

    /** What a drag carries: a camera id, or a tile index ("tile:3"). */
    static final DataFormat CAMERA = new DataFormat("application/x-commandroom-camera");

    private final ConsoleState state;
    private final WallView wall;
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    private final TextField search = new TextField();
    private WallLayout beforeEnlarge;
    private List<WallCamera> camerasBeforeEnlarge;
    private boolean filled;

    public WallPanel(ConsoleState state, VideoRuntime runtime, WallLayout layout) {
        this.state = state;
        this.wall = new WallView(runtime, layout);
        getStyleClass().add("wall-panel");
        ComboBox<WallLayout> layouts = new ComboBox<>();
        layouts.getItems().setAll(WallLayout.values());
        layouts.setConverter(Labels.of(l -> l == null ? "" : Messages.get("wall.layout", l.id())));
        layouts.setValue(layout);
        layouts.setId("wall-layout");
        layouts.valueProperty().addListener((o, a, l) -> {
            if (l != null && l != wall.wallLayout()) {
                beforeEnlarge = null;
                wall.setLayout(l);
                wireTiles();
                fillEmptyTiles();
            }
        });
        search.setPromptText(Messages.get("wall.search"));
        search.setId("camera-search");
        search.textProperty().addListener((o, a, b) -> fillTree());
        tree.setShowRoot(false);
        tree.setId("camera-tree");
        tree.getStyleClass().add("camera-tree");
        tree.setCellFactory(v -> new CameraCell());
        VBox side = new VBox(8, new HBox(8, new Label(Messages.get("wall.layoutLabel")), layouts), search, tree);
        side.getStyleClass().add("wall-side");
        VBox.setVgrow(tree, Priority.ALWAYS);
        side.setPrefWidth(300);
        setLeft(side);
        setCenter(wall);
        wireTiles();
        fillTree();
        state.cameras().addListener((MapChangeListener<String, CameraItem>) c -> fillTree());
        // The registry arrives camera by camera within one batch; the batch ends with its sequence.
        state.lastSequenceProperty().addListener((o, a, b) -> fillEmptyWallOnce());
        fillEmptyWallOnce();
    }

    public WallView wall() {
        return wall;
    }

    /** Puts a camera on the first free tile (or the last one when all are taken). */
    public void showOnFreeTile(CameraItem c) {
        List<VideoTile> tiles = wall.tiles();
        int free = tiles.size() - 1;
        for (int i = 0; i < tiles.size(); i++) {
            if (tiles.get(i).camera() == null) {
                free = i;
                break;
            }
        }
        wall.show(free, of(c));
    }

    /** Enlarges a tile to the whole wall, or goes back to the layout before. */
    public void toggleEnlarged(int tile) {
        if (beforeEnlarge != null) {
            WallLayout back = beforeEnlarge;
            List<WallCamera> cameras = camerasBeforeEnlarge;
            beforeEnlarge = null;
            wall.setLayout(back);
            for (int i = 0; i < cameras.size(); i++) {
                if (!sameCamera(wall.tiles().get(i).camera(), cameras.get(i))) {
                    wall.show(i, cameras.get(i));
                }
            }
        } else {
            List<VideoTile> tiles = wall.tiles();
            camerasBeforeEnlarge = tiles.stream().map(VideoTile::camera).toList();
            beforeEnlarge = wall.wallLayout();
            WallCamera big = tiles.get(tile).camera();
            wall.setLayout(WallLayout.GRID_1);
            if (!sameCamera(wall.tiles().get(0).camera(), big)) {
                wall.show(0, big);
            }
        }
        wireTiles();
    }

    private static boolean sameCamera(WallCamera a, WallCamera b) {
        return a == null ? b == null : b != null && a.id().equals(b.id());
    }

    static WallCamera of(CameraItem c) {
        return new WallCamera(c.id(), c.name(), c.subStreamUrl(), c.mainStreamUrl());
    }

    /** The first time cameras are known, the wall shows the first of them in id order. */
    private void fillEmptyWallOnce() {
        if (filled || state.cameras().isEmpty()) {
            return;
        }
        filled = true;
        fillEmptyTiles();
    }

    /** Empty tiles get the next cameras, in id order, that are not on the wall yet. */
    private void fillEmptyTiles() {
        List<VideoTile> tiles = wall.tiles();
        java.util.Set<String> shown = tiles.stream().map(VideoTile::camera).filter(java.util.Objects::nonNull)
                .map(WallCamera::id).collect(Collectors.toSet());
        java.util.Iterator<CameraItem> next = state.cameras().values().stream()
                .filter(c -> !shown.contains(c.id())).sorted(Comparator.comparing(CameraItem::id)).iterator();
        for (int i = 0; i < tiles.size() && next.hasNext(); i++) {
            if (tiles.get(i).camera() == null) {
                wall.show(i, of(next.next()));
            }
        }
    }

    private void wireTiles() {
        List<VideoTile> tiles = wall.tiles();
        for (int i = 0; i < tiles.size(); i++) {
            int index = i;
            VideoTile t = tiles.get(i);
            t.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    toggleEnlarged(index);
                }
            });
            t.setOnDragDetected(e -> {
                if (t.camera() != null) {
                    ClipboardContent content = new ClipboardContent();
                    content.put(CAMERA, "tile:" + index);
                    t.startDragAndDrop(TransferMode.MOVE).setContent(content);
                    e.consume();
                }
            });
            t.setOnDragOver(e -> {
                if (e.getDragboard().hasContent(CAMERA)) {
                    e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                }
                e.consume();
            });
            t.setOnDragDropped(e -> {
                Object what = e.getDragboard().getContent(CAMERA);
                e.setDropCompleted(what != null && drop(String.valueOf(what), index));
                e.consume();
            });
        }
    }

    /** A camera dropped from the tree goes on the tile; a tile dropped on another swaps them. */
    boolean drop(String what, int onto) {
        if (what.startsWith("tile:")) {
            int from = Integer.parseInt(what.substring(5));
            if (from == onto) {
                return false;
            }
            WallCamera a = wall.tiles().get(from).camera();
            WallCamera b = wall.tiles().get(onto).camera();
            wall.show(onto, a);
            wall.show(from, b);
            return true;
        }
        CameraItem c = state.cameras().get(what);
        if (c == null) {
            return false;
        }
        wall.show(onto, of(c));
        return true;
    }

    private void fillTree() {
        String q = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
        Map<String, List<CameraItem>> byZone = state.cameras().values().stream()
                .filter(c -> q.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(q)
                        || c.id().toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing(CameraItem::id))
                .collect(Collectors.groupingBy(CameraItem::zoneId, java.util.TreeMap::new, Collectors.toList()));
        TreeItem<Object> root = tree.getRoot();
        root.getChildren().clear();
        byZone.forEach((zoneId, cameras) -> {
            ZoneItem z = state.zones().get(zoneId);
            TreeItem<Object> zone = new TreeItem<>(z == null ? zoneId : z.name());
            zone.setExpanded(!q.isEmpty());
            cameras.forEach(c -> zone.getChildren().add(new TreeItem<>(c)));
            root.getChildren().add(zone);
        });
    }

    /** A zone (its name) or a camera (name and kind) in the tree; cameras can be dragged out. */
    private final class CameraCell extends TreeCell<Object> {
        CameraCell() {
            setOnDragDetected(e -> {
                if (getItem() instanceof CameraItem c) {
                    ClipboardContent content = new ClipboardContent();
                    content.put(CAMERA, c.id());
                    startDragAndDrop(TransferMode.COPY).setContent(content);
                    e.consume();
                }
            });
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() instanceof CameraItem c) {
                    showOnFreeTile(c);
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
                setId(null);
            }
        }
    }
}
