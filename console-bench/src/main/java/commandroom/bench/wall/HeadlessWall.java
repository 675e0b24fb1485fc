package commandroom.bench.wall;

import commandroom.app.ui.Theme;
import commandroom.app.wall.VideoRuntime;
import commandroom.app.wall.WallCamera;
import commandroom.app.wall.WallLayout;
import commandroom.app.wall.WallView;
import commandroom.bench.board.HeadlessFx;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console's camera wall alone in a 1920x1080 window of the headless toolkit (Monocle, software
 * pipeline), as the wall harnesses open it, and the bench cameras they put on it. Call from any
 * thread but the FX thread.
 */
final class HeadlessWall {

    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;

    private HeadlessWall() {}

    /** Starts the toolkit headless (once per JVM) with the console's theme. */
    static void startToolkit() throws InterruptedException {
        HeadlessFx.start();
        HeadlessFx.run(Theme::install);
    }

    /** A wall of the layout, shown in its own 1920x1080 window. */
    static WallView open(VideoRuntime runtime, WallLayout layout) {
        return HeadlessFx.call(() -> {
            WallView w = new WallView(runtime, layout);
            Stage stage = new Stage();
            stage.setScene(Theme.style(new Scene(w, WIDTH, HEIGHT)));
            stage.show();
            return w;
        });
    }

    /** Releases the wall's players and closes its window. */
    static void close(WallView wall) {
        HeadlessFx.run(() -> {
            wall.close();
            ((Stage) wall.getScene().getWindow()).close();
        });
    }

    /** The bench's camera k, playing one stream as both sub- and main stream. */
    static WallCamera camera(int k, String url) {
        return new WallCamera("c-" + k, "基准 " + k, url, url);
    }

    /** The smallest even grid that holds this many tiles (1, 4, 9, 16, 25, 36). */
    static WallLayout gridFor(int tiles) {
        for (WallLayout l : WallLayout.values()) {
            if (l.id().equals(String.valueOf(l.grid() * l.grid())) && l.tiles() >= tiles) {
                return l;
            }
        }
        throw new IllegalArgumentException("no grid holds " + tiles + " tiles");
    }
}
