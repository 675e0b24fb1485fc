package commandroom.app.ui;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.scene.Scene;

/** The dark theme: AtlantaFX Primer Dark plus console.css. FX thread. */
public final class Theme {

    private Theme() {}

    /** Sets the user-agent stylesheet for the whole application (once, before any scene shows). */
    public static void install() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    /** Adds the console's own sheet to a scene. */
    public static Scene style(Scene scene) {
        scene.getStylesheets().add(Theme.class.getResource("/commandroom/app/ui/console.css").toExternalForm());
        return scene;
    }
}
