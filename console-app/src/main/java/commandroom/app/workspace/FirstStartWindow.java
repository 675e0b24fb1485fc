package commandroom.app.workspace;

import atlantafx.base.theme.Styles;
import commandroom.app.ui.Messages;
import commandroom.app.ui.Theme;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Says what the console is doing on its very first start, while the embedded hub writes the
 * station's two published years into its log (about a minute, once): without it a new user sees
 * nothing for that minute and thinks the console hangs. Any thread may call it.
 */
public final class FirstStartWindow {

    private final Stage stage;
    private final ProgressBar bar;

    private FirstStartWindow(Stage stage, ProgressBar bar) {
        this.stage = stage;
        this.bar = bar;
    }

    /** Shows the window; returns once it is on screen. The toolkit must be running. */
    public static FirstStartWindow show() {
        CompletableFuture<FirstStartWindow> shown = new CompletableFuture<>();
        // This window closes before the console's open: with implicit exit the toolkit would end
        // with it, and the console would never show. The launcher ends the toolkit itself.
        Platform.setImplicitExit(false);
        Platform.runLater(() -> {
            Label title = new Label(Messages.get("firststart.title"));
            title.getStyleClass().add(Styles.TITLE_3);
            Label what = new Label(Messages.get("firststart.what"));
            what.setWrapText(true);
            ProgressBar bar = new ProgressBar(0);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setId("first-start-progress");
            VBox box = new VBox(16, title, what, bar);
            box.setPadding(new Insets(28));
            box.setPrefWidth(560);
            box.getStyleClass().add("first-start");
            Stage stage = new Stage(StageStyle.UTILITY);
            stage.setTitle(Messages.get("app.title"));
            stage.setScene(Theme.style(new Scene(box)));
            stage.show();
            shown.complete(new FirstStartWindow(stage, bar));
        });
        return shown.join();
    }

    /** How far the history is written, 0..1. */
    public void progress(double done) {
        Platform.runLater(() -> bar.setProgress(done));
    }

    /** Closes the window (the console's own windows follow). */
    public void close() {
        Platform.runLater(stage::close);
    }
}
