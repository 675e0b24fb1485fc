package commandroom.app.map.google;

import com.dlsc.gmapsfx.javascript.object.GoogleMap;
import com.dlsc.gmapsfx.javascript.object.LatLong;
import com.dlsc.gmapsfx.javascript.object.MapOptions;
import com.dlsc.gmapsfx.javascript.object.MapTypeIdEnum;
import com.dlsc.gmapsfx.javascript.object.Marker;
import com.dlsc.gmapsfx.javascript.object.MarkerOptions;
import commandroom.geo.Gcj02;
import commandroom.app.map.MapViewModel;
import commandroom.app.map.MapViewport;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.UnitItem;
import commandroom.app.ui.Messages;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The incident map drawn by Google Maps (GMapsFX in a WebView), for a site that has internet and a
 * Google key: the same map model as the console's own map, with the units and the open incidents
 * as markers that follow the hub. Never the default: a police network has no internet, and there
 * this is an empty page, so without a key, or when the Maps API cannot be reached or refuses the
 * key, the pane says so in words instead of showing a white map. In mainland China Google draws
 * its map in GCJ-02, so the markers are moved there from WGS-84.
 *
 * <p>Style class google-map; ids google-map-problem. FX thread.
 */
public final class GoogleMapPane extends StackPane {

    private final MapViewModel model;
    private final Label problem = new Label();
    private final Map<String, Marker> units = new HashMap<>();
    private final Map<String, Marker> incidents = new HashMap<>();
    private ConsoleGoogleMapView view;
    private GoogleMap map;

    public GoogleMapPane(MapViewModel model, GoogleMapsSettings settings) {
        this.model = model;
        getStyleClass().add("google-map");
        problem.setId("google-map-problem");
        problem.getStyleClass().add("map-problem");
        problem.setWrapText(true);
        problem.setVisible(false);
        if (!settings.hasKey()) {
            say("noKey");
            getChildren().add(problem);
            return;
        }
        view = new ConsoleGoogleMapView(settings, Messages.bundle().getLocale().toLanguageTag(), this::failed);
        view.addMapInitializedListener(this::mapReady);
        getChildren().addAll(view, problem);
    }

    private void failed(String why) {
        if (map == null || "key".equals(why)) {
            say(why);
            if (view != null) {
                view.setVisible(false);
            }
        }
    }

    private void say(String why) {
        problem.setText(Messages.get("map.google." + why));
        problem.setVisible(true);
    }

    private void mapReady() {
        // A map that came late (after "no answer in time") is still the map.
        problem.setVisible(false);
        view.setVisible(true);
        MapViewport v = model.viewportProperty().get();
        MapOptions options = new MapOptions().center(place(v.latitude(), v.longitude())).zoom((int) Math.round(v.zoom()))
                .mapType(MapTypeIdEnum.ROADMAP).streetViewControl(false).mapTypeControl(false).fullscreenControl(false);
        map = view.createMap(options);
        var state = model.state();
        state.units().values().forEach(this::showUnit);
        state.incidents().values().forEach(this::showIncident);
        state.units().addListener((MapChangeListener<String, UnitItem>) c -> {
            if (c.wasAdded()) {
                showUnit(c.getValueAdded());
            } else {
                remove(units, c.getKey());
            }
        });
        state.incidents().addListener((MapChangeListener<String, IncidentItem>) c -> {
            if (c.wasAdded()) {
                showIncident(c.getValueAdded());
            } else {
                remove(incidents, c.getKey());
            }
        });
    }

    private void showUnit(UnitItem u) {
        LatLong at = place(u.latitude(), u.longitude());
        Marker m = units.get(u.id());
        if (m == null) {
            m = new Marker(new MarkerOptions().position(at).title(u.name()));
            units.put(u.id(), m);
            map.addMarker(m);
        } else {
            m.setPosition(at);
        }
    }

    private void showIncident(IncidentItem i) {
        if (!MapViewModel.isOpen(i)) {
            remove(incidents, i.id());
            return;
        }
        if (!incidents.containsKey(i.id())) {
            Marker m = new Marker(new MarkerOptions().position(place(i.latitude(), i.longitude()))
                    .title(Messages.get("type." + i.type()) + " · " + i.address()).label("!"));
            incidents.put(i.id(), m);
            map.addMarker(m);
        }
    }

    private void remove(Map<String, Marker> markers, String id) {
        Marker m = markers.remove(id);
        if (m != null && map != null) {
            map.removeMarker(m);
        }
    }

    /** A WGS-84 position where Google's map has it: GCJ-02 in mainland China. */
    private static LatLong place(double lat, double lon) {
        if (Gcj02.inChina(lat, lon)) {
            double[] g = Gcj02.fromWgs84(lat, lon);
            return new LatLong(g[0], g[1]);
        }
        return new LatLong(lat, lon);
    }

    /** Markers shown for units and incidents (for the console's status and tests). */
    public int markerCount() {
        return units.size() + incidents.size();
    }

    public MapViewModel model() {
        return model;
    }
}
