package commandroom.app.workspace;

import commandroom.app.connection.CommandFailure;
import commandroom.app.connection.HubAddress;
import commandroom.app.connection.HubSession;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

/**
 * The log-in window for a hub elsewhere: address, certificate, user, password. Logging in runs off
 * the FX thread; a failure is shown in words and the window stays. FX thread only.
 */
public final class LoginView {

    private final Stage stage;
    private final Label error = new Label();

    /** Shows the window; on success calls onSession on the FX thread with the open session. */
    public LoginView(Stage stage, String server, Path certificate, String user, Consumer<HubSession> onSession) {
        this.stage = stage;
        TextField address = new TextField(server == null ? "127.0.0.1:50443" : server);
        address.setId("login-server");
        TextField cert = new TextField(certificate == null ? "" : certificate.toString());
        cert.setId("login-certificate");
        TextField name = new TextField(user == null ? "" : user);
        name.setId("login-user");
        PasswordField password = new PasswordField();
        password.setId("login-password");
        Button submit = new Button(Messages.get("login.submit"));
        submit.setId("login-submit");
        submit.setDefaultButton(true);
        error.setId("login-error");
        error.setWrapText(true);
        Label title = new Label(Messages.get("login.title"));
        title.getStyleClass().add("section-title");
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(12);
        form.setPadding(new Insets(28));
        form.add(title, 0, 0, 2, 1);
        form.addRow(1, new Label(Messages.get("login.server")), address);
        form.addRow(2, new Label(Messages.get("login.certificate")), cert);
        form.addRow(3, new Label(Messages.get("login.user")), name);
        form.addRow(4, new Label(Messages.get("login.password")), password);
        form.add(submit, 1, 5);
        form.add(error, 0, 6, 2, 1);
        submit.setOnAction(e -> {
            submit.setDisable(true);
            error.setText("");
            CompletableFuture.supplyAsync(() -> open(address.getText().trim(), Path.of(cert.getText().trim()),
                    name.getText().trim(), password.getText())).whenComplete((session, failure) -> Platform.runLater(() -> {
                        submit.setDisable(false);
                        if (failure != null) {
                            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                            error.setText(Messages.get("login.failed", cause instanceof CommandFailure
                                    ? Dialogs.describe(cause) : cause.getMessage()));
                        } else {
                            onSession.accept(session);
                        }
                    }));
        });
        stage.setTitle(Messages.get("login.title"));
        stage.setScene(commandroom.app.ui.Theme.style(new Scene(form, 720, 420)));
        stage.show();
        if (!name.getText().isEmpty()) {
            // Started with --user: what is left to type is the password.
            password.requestFocus();
        }
    }

    private static HubSession open(String server, Path cert, String user, String password) {
        List<HubAddress> replicas;
        try {
            replicas = HubAddress.parseList(server);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.get("login.incomplete"), e);
        }
        if (user.isEmpty() || !Files.isReadable(cert)) {
            throw new IllegalArgumentException(Messages.get("login.incomplete"));
        }
        return HubSession.open(replicas, cert, user, password);
    }

    public Stage stage() {
        return stage;
    }
}
