package commandroom.app.map;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.CameraItem;
import commandroom.app.model.GeoPoint;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.RoadItem;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.map.tiles.TileLayer;
import commandroom.app.travel.CoverageGaps;
import commandroom.app.travel.TravelModel;
import commandroom.app.travel.TravelRings;
import commandroom.app.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws the map's vector layers on a canvas: zones with their names and units on duty, coverage gaps on demand,
 * roads by class with their names, the picked incident's 1-3-5 minute rings along the roads, cameras with their view
 * wedges (crossed out when the console's wall found them dark), units with status colour, heading and a short trail, open incidents by priority with their age (the
 * picked one ringed), and a scale bar. Labels never pile up: one that would cover another is left
 * out. Colours come from the map's stylesheet ({@link MapStyle}). FX thread.
 */
final class MapPainter {

    /** Above this many cameras in sight, only their markers are drawn, not their views. */
    static final int MAX_VIEWS = 400;
    /** Above this many units in sight, their trails are left out (the heading still shows). */
    static final int MAX_TRAILS = 200;

    private final MapStyle style;
    private final List<Bounds> labels = new ArrayList<>();
    /** The texts of the labels the last frame drew (what a person can read on the map now). */
    private final List<String> texts = new ArrayList<>();
    /** Where road names go this frame, drawn after the markers. */
    private final List<double[]> roadNames = new ArrayList<>();
    private final List<String> roadNameTexts = new ArrayList<>();

    MapPainter(MapStyle style) {
        this.style = style;
    }

    /**
     * Draws a frame: the base map (when there is one and it is shown; smooth unless the view is
     * moving), then the vector layers.
     */
    void paint(GraphicsContext g, MapViewModel model, TileLayer base, boolean moving) {
        MapViewport v = model.viewportProperty().get();
        ConsoleState state = model.state();
        labels.clear();
        texts.clear();
        roadNames.clear();
        roadNameTexts.clear();
        g.setFill(style.background());
        g.fillRect(0, 0, v.width(), v.height());
        boolean baseShown = base != null && model.baseShownProperty().get();
        if (baseShown) {
            base.paint(g, v, !moving);
        }
        if (model.zonesShownProperty().get()) {
            state.zones().values().forEach(z -> zone(g, v, z));
        }
        CoverageGaps gaps = model.gaps().current();
        if (gaps != null) {
            gaps(g, v, gaps);
        }
        if (!baseShown) {
            // The base map has the roads and their names; without one the map draws them itself.
            state.roads().values().forEach(r -> road(g, v, r));
        }
        IncidentItem ringed = model.selectedProperty().get();
        TravelRings incidentRings = ringed == null ? null : model.rings(ringed);
        if (incidentRings != null) {
            rings(g, v, incidentRings);
        }
        TravelRings coverage = model.coverage();
        if (coverage != null) {
            rings(g, v, coverage);
        }
        if (model.camerasShownProperty().get()) {
            // Views are drawn while few enough cameras are in sight to read them: hundreds of
            // overlapping fans say nothing, and each costs the software renderer an antialiased arc.
            boolean views = inView(v, state.cameras().values(), CameraItem::longitude, CameraItem::latitude) <= MAX_VIEWS;
            state.cameras().values().forEach(c -> camera(g, v, c, views, state.camerasOffline().containsKey(c.id())));
        }
        if (model.zonesShownProperty().get()) {
            // What each zone lacks of its staffing rule (网格 + 警格), before the units: a warning
            // wins its place over a unit's name.
            java.util.Map<String, java.util.Map<String, Integer>> byKind = new java.util.HashMap<>();
            for (UnitItem u : state.units().values()) {
                if (u.onDuty()) {
                    byKind.computeIfAbsent(u.zoneId(), k -> new java.util.HashMap<>()).merge(u.kind(), 1, Integer::sum);
                }
            }
            state.zones().values().forEach(z -> zoneShort(g, v, z,
                    z.staffing().shortOf(byKind.getOrDefault(z.id(), java.util.Map.of()))));
        }
        if (model.unitsShownProperty().get()) {
            boolean trails = inView(v, state.units().values(), UnitItem::longitude, UnitItem::latitude) <= MAX_TRAILS;
            state.units().values().forEach(u -> unit(g, v, u, model, trails));
        }
        if (model.incidentsShownProperty().get()) {
            IncidentItem picked = model.selectedProperty().get();
            state.incidents().values().stream().filter(MapViewModel::isOpen)
                    .forEach(i -> incident(g, v, i, picked != null && picked.id().equals(i.id())));
        }
        // Road and zone names last, where nothing else is labelled, so a unit's name wins over them.
        for (int i = 0; i < roadNames.size(); i++) {
            label(g, roadNameTexts.get(i), roadNames.get(i)[0], roadNames.get(i)[1], style.roadLabel(), 14, true);
        }
        if (model.zonesShownProperty().get()) {
            // Each zone's units on duty now, counted once a frame, under its name.
            java.util.Map<String, int[]> duty = new java.util.HashMap<>();
            for (UnitItem u : state.units().values()) {
                int[] n = duty.computeIfAbsent(u.zoneId(), k -> new int[2]);
                n[1]++;
                if (u.isAvailable()) {
                    n[0]++;
                }
            }
            state.zones().values().forEach(z -> zoneName(g, v, z, duty.getOrDefault(z.id(), new int[2])));
        }
        scaleBar(g, v);
    }

    private void zone(GraphicsContext g, MapViewport v, ZoneItem z) {
        List<GeoPoint> p = z.polygon();
        if (p.size() < 3) {
            return;
        }
        double[] xs = new double[p.size()];
        double[] ys = new double[p.size()];
        for (int i = 0; i < p.size(); i++) {
            xs[i] = v.screenX(p.get(i).longitude());
            ys[i] = v.screenY(p.get(i).latitude());
        }
        g.setFill(style.zoneFill());
        g.fillPolygon(xs, ys, xs.length);
        g.setStroke(style.zoneStroke());
        g.setLineWidth(2);
        g.strokePolygon(xs, ys, xs.length);
    }

    /** A road as a line as wide as its class; its name at its middle where there is room. */
    private void road(GraphicsContext g, MapViewport v, RoadItem r) {
        List<GeoPoint> line = r.line();
        if (line.size() < 2) {
            return;
        }
        double width = switch (r.roadClass()) {
            case "primary" -> 6;
            case "secondary" -> 4;
            case "residential" -> 2.5;
            default -> 1.5;
        } * Math.max(0.5, Math.min(2, Math.pow(2, v.zoom() - 15)));
        g.setStroke(style.road());
        g.setLineWidth(width);
        polyline(g, v, line);
        if (v.zoom() >= 14 && !r.name().isEmpty()) {
            GeoPoint mid = line.get(line.size() / 2);
            roadNames.add(new double[] {v.screenX(mid.longitude()), v.screenY(mid.latitude())});
            roadNameTexts.add(r.name());
        }
    }

    /** Shades the cells no available unit reaches in time, edge to edge so no seams show. */
    private void gaps(GraphicsContext g, MapViewport v, CoverageGaps gaps) {
        g.setFill(style.gap());
        for (CoverageGaps.Cell c : gaps.gaps()) {
            double x0 = Math.round(v.screenX(c.west()));
            double x1 = Math.round(v.screenX(c.east()));
            double y0 = Math.round(v.screenY(c.north()));
            double y1 = Math.round(v.screenY(c.south()));
            if (x1 >= 0 && x0 <= v.width() && y1 >= 0 && y0 <= v.height()) {
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
    }

    /**
     * 1-3-5 minute rings as the hub sent them: the road pieces within each time (an incident's for a
     * patrol car, a unit's for its own kind), the 5-minute band first and faintest, the 1-minute band
     * last and strongest; a drone's as circles of its flight.
     */
    private void rings(GraphicsContext g, MapViewport v, TravelRings t) {
        Color[] colours = {style.ring1(), style.ring3(), style.ring5()};
        int n = Math.min(colours.length, t.rings().size());
        if (t.flies()) {
            double x = v.screenX(t.place().longitude());
            double y = v.screenY(t.place().latitude());
            for (int k = n - 1; k >= 0; k--) {
                double r = t.rings().get(k).straightMetres() / v.metresPerPixel();
                g.setStroke(colours[k]);
                g.setLineWidth(4);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
            return;
        }
        for (int k = n - 1; k >= 0; k--) {
            g.setStroke(colours[k]);
            g.setLineWidth(10 - 2 * k);
            for (List<GeoPoint> piece : t.rings().get(k).pieces()) {
                for (int i = 0; i + 1 < piece.size(); i++) {
                    GeoPoint p = piece.get(i);
                    GeoPoint q = piece.get(i + 1);
                    g.strokeLine(v.screenX(p.longitude()), v.screenY(p.latitude()), v.screenX(q.longitude()),
                            v.screenY(q.latitude()));
                }
            }
        }
    }

    /** What a zone lacks of its staffing rule, in the warning colour, below where its name goes. */
    private void zoneShort(GraphicsContext g, MapViewport v, ZoneItem z, java.util.Map<String, Integer> lacking) {
        List<GeoPoint> p = z.polygon();
        if (p.isEmpty() || lacking.isEmpty()) {
            return;
        }
        double lat = p.stream().mapToDouble(GeoPoint::latitude).average().orElse(0);
        double lon = p.stream().mapToDouble(GeoPoint::longitude).average().orElse(0);
        String what = String.join("、", lacking.entrySet().stream()
                .map(k -> Messages.get("registry.type." + k.getKey()) + " " + k.getValue()).toList());
        label(g, Messages.get("map.zoneShort", what), v.screenX(lon), v.screenY(lat) + 46, style.incidentHigh(), 15, true);
    }

    private void zoneName(GraphicsContext g, MapViewport v, ZoneItem z, int[] duty) {
        List<GeoPoint> p = z.polygon();
        if (p.isEmpty()) {
            return;
        }
        double lat = p.stream().mapToDouble(GeoPoint::latitude).average().orElse(0);
        double lon = p.stream().mapToDouble(GeoPoint::longitude).average().orElse(0);
        label(g, z.name(), v.screenX(lon), v.screenY(lat), style.zoneLabel(), 20, true);
        if (duty[1] > 0) {
            label(g, Messages.get("map.zoneDuty", duty[0], duty[1]), v.screenX(lon), v.screenY(lat) + 24,
                    style.zoneLabel(), 15, true);
        }

    }

    /** How many of some markers are on the screen. */
    private static <T> int inView(MapViewport v, java.util.Collection<T> items, java.util.function.ToDoubleFunction<T> lon,
                                  java.util.function.ToDoubleFunction<T> lat) {
        int n = 0;
        for (T item : items) {
            if (visible(v, v.screenX(lon.applyAsDouble(item)), v.screenY(lat.applyAsDouble(item)), 0)) {
                n++;
            }
        }
        return n;
    }

    private void camera(GraphicsContext g, MapViewport v, CameraItem c, boolean views, boolean offline) {
        double x = v.screenX(c.longitude());
        double y = v.screenY(c.latitude());
        if (!visible(v, x, y, 200)) {
            return;
        }
        if (offline) {
            // Dark: no view to show; a crossed square in the offline colour.
            g.setFill(style.cameraOff());
            g.fillRect(x - 5, y - 5, 10, 10);
            g.setStroke(style.background());
            g.setLineWidth(2);
            g.strokeLine(x - 4, y - 4, x + 4, y + 4);
            g.strokeLine(x - 4, y + 4, x + 4, y - 4);
            return;
        }
        if (views && c.hasFieldOfView()) {
            double r = c.rangeMetres() / v.metresPerPixel();
            if (r >= 6) {
                // JavaFX arcs start at 3 o'clock and turn anticlockwise; compass bearings at 12, clockwise.
                double start = 90 - c.directionDegrees() - c.angleDegrees() / 2;
                g.setFill(style.cameraView());
                g.fillArc(x - r, y - r, 2 * r, 2 * r, start, c.angleDegrees(), ArcType.ROUND);
            }
        }
        g.setFill(style.camera());
        g.fillRect(x - 4, y - 4, 8, 8);
    }

    private void unit(GraphicsContext g, MapViewport v, UnitItem u, MapViewModel model, boolean trails) {
        double x = v.screenX(u.longitude());
        double y = v.screenY(u.latitude());
        if (!visible(v, x, y, 60)) {
            return;
        }
        Color colour = switch (u.status()) {
            case "AVAILABLE" -> style.unitAvailable();
            case "ON_TASK" -> style.unitBusy();
            default -> style.unitOff();
        };
        List<GeoPoint> trail = trails ? model.trail(u.id()) : List.of();
        if (trail.size() > 1) {
            g.setStroke(colour.deriveColor(0, 1, 1, 0.45));
            g.setLineWidth(2);
            polyline(g, v, trail);
        }
        double heading = model.heading(u.id());
        if (!Double.isNaN(heading)) {
            double a = Math.toRadians(heading);
            g.setStroke(colour);
            g.setLineWidth(3);
            g.strokeLine(x, y, x + 14 * Math.sin(a), y - 14 * Math.cos(a));
        }
        // A dark rim around the disc: two fills, which the software renderer does faster than a stroke.
        g.setFill(style.background());
        g.fillOval(x - 8, y - 8, 16, 16);
        g.setFill(colour);
        g.fillOval(x - 6, y - 6, 12, 12);
        if (v.zoom() >= 15) {
            label(g, u.name(), x + 10, y - 10, style.label(), 15, false);
        }
    }

    private void incident(GraphicsContext g, MapViewport v, IncidentItem i, boolean picked) {
        double x = v.screenX(i.longitude());
        double y = v.screenY(i.latitude());
        if (!visible(v, x, y, 40)) {
            return;
        }
        Color colour = switch (i.priority()) {
            case "URGENT" -> style.incidentUrgent();
            case "HIGH" -> style.incidentHigh();
            default -> style.incidentNormal();
        };
        double r = "URGENT".equals(i.priority()) ? 11 : 9;
        g.setFill(colour);
        // A diamond: told apart from a unit's round marker at a glance, also by the colour-blind.
        g.fillPolygon(new double[] {x, x + r, x, x - r}, new double[] {y - r, y, y + r, y}, 4);
        if (picked) {
            g.setStroke(style.picked());
            g.setLineWidth(3);
            g.strokeOval(x - r - 6, y - r - 6, 2 * r + 12, 2 * r + 12);
        }
        // Its age beside its type: an old open incident is one to chase.
        long minutes = i.reportedAt() == null ? 0
                : Math.max(0, java.time.Duration.between(i.reportedAt(), java.time.Instant.now()).toMinutes());
        label(g, Messages.get("map.incidentLabel", Messages.get("type." + i.type()), minutes), x + r + 4, y + r + 4,
                colour, 15, false);
    }

    /** The labels the last frame drew. */
    List<String> texts() {
        return List.copyOf(texts);
    }

    /** Draws a label unless it would cover one drawn before. */
    private void label(GraphicsContext g, String text, double x, double y, Color colour, double size, boolean centred) {
        Font font = style.font(size);
        double w = text.length() * size * 0.95;
        double h = size * 1.3;
        double left = centred ? x - w / 2 : x;
        Bounds b = new BoundingBox(left, y - h / 2, w, h);
        for (Bounds other : labels) {
            if (other.intersects(b)) {
                return;
            }
        }
        labels.add(b);
        texts.add(text);
        g.setFont(font);
        g.setTextAlign(centred ? TextAlignment.CENTER : TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(style.labelHalo());
        g.fillText(text, x + 1, y + 1);
        g.setFill(colour);
        g.fillText(text, x, y);
    }

    /** A bar of a round length (1, 2 or 5 × 10^n metres) about 120 px long, bottom left. */
    private void scaleBar(GraphicsContext g, MapViewport v) {
        double mpp = v.metresPerPixel();
        double target = 120 * mpp;
        double base = Math.pow(10, Math.floor(Math.log10(target)));
        double metres = base;
        for (double step : new double[] {1, 2, 5}) {
            if (base * step <= target) {
                metres = base * step;
            }
        }
        double px = metres / mpp;
        double x = 20;
        double y = v.height() - 24;
        g.setStroke(style.label());
        g.setLineWidth(3);
        g.strokeLine(x, y, x + px, y);
        g.strokeLine(x, y - 6, x, y);
        g.strokeLine(x + px, y - 6, x + px, y);
        label(g, metres >= 1000 ? String.format("%.0f km", metres / 1000) : String.format("%.0f m", metres),
                x + px + 8, y - 2, style.label(), 15, false);
    }

    /** Strokes a line through positions with the current stroke. */
    private static void polyline(GraphicsContext g, MapViewport v, List<GeoPoint> points) {
        g.beginPath();
        g.moveTo(v.screenX(points.get(0).longitude()), v.screenY(points.get(0).latitude()));
        for (GeoPoint p : points.subList(1, points.size())) {
            g.lineTo(v.screenX(p.longitude()), v.screenY(p.latitude()));
        }
        g.stroke();
    }

    private static boolean visible(MapViewport v, double x, double y, double margin) {
        return x >= -margin && y >= -margin && x <= v.width() + margin && y <= v.height() + margin;
    }
}
