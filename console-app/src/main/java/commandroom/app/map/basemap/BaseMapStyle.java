package commandroom.app.map.basemap;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The demo base map's colours and sizes, read from basemap-style.properties beside this class so
 * that they live with the theme's other colours, not in code. Immutable.
 */
record BaseMapStyle(Properties values) {

    static BaseMapStyle load() {
        Properties p = new Properties();
        try (InputStream in = BaseMapStyle.class.getResourceAsStream("basemap-style.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BaseMapStyle(p);
    }

    Color colour(String key) {
        return Color.decode(require(key));
    }

    double number(String key) {
        return Double.parseDouble(require(key));
    }

    String text(String key) {
        return require(key);
    }

    /** Fill of a road class; an unknown class is drawn as a residential road. */
    Color road(String roadClass) {
        return colour(values.containsKey("road." + roadClass) ? "road." + roadClass : "road.residential");
    }

    /** Width of a road class in pixels at a zoom: halved with every second level out. */
    double width(String roadClass, int zoom) {
        String key = values.containsKey("width." + roadClass) ? "width." + roadClass : "width.residential";
        return Math.max(1, number(key) * Math.pow(2, (zoom - 15) * 0.5));
    }

    private String require(String key) {
        String v = values.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("basemap-style.properties has no " + key);
        }
        return v;
    }
}
