package commandroom.app.testing;

import commandroom.app.map.MapView;
import commandroom.app.map.MapViewport;
import commandroom.app.model.GeoPoint;
import commandroom.app.model.RoadItem;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.testfx.api.FxRobot;

/**
 * Reads what the map's canvas shows, as an eye would: how bright a road is against
 * the ground beside it. Call from the test thread.
 */
public final class MapPixels {

    private MapPixels() {}

    /**
     * Luminance (0–1) on a road (a third along its middle part) and on the ground a little beside it, in the map's
     * current view: {on, beside}.
     */
    public static double[] roadAgainstGround(FxRobot robot, MapView map, RoadItem road) {
        MapViewport v = map.model().viewportProperty().get();
        GeoPoint a = road.line().get(road.line().size() / 2 - 1);
        GeoPoint b = road.line().get(road.line().size() / 2);
        double ax = v.screenX(a.longitude());
        double ay = v.screenY(a.latitude());
        double bx = v.screenX(b.longitude());
        double by = v.screenY(b.latitude());
        // A third of the way along: road names sit in the middle.
        double mx = ax + (bx - ax) / 3;
        double my = ay + (by - ay) / 3;
        double len = Math.hypot(bx - ax, by - ay);
        // 30 px off the road, square to it.
        double ox = mx - (by - ay) / len * 30;
        double oy = my + (bx - ax) / len * 30;
        Canvas canvas = robot.from(map).lookup("#map-canvas").query();
        double[] out = new double[2];
        robot.interact(() -> {
            map.drawNow();
            WritableImage shot = canvas.snapshot(null, null);
            out[0] = brightness(shot, mx, my);
            out[1] = brightness(shot, ox, oy);
        });
        return out;
    }

    private static double brightness(WritableImage image, double x, double y) {
        Color c = image.getPixelReader().getColor((int) Math.round(x), (int) Math.round(y));
        // Luminance, as the eye weighs the channels (HSB brightness calls dark blue as bright as grey).
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
