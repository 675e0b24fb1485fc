package commandroom.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.testing.Waits;
import commandroom.app.ui.Theme;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Logging in to a hub by address: a wrong password is said in words; the right one opens the session. */
class LoginViewTest extends FxRobot {

    @Test
    void wrongPasswordIsExplainedAndTheRightOneLogsIn() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("login"), 0, 1, null, false)) {
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupFixture(Theme::install);
            AtomicReference<HubSession> session = new AtomicReference<>();
            FxToolkit.setupFixture(() -> new LoginView(new Stage(), "127.0.0.1:" + hub.port(), hub.certificate(), "",
                    session::set));
            clickOn("#login-user").write("chief1");
            clickOn("#login-password").write("not-the-password");
            clickOn("#login-submit");
            Label error = lookup("#login-error").query();
            Waits.until("the refusal in words", Duration.ofSeconds(15), () -> !error.getText().isEmpty());
            assertTrue(error.getText().contains("登录失败"), error.getText());
            assertEquals(null, session.get());

            doubleClickOn("#login-password").eraseText(20).write(EmbeddedDefault.demoPassword());
            clickOn("#login-submit");
            Waits.until("logged in", Duration.ofSeconds(15), () -> session.get() != null);
            assertEquals("chief1", session.get().user().username());
            session.get().close();
        }
    }
}
