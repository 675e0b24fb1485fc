package commandroom.app.wall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;

/**
 * A camera wall on one screen: its tiles in a layout, one animation timer that pushes the tiles'
 * new pictures to the scene once a pulse (fewer when the workstation's {@link WallBudget} says the
 * FX thread falls behind), and a health tick that reads every tile's counters.
 * Style class: camera-wall. FX thread.
 */
public final class WallView extends GridPane {

    private final VideoRuntime runtime;
    private final List<VideoTile> tiles = new ArrayList<>();
    private volatile List<VideoTile> ticked = List.of();
    private WallLayout layout;
    private java.util.function.BiConsumer<String, java.time.Instant> onHealth = (id, since) -> { };
    /** This wall's share of the runtime's health thread, ended when the wall closes. */
    private final AutoCloseable healthTick;
    private final AnimationTimer painter = new AnimationTimer() {
        private long pulse;

        @Override
        public void handle(long now) {
            pulse++;
            for (VideoTile t : tiles) {
                t.paint(pulse);
            }
        }
    };

    private CameraAddresses addresses = CameraAddresses.NONE;
    private java.util.function.Consumer<VideoTile> onShown = t -> { };

    public WallView(VideoRuntime runtime, WallLayout layout) {
        this.runtime = runtime;
        getStyleClass().add("camera-wall");
        setLayout(layout);
        healthTick = runtime.everyHealthTick(() -> {
            long nanos = System.nanoTime();
            Instant now = Instant.now();
            for (VideoTile t : ticked) {
                t.healthTick(nanos, now);
            }
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                painter.stop();
                runtime.budget().leave(this);
            } else {
                painter.start();
                runtime.budget().join(this);
            }
        });
    }

    /**
     * Tells someone each camera's state as its tile shows it: offline since when, or null when live
     * (the map greys out the cameras the wall found dark).
     */
    public void setOnHealth(java.util.function.BiConsumer<String, java.time.Instant> onHealth) {
        this.onHealth = onHealth;
        tiles.forEach(t -> t.setOnHealth(onHealth));
    }

    /** Told whenever a tile shows another camera, or none. */
    public void setOnShown(java.util.function.Consumer<VideoTile> onShown) {
        this.onShown = onShown;
        tiles.forEach(t -> t.setOnShown(onShown));
    }

    /** Where tiles ask the hub for the addresses of cameras a camera source keeps. */
    public void setAddresses(CameraAddresses addresses) {
        this.addresses = addresses;
        tiles.forEach(t -> t.setAddresses(addresses));
    }

    /** Cuts the wall anew; tiles keep their cameras in order, those beyond the new count are released. */
    public void setLayout(WallLayout l) {
        for (int i = l.tiles(); i < tiles.size(); i++) {
            tiles.get(i).release();
        }
        List<VideoTile> kept = new ArrayList<>(tiles.subList(0, Math.min(tiles.size(), l.tiles())));
        while (kept.size() < l.tiles()) {
            VideoTile t = new VideoTile(runtime);
            t.setOnHealth(onHealth);
            t.setAddresses(addresses);
            t.setOnShown(onShown);
            kept.add(t);
        }
        layout = l;
        tiles.clear();
        tiles.addAll(kept);
        ticked = List.copyOf(kept);
        applyBudget();
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        for (int i = 0; i < l.grid(); i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / l.grid());
            getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(100.0 / l.grid());
            getRowConstraints().add(r);
        }
        List<WallLayout.Cell> cells = l.cells();
        for (int i = 0; i < cells.size(); i++) {
            WallLayout.Cell cell = cells.get(i);
            VideoTile t = tiles.get(i);
            t.setId("tile-" + i);
            add(t, cell.column(), cell.row(), cell.span(), cell.span());
        }
    }

    /** The alarm or the tiles changed: the workstation's budget hands out its steps again. */
    void applyBudget() {
        if (getScene() != null) {
            runtime.budget().apply();
        }
    }

    public WallLayout wallLayout() {
        return layout;
    }

    /** Puts a camera on a tile (null clears it). */
    public void show(int tile, WallCamera camera) {
        tiles.get(tile).show(camera);
    }

    public List<VideoTile> tiles() {
        return List.copyOf(tiles);
    }

    /** Releases every player; the wall shows nothing afterwards. */
    public void close() {
        painter.stop();
        runtime.budget().leave(this);
        ticked = List.of();
        try {
            healthTick.close();
        } catch (Exception cannot) {
            // Cancelling a scheduled task does not fail.
        }
        tiles.forEach(VideoTile::release);
    }
}
