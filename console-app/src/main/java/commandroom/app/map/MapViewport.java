package commandroom.app.map;

import commandroom.app.model.GeoPoint;
import java.util.List;

/**
 * What part of the world a map shows: a centre (WGS-84), a zoom (fractional, as Web Mercator's)
 * and the size of the view in pixels; and the conversions between the screen and the ground.
 * North is up. Immutable: each move answers a new viewport.
 */
public record MapViewport(double latitude, double longitude, double zoom, double width, double height) {

    public static final double MIN_ZOOM = 3;
    public static final double MAX_ZOOM = 19;

    public MapViewport {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        latitude = Math.max(-WebMercator.MAX_LATITUDE, Math.min(WebMercator.MAX_LATITUDE, latitude));
    }

    /**
     * The closest view of a window's size that shows all the points within a share of its width and
     * height (0.9: a margin of 5 % each side), centred on them; quarter zoom steps.
     */
    public static MapViewport fitting(List<GeoPoint> points, double width, double height,
                                      double share) {
        double minLat = points.stream().mapToDouble(GeoPoint::latitude).min().orElseThrow();
        double maxLat = points.stream().mapToDouble(GeoPoint::latitude).max().orElseThrow();
        double minLon = points.stream().mapToDouble(GeoPoint::longitude).min().orElseThrow();
        double maxLon = points.stream().mapToDouble(GeoPoint::longitude).max().orElseThrow();
        double zoom = MAX_ZOOM;
        while (zoom > MIN_ZOOM) {
            double w = WebMercator.x(maxLon, zoom) - WebMercator.x(minLon, zoom);
            double h = WebMercator.y(minLat, zoom) - WebMercator.y(maxLat, zoom);
            if (w <= width * share && h <= height * share) {
                break;
            }
            zoom -= 0.25;
        }
        return new MapViewport((minLat + maxLat) / 2, (minLon + maxLon) / 2, zoom, width, height);
    }

    /** The screen x of a longitude. */
    public double screenX(double lon) {
        return WebMercator.x(lon, zoom) - WebMercator.x(longitude, zoom) + width / 2;
    }

    /** The screen y of a latitude. */
    public double screenY(double lat) {
        return WebMercator.y(lat, zoom) - WebMercator.y(latitude, zoom) + height / 2;
    }

    /** The ground under a screen point: {latitude, longitude}. */
    public double[] ground(double x, double y) {
        double wx = WebMercator.x(longitude, zoom) + x - width / 2;
        double wy = WebMercator.y(latitude, zoom) + y - height / 2;
        return new double[] {WebMercator.latitude(wy, zoom), WebMercator.longitude(wx, zoom)};
    }

    /** Moved so that the picture follows a drag of (dx, dy) pixels. */
    public MapViewport pannedBy(double dx, double dy) {
        double[] c = ground(width / 2 - dx, height / 2 - dy);
        return new MapViewport(c[0], c[1], zoom, width, height);
    }

    /** Zoomed by steps (positive: closer) about a screen point, which stays over the same ground. */
    public MapViewport zoomedAt(double steps, double x, double y) {
        double[] anchor = ground(x, y);
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom + steps));
        MapViewport scaled = new MapViewport(latitude, longitude, z, width, height);
        // Move the centre so that the anchor is back under (x, y).
        double ax = scaled.screenX(anchor[1]);
        double ay = scaled.screenY(anchor[0]);
        return scaled.pannedBy(x - ax, y - ay);
    }

    /** Centred on a place, same zoom. */
    public MapViewport centredOn(double lat, double lon) {
        return new MapViewport(lat, lon, zoom, width, height);
    }

    /** The same view in a window of another size (the centre stays). */
    public MapViewport sized(double w, double h) {
        return new MapViewport(latitude, longitude, zoom, w, h);
    }

    /** Metres on the ground per pixel at the centre. */
    public double metresPerPixel() {
        return WebMercator.metresPerPixel(latitude, zoom);
    }
}
