package commandroom.app.map.basemap;

import commandroom.app.map.WebMercator;
import commandroom.app.map.tiles.TileKey;
import commandroom.app.model.GeoPoint;
import commandroom.app.model.RoadItem;
import commandroom.app.model.ZoneItem;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a county's base map from its zones and roads, tile by tile, with Java2D (no display needed): the county's land
 * (its zones' union) on the dark outside, the police zones' borders, the roads by class with a casing so crossings merge, and
 * road names along the roads, placed once per zoom level in world pixels so a name crossing a tile
 * edge is drawn whole by both tiles and names never cover each other. Zones' names and staffing
 * are not drawn here: the map draws them live over the base map. Not thread-safe.
 */
final class BaseMapRenderer {

    /** Land reaches this far (degrees) past the county so its edge is not the tiles' edge. */
    private static final double MARGIN_DEG = 0.01;
    private static final String[] CLASSES_BOTTOM_UP = {"path", "residential", "secondary", "primary"};

    private final List<ZoneItem> zones;
    private final List<RoadItem> roads;
    private final BaseMapStyle style;
    private final Font font;
    private final Map<Integer, List<Name>> names = new HashMap<>();

    /** A road name placed at a zoom: centre and angle in world pixels. */
    private record Name(String text, double x, double y, double angle, double width, double reach) {}

    BaseMapRenderer(List<ZoneItem> zones, List<RoadItem> roads, BaseMapStyle style) {
        this.zones = List.copyOf(zones);
        this.roads = List.copyOf(roads);
        this.style = style;
        Font wanted = new Font(style.text("font"), Font.PLAIN, (int) style.number("label.size"));
        // Without the CJK font installed the names would be boxes; the logical font maps to what is.
        this.font = wanted.canDisplay('路') ? wanted
                : new Font(Font.SANS_SERIF, Font.PLAIN, (int) style.number("label.size"));
    }

    /** The tiles at a zoom that cover the county and its margin. */
    List<TileKey> tiles(int z) {
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;
        for (ZoneItem zone : zones) {
            for (GeoPoint p : zone.polygon()) {
                minLat = Math.min(minLat, p.latitude());
                maxLat = Math.max(maxLat, p.latitude());
                minLon = Math.min(minLon, p.longitude());
                maxLon = Math.max(maxLon, p.longitude());
            }
        }
        int x0 = (int) (WebMercator.x(minLon - MARGIN_DEG, z) / WebMercator.TILE);
        int x1 = (int) (WebMercator.x(maxLon + MARGIN_DEG, z) / WebMercator.TILE);
        int y0 = (int) (WebMercator.y(maxLat + MARGIN_DEG, z) / WebMercator.TILE);
        int y1 = (int) (WebMercator.y(minLat - MARGIN_DEG, z) / WebMercator.TILE);
        List<TileKey> out = new ArrayList<>();
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                out.add(new TileKey(z, x, y));
            }
        }
        return out;
    }

    /** One tile as PNG. */
    byte[] render(TileKey key) throws IOException {
        BufferedImage image = new BufferedImage(WebMercator.TILE, WebMercator.TILE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(style.colour("outside"));
            g.fillRect(0, 0, WebMercator.TILE, WebMercator.TILE);
            g.translate(-(double) key.x() * WebMercator.TILE, -(double) key.y() * WebMercator.TILE);
            land(g, key.z());
            borders(g, key.z());
            roads(g, key.z());
            names(g, key);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private void land(Graphics2D g, int z) {
        g.setColor(style.colour("land"));
        // A hairline of land around each zone closes the antialiased seams between neighbours.
        g.setStroke(new BasicStroke(1.2f));
        for (ZoneItem zone : zones) {
            Path2D ring = line(zone.polygon(), z);
            ring.closePath();
            g.fill(ring);
            g.draw(ring);
        }
    }

    /** Police zones' borders, faint and dashed in world pixels so the dashes run on across tiles. */
    private void borders(Graphics2D g, int z) {
        g.setColor(style.colour("border"));
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4, new float[] {8, 6}, 0));
        for (ZoneItem zone : zones) {
            Path2D ring = line(zone.polygon(), z);
            ring.closePath();
            g.draw(ring);
        }
    }

    private void roads(Graphics2D g, int z) {
        for (boolean casing : new boolean[] {true, false}) {
            for (String roadClass : CLASSES_BOTTOM_UP) {
                if (casing && roadClass.equals("path")) {
                    continue;
                }
                float w = (float) style.width(roadClass, z);
                g.setStroke(new BasicStroke(casing ? w + 2.5f : w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(casing ? style.colour("road.casing") : style.road(roadClass));
                for (RoadItem r : roads) {
                    if (classOf(r).equals(roadClass)) {
                        g.draw(line(r.line(), z));
                    }
                }
            }
        }
    }

    private void names(Graphics2D g, TileKey key) {
        double left = (double) key.x() * WebMercator.TILE;
        double top = (double) key.y() * WebMercator.TILE;
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (Name n : names.computeIfAbsent(key.z(), z -> place(z, fm))) {
            if (n.x() + n.reach() < left || n.x() - n.reach() > left + WebMercator.TILE
                    || n.y() + n.reach() < top || n.y() - n.reach() > top + WebMercator.TILE) {
                continue;
            }
            AffineTransform saved = g.getTransform();
            g.translate(n.x(), n.y());
            g.rotate(n.angle());
            float tx = (float) (-n.width() / 2);
            float ty = (fm.getAscent() - fm.getDescent()) / 2f;
            g.setColor(style.colour("label.halo"));
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    g.drawString(n.text(), tx + dx, ty + dy);
                }
            }
            g.setColor(style.colour("label"));
            g.drawString(n.text(), tx, ty);
            g.setTransform(saved);
        }
    }

    /** Where the road names go at a zoom: on each road's longest straight part that holds its name. */
    private List<Name> place(int z, FontMetrics fm) {
        List<Name> out = new ArrayList<>();
        List<Rectangle2D> taken = new ArrayList<>();
        for (int c = CLASSES_BOTTOM_UP.length - 1; c >= 0; c--) {
            String roadClass = CLASSES_BOTTOM_UP[c];
            if (!named(roadClass, z)) {
                continue;
            }
            for (RoadItem r : roads) {
                if (!classOf(r).equals(roadClass) || r.name().isBlank() || r.line().size() < 2) {
                    continue;
                }
                double width = fm.stringWidth(r.name());
                double best = 0;
                double[] at = null;
                for (int i = 1; i < r.line().size(); i++) {
                    double ax = WebMercator.x(r.line().get(i - 1).longitude(), z);
                    double ay = WebMercator.y(r.line().get(i - 1).latitude(), z);
                    double bx = WebMercator.x(r.line().get(i).longitude(), z);
                    double by = WebMercator.y(r.line().get(i).latitude(), z);
                    double len = Math.hypot(bx - ax, by - ay);
                    if (len > best) {
                        best = len;
                        at = new double[] {(ax + bx) / 2, (ay + by) / 2, Math.atan2(by - ay, bx - ax)};
                    }
                }
                if (at == null || best < width + 24) {
                    continue;
                }
                double angle = at[2];
                // Upright: text never reads upside down.
                if (angle > Math.PI / 2) {
                    angle -= Math.PI;
                } else if (angle < -Math.PI / 2) {
                    angle += Math.PI;
                }
                double reach = width / 2 + fm.getHeight();
                Rectangle2D box = new Rectangle2D.Double(at[0] - width / 2 * Math.abs(Math.cos(angle)) - 4,
                        at[1] - width / 2 * Math.abs(Math.sin(angle)) - fm.getHeight() / 2.0,
                        width * Math.abs(Math.cos(angle)) + 8, width * Math.abs(Math.sin(angle)) + fm.getHeight());
                if (taken.stream().noneMatch(box::intersects)) {
                    taken.add(box);
                    out.add(new Name(r.name(), at[0], at[1], angle, width, reach));
                }
            }
        }
        return out;
    }

    /** Names of main roads from zoom 13, of streets from 14, of paths from 16. */
    private static boolean named(String roadClass, int z) {
        return switch (roadClass) {
            case "primary", "secondary" -> z >= 13;
            case "path" -> z >= 16;
            default -> z >= 14;
        };
    }

    private static String classOf(RoadItem r) {
        return r.roadClass().isBlank() ? "residential" : r.roadClass();
    }

    private static Path2D line(List<GeoPoint> points, int z) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < points.size(); i++) {
            double x = WebMercator.x(points.get(i).longitude(), z);
            double y = WebMercator.y(points.get(i).latitude(), z);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        return p;
    }
}
