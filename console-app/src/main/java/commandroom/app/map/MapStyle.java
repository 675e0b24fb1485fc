package commandroom.app.map;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The map's colours as CSS properties of its region, so that they live in the stylesheet with the
 * rest of the theme (console.css, style class incident-map): -map-background, -map-zone-fill,
 * -map-zone-stroke, -map-zone-label, -map-road, -map-road-label, -map-label, -map-label-halo,
 * -map-camera, -map-camera-view, -map-camera-off, -map-unit-available, -map-unit-busy, -map-unit-off,
 * -map-incident-urgent, -map-incident-high, -map-incident-normal, -map-picked, the rings
 * -map-ring-1, -map-ring-3, -map-ring-5, the coverage gaps' shading -map-gap; and the labels' font, -map-font. The defaults here only matter without the stylesheet.
 */
public abstract class MapStyle extends Region {

    private static final StyleablePropertyFactory<MapStyle> CSS = new StyleablePropertyFactory<>(
            Region.getClassCssMetaData());

    private final StyleableProperty<Color> background = colour("background", "-map-background", Color.BLACK);
    private final StyleableProperty<Color> zoneFill = colour("zoneFill", "-map-zone-fill", Color.DIMGRAY);
    private final StyleableProperty<Color> zoneStroke = colour("zoneStroke", "-map-zone-stroke", Color.GRAY);
    private final StyleableProperty<Color> zoneLabel = colour("zoneLabel", "-map-zone-label", Color.GRAY);
    private final StyleableProperty<Color> label = colour("label", "-map-label", Color.WHITE);
    private final StyleableProperty<Color> road = colour("road", "-map-road", Color.DARKGRAY);
    private final StyleableProperty<Color> roadLabel = colour("roadLabel", "-map-road-label", Color.GRAY);
    private final StyleableProperty<Color> labelHalo = colour("labelHalo", "-map-label-halo", Color.BLACK);
    private final StyleableProperty<Color> camera = colour("camera", "-map-camera", Color.LIGHTBLUE);
    private final StyleableProperty<Color> cameraView = colour("cameraView", "-map-camera-view", Color.BLUE);
    private final StyleableProperty<Color> cameraOff = colour("cameraOff", "-map-camera-off", Color.DARKRED);
    private final StyleableProperty<Color> unitAvailable = colour("unitAvailable", "-map-unit-available",
            Color.GREEN);
    private final StyleableProperty<Color> unitBusy = colour("unitBusy", "-map-unit-busy", Color.ORANGE);
    private final StyleableProperty<Color> unitOff = colour("unitOff", "-map-unit-off", Color.GRAY);
    private final StyleableProperty<Color> incidentUrgent = colour("incidentUrgent", "-map-incident-urgent",
            Color.RED);
    private final StyleableProperty<Color> incidentHigh = colour("incidentHigh", "-map-incident-high",
            Color.ORANGE);
    private final StyleableProperty<Color> incidentNormal = colour("incidentNormal", "-map-incident-normal",
            Color.YELLOW);
    private final StyleableProperty<Color> picked = colour("picked", "-map-picked", Color.WHITE);
    private final StyleableProperty<Color> ring1 = colour("ring1", "-map-ring-1", Color.RED);
    private final StyleableProperty<Color> ring3 = colour("ring3", "-map-ring-3", Color.ORANGE);
    private final StyleableProperty<Color> ring5 = colour("ring5", "-map-ring-5", Color.YELLOW);
    private final StyleableProperty<Color> gap = colour("gap", "-map-gap", Color.rgb(255, 0, 0, 0.25));
    private final StyleableProperty<Font> labelFont = CSS.createStyleableFontProperty(this, "labelFont",
            "-map-font", s -> s.labelFont, Font.getDefault());

    private StyleableProperty<Color> colour(String name, String css, Color fallback) {
        return CSS.createStyleableColorProperty(this, name, css, s -> propertyOf(s, css), fallback);
    }

    /** The property behind a CSS name, for the factory's metadata (one lookup per style pass). */
    @SuppressWarnings("unchecked")
    private static StyleableProperty<Color> propertyOf(MapStyle s, String css) {
        return switch (css) {
            case "-map-background" -> s.background;
            case "-map-zone-fill" -> s.zoneFill;
            case "-map-zone-stroke" -> s.zoneStroke;
            case "-map-zone-label" -> s.zoneLabel;
            case "-map-label" -> s.label;
            case "-map-road" -> s.road;
            case "-map-road-label" -> s.roadLabel;
            case "-map-label-halo" -> s.labelHalo;
            case "-map-camera" -> s.camera;
            case "-map-camera-view" -> s.cameraView;
            case "-map-camera-off" -> s.cameraOff;
            case "-map-unit-available" -> s.unitAvailable;
            case "-map-unit-busy" -> s.unitBusy;
            case "-map-unit-off" -> s.unitOff;
            case "-map-incident-urgent" -> s.incidentUrgent;
            case "-map-incident-high" -> s.incidentHigh;
            case "-map-incident-normal" -> s.incidentNormal;
            case "-map-ring-1" -> s.ring1;
            case "-map-ring-3" -> s.ring3;
            case "-map-ring-5" -> s.ring5;
            case "-map-gap" -> s.gap;
            default -> s.picked;
        };
    }

    public static List<CssMetaData<? extends javafx.css.Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends javafx.css.Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    /** The labels' font (-map-font's family) at a size. */
    Font font(double size) {
        return Font.font(labelFont.getValue().getFamily(), FontWeight.NORMAL, size);
    }

    Color cameraOff() {
        return cameraOff.getValue();
    }

    Color gap() {
        return gap.getValue();
    }

    Color background() {
        return background.getValue();
    }

    Color zoneFill() {
        return zoneFill.getValue();
    }

    Color zoneStroke() {
        return zoneStroke.getValue();
    }

    Color zoneLabel() {
        return zoneLabel.getValue();
    }

    Color label() {
        return label.getValue();
    }

    Color road() {
        return road.getValue();
    }

    Color roadLabel() {
        return roadLabel.getValue();
    }

    Color labelHalo() {
        return labelHalo.getValue();
    }

    Color camera() {
        return camera.getValue();
    }

    Color cameraView() {
        return cameraView.getValue();
    }

    Color unitAvailable() {
        return unitAvailable.getValue();
    }

    Color unitBusy() {
        return unitBusy.getValue();
    }

    Color unitOff() {
        return unitOff.getValue();
    }

    Color incidentUrgent() {
        return incidentUrgent.getValue();
    }

    Color incidentHigh() {
        return incidentHigh.getValue();
    }

    Color incidentNormal() {
        return incidentNormal.getValue();
    }

    Color ring1() {
        return ring1.getValue();
    }

    Color ring3() {
        return ring3.getValue();
    }

    Color ring5() {
        return ring5.getValue();
    }

    Color picked() {
        return picked.getValue();
    }
}
