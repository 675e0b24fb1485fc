package commandroom.app.map.google;

import com.dlsc.gmapsfx.GoogleMapView;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.concurrent.Worker;
import javafx.util.Duration;
import netscape.javascript.JSObject;

/**
 * GMapsFX's map view on the console's own page (google-maps.html beside this class), which loads
 * the Maps JavaScript API the current way (GMapsFX's page uses Google's retired jsapi loader) from
 * a configurable address, and reports why it could not: the API unreachable (no internet, as on
 * a police network), the key refused, or no answer in time. FX thread.
 */
final class ConsoleGoogleMapView extends GoogleMapView {

    private static final Duration LOAD_TIMEOUT = Duration.seconds(15);

    /** Called from the page's script when the API cannot be used; public for the script. */
    public final class Bridge {
        public void failed(String why) {
            onFailure.accept(why);
        }
    }

    private final Consumer<String> onFailure;
    private final Bridge bridge = new Bridge();
    /**
     * GMapsFX hands the page a loader bridge it keeps no reference to, and WebView holds Java
     * objects given to a page only weakly: a garbage collection before the API has loaded left the
     * map never made (seen in CI). This one is held here and given to the page in its place.
     */
    private final MapLibraryLoadBridge loadBridge = new MapLibraryLoadBridge();
    private final PauseTransition timeout = new PauseTransition(LOAD_TIMEOUT);

    ConsoleGoogleMapView(GoogleMapsSettings settings, String language, Consumer<String> onFailure) {
        super(null, language, null, settings.key(), false);
        this.onFailure = onFailure;
        getWebview().getEngine().getLoadWorker().stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.SUCCEEDED) {
                JSObject window = (JSObject) getWebview().getEngine().executeScript("window");
                window.setMember("mapsApiBase", settings.apiBase());
                window.setMember("mapsLanguage", language);
                window.setMember("mapsRegion", "CN");
                window.setMember("consoleBridge", bridge);
                window.setMember("libLoadBridge", loadBridge);
            } else if (now == Worker.State.FAILED) {
                onFailure.accept("page");
            }
        });
        timeout.setOnFinished(e -> {
            if (!initialized) {
                onFailure.accept("timeout");
            }
        });
        timeout.play();
        addMapInitializedListener(timeout::stop);
    }

    @Override
    protected String getHtmlFile(boolean debug) {
        return "google-maps.html";
    }
}
