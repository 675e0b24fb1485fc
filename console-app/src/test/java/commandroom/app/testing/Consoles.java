package commandroom.app.testing;

import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.ui.Theme;
import commandroom.app.workspace.Workstation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.stage.Stage;
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
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme::install);
        HubSession session = HubSession.open("127.0.0.1", port, certificate, user, EmbeddedDefault.demoPassword());
        Workstation[] w = new Workstation[1];
        FxToolkit.setupFixture(() -> {
            w[0] = new Workstation(session, Clock.systemDefaultZone(), layouts);
            w[0].show(new Stage());
        });
        return w[0];
    }

    /** Closes the console on the FX thread (saves its layout, logs out). */
    public static void close(Workstation w) throws Exception {
        if (w != null) {
            FxToolkit.setupFixture(w::close);
        }
    }
}
