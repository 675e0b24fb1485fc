package commandroom.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.connection.HubAddress;
import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.model.ConnectionState;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.ui.Messages;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A console that cannot load what the hub sends says so: its limit on inbound messages is made
 * smaller than the demo county's snapshot, against a real hub. The banner says in the user's
 * language what happened and whom to ask (not "reconnecting"), the console does not ask again in
 * a hot loop, and its log has one line for the failure and no stack trace.
 */
class SnapshotRefusedTest extends FxRobot {

    /** Smaller than the demo county's snapshot (about 18 KB), larger than a log-in's answer. */
    private static final int LIMIT = 4 * 1024;

    @Test
    void aSnapshotLargerThanTheConsoleAcceptsIsSaidInWordsWithoutFloodingTheLog() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String name = String.valueOf(r.getLoggerName());
                if (name.startsWith("commandroom.app") || name.startsWith("io.grpc") || name.startsWith("io.netty")) {
                    records.add(r);
                }
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("refused"), 0, 50, null, false)) {
            HubSession session = HubSession.open(List.of(new HubAddress("127.0.0.1", hub.port())), hub.certificate(),
                    "leader1", EmbeddedDefault.demoPassword(), LIMIT);
            Workstation w = Consoles.show(session);
            try {
                refusedWithoutFlood(w, records);
            } finally {
                Consoles.close(w);
            }
        } finally {
            root.removeHandler(capture);
        }
    }

    private void refusedWithoutFlood(Workstation w, List<LogRecord> records) throws Exception {
        Stage stage = w.stages().get(0);
        interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(900);
        });
        Waits.until("the refusal", Duration.ofSeconds(20), () ->
                w.state().connectionProperty().get().status() == ConnectionState.Status.REFUSED);

        ConnectionState c = w.state().connectionProperty().get();
        assertEquals(ConnectionState.Refusal.Kind.SNAPSHOT_TOO_LARGE, c.refusal().kind());
        assertEquals(LIMIT, c.refusal().limitBytes());
        assertTrue(c.refusal().sizeBytes() > LIMIT, c.toString());
        assertEquals(0, w.state().lastSequenceProperty().get(), "nothing applied");

        Node banner = from(stage.getScene().getRoot()).lookup("#connection-banner").query();
        Label text = from(stage.getScene().getRoot()).lookup("#connection-banner-text").query();
        Waits.until("the banner", Duration.ofSeconds(5), banner::isVisible);
        assertTrue(banner.getStyleClass().contains("banner-refused"), banner.getStyleClass().toString());
        assertTrue(text.getText().contains("指挥中心发来的全量数据") && text.getText().contains("超过本席位可接收的上限（4 KB）")
                && text.getText().contains("请联系系统管理员"), text.getText());
        assertTrue(!text.getText().contains("重连"), "not said to be reconnecting: " + text.getText());
        Label status = from(stage.getScene().getRoot()).lookup("#status-connection").query();
        assertEquals(Messages.get("status.refused"), status.getText());

        Messages.use(Locale.ENGLISH);
        try {
            String english = ConnectionBanner.refusalText(c);
            assertTrue(english.startsWith("The hub’s snapshot (") && english.contains("larger than this console accepts (4 KB)")
                    && english.contains("Ask the administrator"), english);
        } finally {
            Messages.use(Locale.SIMPLIFIED_CHINESE);
        }
        Screenshots.save(this, stage.getScene().getRoot(), "snapshot-refused");

        // No hot loop: the console waits before it asks again (transient failures are retried
        // within a quarter of a second, then every few seconds; a refusal every half minute and more).
        AtomicInteger sets = new AtomicInteger();
        InvalidationListener counter = o -> sets.incrementAndGet();
        interact(() -> w.state().connectionProperty().addListener(counter));
        Thread.sleep(6000);
        interact(() -> w.state().connectionProperty().removeListener(counter));
        assertEquals(0, sets.get(), "asked the hub again within six seconds of a refusal");

        long feedLines = records.stream().filter(r -> r.getLoggerName().startsWith("commandroom.app.connection")).count();
        assertEquals(1, feedLines, records.stream().map(LogRecord::getMessage).toList().toString());
        assertTrue(records.stream().noneMatch(r -> r.getThrown() != null), "no stack trace in the log");
        assertEquals(ConnectionState.Status.REFUSED, w.state().connectionProperty().get().status());
    }
}
