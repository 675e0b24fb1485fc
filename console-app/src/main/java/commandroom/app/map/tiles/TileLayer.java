package commandroom.app.map.tiles;

import commandroom.app.map.MapViewport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.util.Duration;

/**
 * The base map under the map's vector layers: draws the tiles that cover the view from a memory
 * cache and has the missing ones read and decoded on a loader thread, drawing meanwhile the
 * nearest level above that is in memory, enlarged, so zooming never shows holes. A tile that
 * scrolled out of view before its turn is not read. When the source fails (a server down, a file
 * gone) the layer says so in {@link #problemProperty()} and asks again after a pause; tiles
 * already in memory stay. paint, problemProperty and close: FX thread.
 */
public final class TileLayer implements AutoCloseable {

    private static final int MEMORY_TILES = 384;
    private static final int FALLBACK_LEVELS = 5;
    private static final long RETRY_AFTER_NANOS = 5_000_000_000L;
    /** A tile the source does not have: remembered so it is not asked for again. */
    private static final Image NONE = new javafx.scene.image.WritableImage(1, 1);

    private final TileSource source;
    private final Runnable onTile;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-tiles");
        t.setDaemon(true);
        return t;
    });
    private final Map<TileKey, Image> memory = new LinkedHashMap<>(MEMORY_TILES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TileKey, Image> eldest) {
            return size() > MEMORY_TILES;
        }
    };
    private final Set<TileKey> pending = ConcurrentHashMap.newKeySet();
    /** The tiles of the last frame; a queued read of any other is skipped. */
    private volatile Set<TileKey> wanted = Set.of();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private volatile long failedAt;
    private PauseTransition retry;

    /** A layer over a source; onTile is run on the FX thread when a tile arrives (to redraw). */
    public TileLayer(TileSource source, Runnable onTile) {
        this.source = source;
        this.onTile = onTile;
    }

    /**
     * Draws the tiles that cover the view, asking for those not in memory. Smooth: filtered when
     * enlarged or shrunk between levels; a moving view is drawn unfiltered (the software renderer
     * filters a screenful at a third of the frame rate) and smooth again once it stops.
     */
    public void paint(GraphicsContext g, MapViewport v, boolean smooth) {
        int level = TileGrid.level(v.zoom(), source.minZoom(), source.maxZoom());
        List<TileGrid.Placed> tiles = TileGrid.cover(v, level, source.gcj02());
        wanted = Set.copyOf(tiles.stream().map(TileGrid.Placed::key).toList());
        g.setImageSmoothing(smooth);
        for (TileGrid.Placed t : tiles) {
            // Whole pixels, each tile reaching the next one's edge, so no seams show between them.
            double x = Math.floor(t.x());
            double y = Math.floor(t.y());
            double w = Math.floor(t.x() + t.size()) - x;
            double h = Math.floor(t.y() + t.size()) - y;
            Image image = memory.get(t.key());
            if (image == null) {
                request(t.key());
                drawFromAbove(g, t.key(), x, y, w, h);
            } else if (image != NONE) {
                g.drawImage(image, x, y, w, h);
            }
        }
        g.setImageSmoothing(true);
    }

    private void drawFromAbove(GraphicsContext g, TileKey key, double x, double y, double w, double h) {
        TileKey above = key;
        for (int d = 1; d <= FALLBACK_LEVELS && above.z() > source.minZoom(); d++) {
            above = above.parent();
            Image image = memory.get(above);
            if (image != null && image != NONE) {
                double part = image.getWidth() / (1 << d);
                double sx = (key.x() - ((long) above.x() << d)) * part;
                double sy = (key.y() - ((long) above.y() << d)) * part;
                g.drawImage(image, sx, sy, part, part, x, y, w, h);
                return;
            }
        }
    }

    private void request(TileKey key) {
        if (System.nanoTime() - failedAt < RETRY_AFTER_NANOS && failedAt != 0) {
            return;
        }
        if (!pending.add(key)) {
            return;
        }
        loader.execute(() -> {
            try {
                if (!wanted.contains(key)) {
                    return;
                }
                byte[] bytes = source.read(key);
                Image image = bytes == null ? NONE : new Image(new ByteArrayInputStream(bytes));
                if (image.isError()) {
                    throw new IOException("tile " + key + " is not an image");
                }
                Platform.runLater(() -> {
                    memory.put(key, image);
                    problem.set(null);
                    onTile.run();
                });
            } catch (IOException | RuntimeException e) {
                failedAt = System.nanoTime();
                String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                Platform.runLater(() -> failed(why));
            } finally {
                pending.remove(key);
            }
        });
    }

    /** Says why, and has the map drawn again after the pause so the missing tiles are asked for again. */
    private void failed(String why) {
        problem.set(why);
        if (retry == null) {
            retry = new PauseTransition(Duration.millis(RETRY_AFTER_NANOS / 1e6 + 100));
            retry.setOnFinished(e -> onTile.run());
        }
        retry.playFromStart();
    }

    /** Why tiles cannot be read right now, or null while they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public TileSource source() {
        return source;
    }

    /** Stops reading tiles; the source stays open (it may serve other maps). */
    @Override
    public void close() {
        if (retry != null) {
            retry.stop();
        }
        loader.shutdownNow();
    }
}
