package commandroom.app.map;

import commandroom.app.model.GeoPoint;
import commandroom.app.model.RoadItem;
import java.util.Collection;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;

/**
 * A zone's outline edited on the map: the county's roads and the other zones drawn as on the
 * incident map, the outline being edited over them with a handle on each corner and a smaller one
 * in the middle of each edge. Drag a corner to move it, drag an edge's middle to add a corner there,
 * right-click a corner to remove it; drag elsewhere to pan, wheel to zoom. A corner dropped near one
 * the outline had or a neighbour's takes its exact place, so shared boundaries meet without a
 * sliver. Edges that cross are
 * drawn in the urgent colour. Style class incident-map (the map's colours); id outline-canvas.
 * FX thread only.
 */
public final class OutlineEditorView extends MapStyle {

    /** How near (pixels) a press must be to a handle to take it: a finger's width on a mouse. */
    private static final double GRAB = 12;
    /** How near (pixels) a dragged corner must come to a snapping point to take its exact place. */
    private static final double SNAP = 8;

    private final OutlineEdit edit;
    private final List<Neighbour> others;
    private final Collection<RoadItem> roads;
    private final Runnable onChange;
    /** The outline's corners as they were and the neighbours' corners: boundaries meet exactly. */
    private final List<GeoPoint> snapTo;
    private final Canvas canvas = new Canvas();
    private MapViewport viewport;
    private int dragging = -1;
    private double lastX;
    private double lastY;

    /** Another zone, drawn dashed with its name for reference. */
    public record Neighbour(String name, List<GeoPoint> outline) {}

    /**
     * @param others the other zones, drawn for reference
     * @param onChange told after every change to the outline
     */
    public OutlineEditorView(OutlineEdit edit, List<Neighbour> others, Collection<RoadItem> roads,
                             Runnable onChange) {
        this.edit = edit;
        this.others = others;
        this.roads = roads;
        this.onChange = onChange;
        this.snapTo = java.util.stream.Stream.concat(edit.corners().stream(), others.stream().flatMap(o -> o.outline().stream()))
                .toList();
        getStyleClass().add("incident-map");
        canvas.setId("outline-canvas");
        getChildren().add(canvas);
        canvas.setOnMousePressed(e -> {
            lastX = e.getX();
            lastY = e.getY();
            dragging = -1;
            int corner = edit.cornerNear(viewport, e.getX(), e.getY(), GRAB);
            if (e.getButton() == MouseButton.SECONDARY) {
                if (corner >= 0 && edit.remove(corner)) {
                    changed();
                }
                return;
            }
            if (corner >= 0) {
                dragging = corner;
            } else {
                int edge = edit.edgeMiddleNear(viewport, e.getX(), e.getY(), GRAB);
                if (edge >= 0) {
                    dragging = edit.addOn(edge, edit.middle(edge));
                    changed();
                }
            }
        });
        canvas.setOnMouseDragged(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (dragging >= 0) {
                edit.move(dragging, snapped(e.getX(), e.getY()));
                changed();
            } else {
                viewport = viewport.pannedBy(e.getX() - lastX, e.getY() - lastY);
                draw();
            }
            lastX = e.getX();
            lastY = e.getY();
        });
        canvas.setOnMouseReleased(e -> dragging = -1);
        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                viewport = viewport.zoomedAt(Math.signum(e.getDeltaY()) * 0.5, e.getX(), e.getY());
                draw();
            }
        });
    }

    /** The ground under a screen point, or the snapping point within reach of it. */
    private GeoPoint snapped(double x, double y) {
        for (GeoPoint p : snapTo) {
            if (Math.hypot(viewport.screenX(p.longitude()) - x, viewport.screenY(p.latitude()) - y) <= SNAP) {
                return p;
            }
        }
        double[] g = viewport.ground(x, y);
        return new GeoPoint(g[0], g[1]);
    }

    /** Where a corner is on the screen (for a test's drag, or a hint placed beside it). */
    public double[] screenOf(int corner) {
        GeoPoint p = edit.corners().get(corner);
        return new double[] {viewport.screenX(p.longitude()), viewport.screenY(p.latitude())};
    }

    /** Where the middle of an edge is on the screen. */
    public double[] screenOfMiddle(int edge) {
        GeoPoint p = edit.middle(edge);
        return new double[] {viewport.screenX(p.longitude()), viewport.screenY(p.latitude())};
    }

    private void changed() {
        draw();
        onChange.run();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            // The outline fills two thirds of the view: room to pull a corner outwards.
            viewport = viewport == null ? MapViewport.fitting(edit.corners(), w, h, 0.66) : viewport.sized(w, h);
            draw();
        }
    }

    private void draw() {
        if (viewport == null) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setStroke(road());
        g.setLineWidth(1.5);
        for (RoadItem r : roads) {
            List<GeoPoint> line = r.line();
            for (int i = 1; i < line.size(); i++) {
                g.strokeLine(x(line.get(i - 1)), y(line.get(i - 1)), x(line.get(i)), y(line.get(i)));
            }
        }
        g.setStroke(zoneStroke());
        g.setLineWidth(1);
        g.setLineDashes(6, 6);
        for (Neighbour o : others) {
            ring(g, o.outline(), false);
        }
        g.setLineDashes(null);
        g.setFill(zoneLabel());
        g.setFont(font(18));
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        for (Neighbour o : others) {
            if (!o.outline().isEmpty()) {
                GeoPoint c = centre(o.outline());
                g.fillText(o.name(), x(c), y(c));
            }
        }
        List<GeoPoint> corners = edit.corners();
        g.setFill(zoneFill());
        g.setStroke(picked());
        g.setLineWidth(2.5);
        ring(g, corners, true);
        int[] crossing = edit.crossing();
        if (crossing != null) {
            g.setStroke(incidentUrgent());
            g.setLineWidth(4);
            for (int edge : crossing) {
                GeoPoint a = corners.get(edge - 1);
                GeoPoint b = corners.get(edge % corners.size());
                g.strokeLine(x(a), y(a), x(b), y(b));
            }
        }
        g.setLineWidth(2);
        for (int i = 0; i < corners.size(); i++) {
            GeoPoint m = edit.middle(i);
            g.setFill(zoneStroke());
            g.fillOval(x(m) - 4, y(m) - 4, 8, 8);
        }
        for (GeoPoint p : corners) {
            g.setFill(picked());
            g.fillRect(x(p) - 6, y(p) - 6, 12, 12);
            g.setStroke(Color.BLACK);
            g.strokeRect(x(p) - 6, y(p) - 6, 12, 12);
        }
    }

    private void ring(GraphicsContext g, List<GeoPoint> points, boolean fill) {
        if (points.size() < 2) {
            return;
        }
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = x(points.get(i));
            ys[i] = y(points.get(i));
        }
        if (fill) {
            g.fillPolygon(xs, ys, xs.length);
        }
        g.strokePolygon(xs, ys, xs.length);
    }

    /** The middle of a ring's bounding box: where its name goes. */
    private static GeoPoint centre(List<GeoPoint> ring) {
        double minLat = ring.stream().mapToDouble(GeoPoint::latitude).min().orElseThrow();
        double maxLat = ring.stream().mapToDouble(GeoPoint::latitude).max().orElseThrow();
        double minLon = ring.stream().mapToDouble(GeoPoint::longitude).min().orElseThrow();
        double maxLon = ring.stream().mapToDouble(GeoPoint::longitude).max().orElseThrow();
        return new GeoPoint((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    private double x(GeoPoint p) {
        return viewport.screenX(p.longitude());
    }

    private double y(GeoPoint p) {
        return viewport.screenY(p.latitude());
    }
}
