package commandroom.app.testing;

import commandroom.app.connection.HubAddress;
import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.map.tiles.TileSource;
import commandroom.app.ui.Theme;
import commandroom.app.workspace.Workstation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Opens a real workstation for a demo user in the headless toolkit, as the launcher would. */
public final class Consoles {

    private Consoles() {}

    /** Logs in at host:port as the user and shows the console; its windows are in stages(). */
    public static Workstation open(int port, Path certificate, String user) throws Exception {
        return open(port, certificate, user, Files.createTempDirectory("layouts"));
    }

    /** As {@link #open(int, Path, String)}, keeping the user's layouts in a given folder (to log in again). */
    public static Workstation open(int port, Path certificate, String user, Path layouts) throws Exception {
        return open(port, certificate, user, layouts, w -> { });
    }

    /** As {@link #open(int, Path, String, Path)}, the maps drawing a base map (null: none). */
    public static Workstation open(int port, Path certificate, String user, Path layouts, TileSource baseMap)
            throws Exception {
        return open(port, certificate, user, layouts, w -> {
            if (baseMap != null) {
                w.useBaseMap(baseMap);
            }
        });
    }

    /** As {@link #open(int, Path, String, Path)}, set up as the launcher's options would before it shows. */
    public static Workstation open(int port, Path certificate, String user, Path layouts,
                                   java.util.function.Consumer<Workstation> options) throws Exception {
        return open(List.of(new HubAddress("127.0.0.1", port)), certificate, user, layouts, options);
    }

    /** As {@link #open(int, Path, String)}, given every replica of the hub. */
    public static Workstation open(List<HubAddress> replicas, Path certificate, String user) throws Exception {
        return open(replicas, certificate, user, Files.createTempDirectory("layouts"), w -> { });
    }

    private static Workstation open(List<HubAddress> replicas, Path certificate, String user, Path layouts,
                                    java.util.function.Consumer<Workstation> options) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme::install);
        return show(HubSession.open(replicas, certificate, user, EmbeddedDefault.demoPassword()), layouts, options);
    }

    /**
     * Shows the console of a session opened by the test itself (for instance with a small limit
     * on the messages it accepts).
     */
    public static Workstation show(HubSession session) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme::install);
        return show(session, Files.createTempDirectory("layouts"), w -> { });
    }

    private static Workstation show(HubSession session, Path layouts, java.util.function.Consumer<Workstation> options)
            throws Exception {
        Workstation[] w = new Workstation[1];
        FxToolkit.setupFixture(() -> {
            w[0] = new Workstation(session, Clock.systemDefaultZone(), layouts);
            options.accept(w[0]);
            w[0].show(new Stage());
        });
        return w[0];
    }

    /**
     * Logs in as a duty officer and sizes the console's window, which opens on the camera wall;
     * answers the console (its wall: {@link #wallOf}).
     */
    public static Workstation openWall(FxRobot robot, int port, Path certificate, Path layouts, double width,
                                       double height) throws Exception {
        Workstation w = open(port, certificate, "duty1", layouts);
        Stage stage = w.stages().get(0);
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        return w;
    }

    /** The camera wall panel in a console's first window. */
    public static commandroom.app.wall.WallPanel wallOf(FxRobot robot, Workstation w) {
        return robot.from(w.stages().get(0).getScene().getRoot()).lookup(".wall-panel").query();
    }

    /** Closes the console on the FX thread (saves its layout, logs out). */
    public static void close(Workstation w) throws Exception {
        if (w != null) {
            FxToolkit.setupFixture(w::close);
        }
    }
}
