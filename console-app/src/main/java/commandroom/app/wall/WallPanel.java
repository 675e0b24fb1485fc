package commandroom.app.wall;

import commandroom.app.connection.CommandClient;
import commandroom.app.connection.ConsoleState;
import commandroom.app.model.CameraItem;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The camera wall panel: the camera tree (by zone, searchable) beside the wall. A camera is
 * dragged from the tree onto a tile (or double-clicked onto the first free one); tiles are dragged
 * onto each other to swap; a double-click enlarges a tile to the whole wall and back. The wall
 * starts with the registry's first cameras, and tiles a new layout adds get the next ones. A new
 * incident puts the cameras that see it on the first tiles until dismissed. Tours cycle named lists
 * of cameras, or a zone's, through the tiles ({@link TourControls}). A platform camera's tile
 * opens the timeline of its recordings under the wall ({@link TileRecordings}). Style classes:
 * wall-panel, camera-tree, alarm-bar. FX thread.
 */
public final class WallPanel extends BorderPane {

    /** What a drag carries: a camera id, or a tile index ("tile:3"). */
    static final DataFormat CAMERA = new DataFormat("application/x-commandroom-camera");

    /** Tiles of the alarm group: the first ones of the wall. */
    static final int ALARM_TILES = 4;

    private final ConsoleState state;
    private final WallView wall;
    private final CameraTree tree;
    private WallLayout beforeEnlarge;
    private List<WallCamera> camerasBeforeEnlarge;
    private boolean filled;
    /** While an alarm shows: the cameras its tiles had before, to put back on dismissal. */
    private List<WallCamera> beforeAlarm;
    private final Label alarmText = new Label();
    /** Camera ids saved with the workspace, put on the tiles once the registry is known. */
    private List<String> savedCameras = List.of();
    private final ComboBox<WallLayout> layouts = new ComboBox<>();
    private final TourControls tours;
    /** Closed with its console: alarms that still come in show nothing. */
    private boolean closed;
    private final HBox alarmBar;
    /** The incident whose alarm shows, or null. */
    private String alarmIncidentId;
    private final TileEvidence evidence;
    private final PtzPad ptz;
    /** The tile under the pointer, or last clicked: the one the replay keys act on. */
    private VideoTile pointed;
    private final TileRecordings recordings;

    /**
     * A wall over the console's state; evidence is the client through which tile pictures are kept
     * in incidents' files, or null for a role that may not (then it is not offered).
     */
    public WallPanel(ConsoleState state, VideoRuntime runtime, WallLayout layout, CommandClient evidence) {
        this(state, runtime, layout, evidence, WallHub.NONE);
    }

    /**
     * As above; hub is what the wall reaches through the session: platform cameras' addresses,
     * recordings and PTZ.
     */
    public WallPanel(ConsoleState state, VideoRuntime runtime, WallLayout layout, CommandClient evidence, WallHub hub) {
        this.state = state;
        this.wall = new WallView(runtime, layout);
        wall.setAddresses(hub.addresses());
        ptz = new PtzPad(state, hub.ptz(), hub.me(), hub.mayTakeOver());
        recordings = new TileRecordings(hub.recordings(), java.time.ZoneId.systemDefault(), java.time.Clock.systemUTC());
        wall.setOnShown(t -> {
            ptz.shown(t);
            recordings.shown(t);
        });
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, ptz::key);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, ptz::key);
        // Replay keys act on the tile under the pointer (or last clicked).
        wall.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> pointed = tileOf(e.getTarget()));
        wall.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> pointed = tileOf(e.getTarget()));
        wall.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> pointed = null);
        // Heard on the whole window, wherever the focus is (a tab, the board): the pointer over a
        // tile says which tile the key is for, as a duty officer expects of a wall.
        javafx.event.EventHandler<javafx.scene.input.KeyEvent> keys = this::replayKey;
        sceneProperty().addListener((o, was, is) -> {
            if (was != null) {
                was.removeEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, keys);
            }
            if (is != null) {
                is.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, keys);
            }
        });
        // What the tiles find out about their cameras is the console's to know: the map shows it.
        wall.setOnHealth((id, since) -> {
            if (since == null) {
                state.camerasOffline().remove(id);
            } else {
                state.camerasOffline().put(id, since);
            }
        });
        this.evidence = evidence == null ? null : new TileEvidence(state, evidence, () -> alarmIncidentId);
        getStyleClass().add("wall-panel");
        tree = new CameraTree(state, this::showOnFreeTile);
        tours = new TourControls(state, wall, tree, this::alarmShowing);
        layouts.getItems().setAll(WallLayout.values());
        layouts.setConverter(Labels.of(l -> l == null ? "" : Messages.get("wall.layout", l.id())));
        layouts.setValue(layout);
        layouts.setId("wall-layout");
        layouts.valueProperty().addListener((o, a, l) -> {
            if (l != null && l != wall.wallLayout()) {
                dismissAlarm();
                beforeEnlarge = null;
                wall.setLayout(l);
                wireTiles();
                fillEmptyTiles();
                tours.relayout();
            }
        });
        VBox side = new VBox(8, new HBox(8, new Label(Messages.get("wall.layoutLabel")), layouts), tree);
        side.getStyleClass().add("wall-side");
        VBox.setVgrow(tree, Priority.ALWAYS);
        side.getChildren().add(tours);
        if (this.evidence != null) {
            side.getChildren().add(this.evidence.note());
        }
        runtime.problem().ifPresent(p -> {
            // Said once, here, not on every tile: the tiles still play, through FFmpeg.
            String install = Messages.get(vlcInstallKey());
            Label note = new Label(runtime.vlcMissing() ? Messages.get("wall.noVlc", install)
                    : Messages.get("wall.brokenVlc", p, install));
            note.setId("wall-no-vlc");
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            note.getStyleClass().add("wall-note");
            side.getChildren().add(note);
        });
        side.setPrefWidth(300);
        setLeft(side);
        VBox center = new VBox(wall, recordings.view());
        VBox.setVgrow(wall, Priority.ALWAYS);
        setCenter(center);
        Button dismiss = new Button(Messages.get("wall.alarm.dismiss"));
        dismiss.setId("alarm-dismiss");
        dismiss.setFocusTraversable(false);
        dismiss.setOnAction(e -> dismissAlarm());
        alarmText.setId("alarm-text");
        alarmBar = new HBox(16, alarmText, dismiss);
        alarmBar.getStyleClass().add("alarm-bar");
        alarmBar.setVisible(false);
        alarmBar.managedProperty().bind(alarmBar.visibleProperty());
        setTop(alarmBar);
        state.onAlert(a -> {
            if (a.kind() == ConsoleState.Alert.Kind.NEW_INCIDENT) {
                var incident = state.incidents().get(a.subjectId());
                if (incident != null) {
                    alarm(incident);
                }
            } else if (a.kind() == ConsoleState.Alert.Kind.DRONE_OUT) {
                CameraItem camera = state.cameras().get(a.subjectId());
                var incident = state.incidents().get(a.text());
                if (camera != null) {
                    showAlarm(List.of(camera), Messages.get("wall.droneOut", camera.name(),
                            incident == null ? a.text() : incident.address()), a.text());
                }
            } else if (a.kind() == ConsoleState.Alert.Kind.CAMERA_ALARM) {
                CameraItem camera = state.cameras().get(a.subjectId());
                if (camera != null) {
                    cameraAlarm(camera, a.text());
                }
            }
        });
        wireTiles();
        // The registry arrives camera by camera within one batch; the batch ends with its sequence.
        state.lastSequenceProperty().addListener((o, a, b) -> fillEmptyWallOnce());
        fillEmptyWallOnce();
    }

    /**
     * R replays the pointed tile's last seconds; while it replays, Space pauses and goes on, Esc or L
     * go back to live. Typing in a field (the camera search) is typing, not a key.
     */
    private void replayKey(javafx.scene.input.KeyEvent e) {
        VideoTile t = pointed;
        if (t == null || !wall.tiles().contains(t) || e.getTarget() instanceof javafx.scene.control.TextInputControl
                || e.isControlDown() || e.isAltDown() || e.isShortcutDown()) {
            return;
        }
        switch (e.getCode()) {
            case R -> {
                if (!t.replaying()) {
                    t.replayOrSay();
                    e.consume();
                }
            }
            case SPACE -> {
                if (t.replaying()) {
                    t.replayView().togglePause();
                    e.consume();
                }
            }
            case ESCAPE, L -> {
                if (t.replaying()) {
                    t.endReplay();
                    e.consume();
                }
            }
            default -> { }
        }
    }

    private static VideoTile tileOf(Object target) {
        javafx.scene.Node n = target instanceof javafx.scene.Node node ? node : null;
        while (n != null && !(n instanceof VideoTile)) {
            n = n.getParent();
        }
        return (VideoTile) n;
    }

    public WallView wall() {
        return wall;
    }

    /** Ends the tour and the alarm and releases every player; the panel shows nothing afterwards. */
    public void close() {
        closed = true;
        ptz.close();
        tours.stop();
        wall.close();
    }

    /**
     * Shows these cameras (an area drawn on the map): the smallest grid that holds them (up to 36),
     * them in order, nothing else. Ends a tour and an alarm first.
     */
    public void showCameras(List<String> ids) {
        tours.stop();
        dismissAlarm();
        if (beforeEnlarge != null) {
            toggleEnlarged(0);
        }
        WallLayout fit = java.util.stream.Stream.of(WallLayout.GRID_1, WallLayout.GRID_4, WallLayout.GRID_9,
                WallLayout.GRID_16, WallLayout.GRID_25, WallLayout.GRID_36).filter(l -> l.tiles() >= ids.size())
                .findFirst().orElse(WallLayout.GRID_36);
        if (fit != wall.wallLayout()) {
            layouts.setValue(fit); // the layout listener cuts the wall anew
        }
        List<VideoTile> tiles = wall.tiles();
        for (int i = 0; i < tiles.size(); i++) {
            CameraItem c = i < ids.size() ? state.cameras().get(ids.get(i)) : null;
            WallCamera want = c == null ? null : of(c);
            if (!sameCamera(tiles.get(i).camera(), want)) {
                wall.show(i, want);
            }
        }
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

    /**
     * A new incident: the cameras that look at it go to the first tiles (the alarm group), outlined,
     * until the operator dismisses them. It takes no focus. A second alarm replaces the first's
     * cameras; dismissing puts back what was there before the first.
     */
    void alarm(commandroom.app.model.IncidentItem incident) {
        if (closed) {
            return;
        }
        List<CameraItem> cameras = AlarmCameras.forPlace(incident.latitude(), incident.longitude(),
                state.cameras().values(), Math.min(ALARM_TILES, wall.tiles().size()));
        showAlarm(cameras, Messages.get("wall.alarm", Messages.get("type." + incident.type()), incident.address(),
                cameras.size()), incident.id());
    }

    /** Puts an alarm's cameras on the first tiles, outlined, and says why in the alarm bar. */
    private void showAlarm(List<CameraItem> all, String why, String incidentId) {
        if (beforeEnlarge != null) {
            toggleEnlarged(0);
        }
        List<VideoTile> tiles = wall.tiles();
        List<CameraItem> cameras = all.subList(0, Math.min(all.size(), Math.min(ALARM_TILES, tiles.size())));
        if (cameras.isEmpty()) {
            return;
        }
        List<WallCamera> before = beforeAlarm != null ? beforeAlarm
                : tiles.stream().limit(ALARM_TILES).map(VideoTile::camera).toList();
        tiles.forEach(t -> t.setAlarm(false));
        for (int i = 0; i < cameras.size(); i++) {
            WallCamera c = of(cameras.get(i));
            if (!sameCamera(tiles.get(i).camera(), c)) {
                wall.show(i, c);
            }
            tiles.get(i).setAlarm(true);
        }
        alarmText.setText(why);
        alarmBar.setVisible(true);
        wall.applyBudget();
        beforeAlarm = before;
        alarmIncidentId = incidentId;
    }

    /**
     * A camera's own alarm (a camera source's, not an incident): the camera on the first tile,
     * the cameras that see its place after it, as an incident's alarm is shown.
     */
    void cameraAlarm(CameraItem camera, String type) {
        if (closed) {
            return;
        }
        List<CameraItem> cameras = new java.util.ArrayList<>(List.of(camera));
        AlarmCameras.forPlace(camera.latitude(), camera.longitude(), state.cameras().values(), ALARM_TILES).stream()
                .filter(c -> !c.id().equals(camera.id())).forEach(cameras::add);
        showAlarm(cameras, Messages.get("wall.cameraAlarm", camera.name(), commandroom.app.ui.Labels.alarmType(type)), null);
    }

    /** Ends the alarm: its tiles get back the cameras they had before. */
    public void dismissAlarm() {
        if (beforeAlarm == null) {
            return;
        }
        List<VideoTile> tiles = wall.tiles();
        for (int i = 0; i < beforeAlarm.size() && i < tiles.size(); i++) {
            tiles.get(i).setAlarm(false);
            if (!sameCamera(tiles.get(i).camera(), beforeAlarm.get(i))) {
                wall.show(i, beforeAlarm.get(i));
            }
        }
        beforeAlarm = null;
        alarmIncidentId = null;
        alarmBar.setVisible(false);
        wall.applyBudget();
    }

    /** Whether an alarm's cameras are on the wall. */
    public boolean alarmShowing() {
        return beforeAlarm != null;
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
        return c.origin().viaHub() ? new WallCamera(c.id(), c.name(), "", "", true)
                : new WallCamera(c.id(), c.name(), c.subStreamUrl(), c.mainStreamUrl());
    }

    /**
     * The first time cameras are known, the wall shows the cameras saved with the workspace, and
     * fills what is left with the first ones in id order.
     */
    private void fillEmptyWallOnce() {
        if (filled || state.cameras().isEmpty()) {
            return;
        }
        filled = true;
        List<VideoTile> tiles = wall.tiles();
        for (int i = 0; i < savedCameras.size() && i < tiles.size(); i++) {
            CameraItem c = state.cameras().get(savedCameras.get(i));
            if (c != null) {
                wall.show(i, of(c));
            }
        }
        if (savedCameras.isEmpty()) {
            fillEmptyTiles();
        }
        tours.resume();
    }

    /** The wall's layout and cameras, to save with the workspace (an enlarged tile saves the wall before). */
    public Map<String, String> saveState() {
        WallLayout l = beforeEnlarge != null ? beforeEnlarge : wall.wallLayout();
        List<WallCamera> cameras = beforeAlarm != null || beforeEnlarge != null ? camerasToSave()
                : wall.tiles().stream().map(VideoTile::camera).toList();
        Map<String, String> out = new java.util.HashMap<>(Map.of("layout", l.id(), "cameras",
                cameras.stream().map(c -> c == null ? "" : c.id()).collect(Collectors.joining(","))));
        tours.save(out);
        return out;
    }

    private List<WallCamera> camerasToSave() {
        List<WallCamera> cameras = new java.util.ArrayList<>(
                beforeEnlarge != null ? camerasBeforeEnlarge : wall.tiles().stream().map(VideoTile::camera).toList());
        if (beforeAlarm != null) {
            for (int i = 0; i < beforeAlarm.size() && i < cameras.size(); i++) {
                cameras.set(i, beforeAlarm.get(i));
            }
        }
        return cameras;
    }

    /** Takes back a saved layout and cameras (before the registry arrives). */
    public void restoreState(Map<String, String> saved) {
        if (saved.containsKey("layout")) {
            layouts.setValue(WallLayout.of(saved.get("layout")));
        }
        String cameras = saved.getOrDefault("cameras", "");
        savedCameras = cameras.isEmpty() ? List.of() : List.of(cameras.split(",", -1));
        tours.restore(saved);
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
            if (evidence != null) {
                evidence.offer(t);
            }
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

    /** What to install on this platform, said in the user's language. */
    private static String vlcInstallKey() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return os.contains("win") ? "wall.installVlc.windows" : os.contains("mac") ? "wall.installVlc.mac"
                : "wall.installVlc.linux";
    }
}
