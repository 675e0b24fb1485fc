package commandroom.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.connection.CommandClient;
import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.ConnectionState;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.TcpProxy;
import commandroom.app.testing.Waits;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The cable between console and hub is cut: the console says so at once (status bar and banner),
 * stays responsive, and when the cable is back it resumes from the last event it applied — what
 * happened meanwhile arrives, nothing twice.
 */
class ConnectionLossTest extends FxRobot {

    @Test
    void cutCableShowsBannerStaysResponsiveAndResumesWithoutGap() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("console-cut"), 0, 50, null, false);
             TcpProxy cable = new TcpProxy(hub.port());
             HubSession duty = HubSession.open("127.0.0.1", hub.port(), hub.certificate(), "duty1",
                     EmbeddedDefault.demoPassword())) {
            Workstation[] w = {Consoles.open(cable.port(), hub.certificate(), "leader1")};
            Stage[] stage = {w[0].stages().get(0)};
            interact(() -> {
                stage[0].setWidth(1600);
                stage[0].setHeight(900);
            });
            try {
                Waits.until("live", Duration.ofSeconds(20), () -> w[0].state().connectionProperty().get().isLive()
                        && w[0].state().lastSequenceProperty().get() > 0);
                Node banner = from(stage[0].getScene().getRoot()).lookup("#connection-banner").query();
                assertTrue(!banner.isVisible(), "no banner while connected");

                cable.cut();
                Waits.until("the banner", Duration.ofSeconds(10), banner::isVisible);
                assertEquals(ConnectionState.Status.RECONNECTING, w[0].state().connectionProperty().get().status());
                Label status = from(stage[0].getScene().getRoot()).lookup("#status-connection").query();
                assertTrue(status.getText().contains("重连"), status.getText());
                Screenshots.save(this, stage[0].getScene().getRoot(), "connection-lost");

                // While the console is cut off, the duty officer takes in two incidents.
                CommandClient other = new CommandClient(duty, Executors.newSingleThreadExecutor());
                for (String address : new String[] {"断线期间一号", "断线期间二号"}) {
                    other.report(new CommandClient.IncidentDraft("CALL_110", "HIGH", 30.545, 119.96, address,
                            "断线期间接报", "", "")).get();
                }
                long start = System.nanoTime();
                interact(() -> { });
                assertTrue(System.nanoTime() - start < 1_000_000_000L, "the FX thread answers while disconnected");
                Waits.until("the console retrying", Duration.ofSeconds(20), () -> cable.refused() >= 2);
                assertTrue(banner.isVisible(), "still showing the loss");

                cable.restore();
                Waits.until("reconnected, banner gone", Duration.ofSeconds(20), () -> !banner.isVisible()
                        && w[0].state().connectionProperty().get().isLive());
                Waits.until("the incidents taken in meanwhile", Duration.ofSeconds(20), () ->
                        w[0].state().incidents().values().stream().filter(i -> i.address().startsWith("断线期间")).count() == 2);
                long head = hub.lastSequence();
                Waits.until("caught up to the hub", Duration.ofSeconds(10),
                        () -> w[0].state().lastSequenceProperty().get() >= head);
            } finally {
                Consoles.close(w[0]);
            }
        }
    }
}
