package commandroom.app.map;

import commandroom.app.model.IncidentItem;
import commandroom.app.map.tiles.TileLayer;
import commandroom.app.map.tiles.TileSource;
import commandroom.app.model.UnitItem;
import commandroom.app.ui.Messages;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The incident map (警情地图), drawn by the console on a canvas, offline: zones, cameras with their
 * view, units with status, heading and trail, open incidents by priority, a scale bar; north up.
 * Drag to pan, wheel to zoom about the cursor, arrow keys and +/- too. A click on an incident shows
 * it with a dispatch button; a right click offers to take in an incident at that point, or to
 * follow the unit there or show the area it covers in 1, 3 and 5 minutes; the layer list can shade
 * where no available unit reaches in 5 minutes; Shift+drag draws an area whose cameras go to the wall. Panning or zooming locks the view (live updates never move it);
 * "back to following" returns it to the followed unit or the whole county. The canvas is drawn at
 * most once a pulse, and only when something changed.
 *
 * <p>Style classes incident-map (colours: {@link MapStyle}), map-area, map-problem; ids map-canvas, map-follow, map-layer-*,
 * map-basemap-problem, map-gaps-share,
 * map-incident-card, map-dispatch, map-report-here, map-follow-unit, map-unit-coverage. FX thread.
 */
public final class MapView extends MapStyle {

    private final MapViewModel model;
    private final Canvas canvas = new Canvas();
    private final MapPainter painter = new MapPainter(this);
    private final StackPane overlay = new StackPane();
    private final Label cardTitle = new Label();
    private final Label cardLine = new Label();
    private final VBox card;
    private static final long SETTLE_NANOS = 150_000_000L;
    private boolean dirty = true;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private ContextMenu menu;
    private final Consumer<List<String>> onArea;
    /** The area being drawn with Shift+drag (its cameras go to the wall), or hidden. */
    private final Rectangle area = new Rectangle();
    private final HBox layers;
    /** The base map, or null: the map then draws the roads itself. */
    private TileLayer base;
    private final Label baseProblem = new Label();
    /** How much of the county some available unit reaches in 5 minutes, while the gaps show. */
    private final Label gapsShare = new Label();
    private boolean drawingArea;
    /** When the view last moved (nanoTime), and whether the last frame was drawn as moving. */
    private long movedAt;
    private boolean drawnMoving;
    private final AnimationTimer redraw = new AnimationTimer() {
        @Override
        public void handle(long now) {
            boolean moving = System.nanoTime() - movedAt < SETTLE_NANOS;
            // Once the view has stood still a moment, one more frame draws the base map smooth.
            if (dirty || (drawnMoving && !moving)) {
                dirty = false;
                drawnMoving = moving;
                painter.paint(canvas.getGraphicsContext2D(), model, base, moving);
            }
        }
    };

    /**
     * A map over the model; onDispatch gets a picked incident (null: the role may not dispatch, the
     * button is not offered), onReport a point (null: may not take in incidents), onArea the
     * cameras of an area drawn with Shift+drag (null: no wall to send them to).
     */
    public MapView(MapViewModel model, Consumer<IncidentItem> onDispatch, BiConsumer<Double, Double> onReport,
                   Consumer<List<String>> onArea) {
        this.model = model;
        this.onArea = onArea;
        area.getStyleClass().add("map-area");
        area.setManaged(false);
        area.setVisible(false);
        area.setMouseTransparent(true);
        getStyleClass().add("incident-map");
        canvas.setId("map-canvas");
        canvas.setFocusTraversable(true);
        Button dispatch = new Button(Messages.get("map.dispatch"));
        dispatch.setId("map-dispatch");
        dispatch.setFocusTraversable(false);
        dispatch.setVisible(onDispatch != null);
        dispatch.setManaged(onDispatch != null);
        dispatch.setOnAction(e -> {
            IncidentItem i = model.selectedProperty().get();
            if (i != null && onDispatch != null) {
                onDispatch.accept(i);
            }
        });
        cardTitle.getStyleClass().add("card-title");
        cardLine.getStyleClass().add("card-line");
        cardLine.setId("map-incident-detail");
        cardLine.setWrapText(true);
        card = new VBox(6, cardTitle, cardLine, dispatch);
        card.setId("map-incident-card");
        card.getStyleClass().add("map-card");
        card.setMaxSize(360, USE_PREF_SIZE);
        card.setVisible(false);
        Button follow = new Button(Messages.get("map.follow"));
        follow.setId("map-follow");
        follow.setFocusTraversable(false);
        follow.setOnAction(e -> model.resumeFollowing());
        follow.visibleProperty().bind(model.followingProperty().not());
        layers = new HBox(12, layer("zones", model.zonesShownProperty()), layer("cameras",
                model.camerasShownProperty()), layer("units", model.unitsShownProperty()),
                layer("incidents", model.incidentsShownProperty()), layer("gaps", model.gaps().shownProperty()),
                gapsShare);
        layers.getStyleClass().add("map-layers");
        layers.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        gapsShare.setId("map-gaps-share");
        gapsShare.getStyleClass().add("map-gaps-share");
        gapsShare.visibleProperty().bind(model.gaps().shownProperty());
        gapsShare.managedProperty().bind(gapsShare.visibleProperty());
        gapsShare.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            double share = model.gaps().coveredProperty().get();
            return Double.isNaN(share) ? "" : Messages.get("map.gapsShare", Math.round(share * 100));
        }, model.gaps().coveredProperty()));
        baseProblem.setId("map-basemap-problem");
        baseProblem.getStyleClass().add("map-problem");
        baseProblem.setVisible(false);
        overlay.getChildren().addAll(layers, follow, card, baseProblem);
        StackPane.setAlignment(layers, Pos.TOP_LEFT);
        StackPane.setAlignment(baseProblem, Pos.BOTTOM_LEFT);
        StackPane.setAlignment(follow, Pos.TOP_RIGHT);
        StackPane.setAlignment(card, Pos.BOTTOM_RIGHT);
        overlay.setPickOnBounds(false);
        overlay.getStyleClass().add("map-overlay");
        getChildren().addAll(canvas, area, overlay);
        wireMouse(onReport);
        model.viewportProperty().addListener((o, a, b) -> {
            dirty = true;
            movedAt = System.nanoTime();
        });
        model.selectedProperty().addListener((o, a, i) -> showCard(i));
        model.coverageUnitProperty().addListener((o, a, b) -> dirty = true);
        // Rings, reach counts and gaps come back from the hub after the frame that asked for them.
        model.travelRevisionProperty().addListener((o, a, b) -> {
            dirty = true;
            IncidentItem shown = model.selectedProperty().get();
            if (shown != null && card.isVisible()) {
                showCard(shown);
            }
        });
        var state = model.state();
        state.units().addListener((MapChangeListener<String, UnitItem>) c -> dirty = true);
        state.incidents().addListener((MapChangeListener<String, IncidentItem>) c -> dirty = true);
        state.zones().addListener((javafx.beans.InvalidationListener) o -> dirty = true);
        state.cameras().addListener((javafx.beans.InvalidationListener) o -> dirty = true);
        state.camerasOffline().addListener((javafx.beans.InvalidationListener) o -> dirty = true);
        state.roads().addListener((javafx.beans.InvalidationListener) o -> dirty = true);
        for (var p : java.util.List.of(model.gaps().shownProperty(), model.baseShownProperty(), model.zonesShownProperty(), model.camerasShownProperty(),
                model.unitsShownProperty(), model.incidentsShownProperty())) {
            p.addListener((o, a, b) -> dirty = true);
        }
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                redraw.stop();
            } else {
                redraw.start();
            }
        });
    }

    private CheckBox layer(String id, javafx.beans.property.BooleanProperty shown) {
        CheckBox box = new CheckBox(Messages.get("map.layer." + id));
        box.setId("map-layer-" + id);
        box.setFocusTraversable(false);
        box.selectedProperty().bindBidirectional(shown);
        return box;
    }

    private void wireMouse(BiConsumer<Double, Double> onReport) {
        canvas.setOnMousePressed(e -> {
            canvas.requestFocus();
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            dragged = false;
            drawingArea = e.isShiftDown() && onArea != null && e.getButton() == MouseButton.PRIMARY;
        });
        canvas.setOnMouseDragged(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > 4) {
                dragged = true;
            }
            if (drawingArea) {
                area.setX(Math.min(pressX, e.getX()));
                area.setY(Math.min(pressY, e.getY()));
                area.setWidth(Math.abs(e.getX() - pressX));
                area.setHeight(Math.abs(e.getY() - pressY));
                area.setVisible(true);
            } else if (dragged) {
                model.panBy(e.getX() - lastX, e.getY() - lastY);
                lastX = e.getX();
                lastY = e.getY();
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (drawingArea) {
                drawingArea = false;
                area.setVisible(false);
                List<String> cameras = model.camerasIn(pressX, pressY, e.getX(), e.getY());
                if (dragged && !cameras.isEmpty()) {
                    onArea.accept(cameras);
                }
            }
        });
        canvas.setOnMouseClicked(e -> {
            if (dragged) {
                return;
            }
            if (menu != null) {
                menu.hide();
            }
            if (e.getButton() == MouseButton.PRIMARY) {
                model.pickAt(e.getX(), e.getY());
            } else if (e.getButton() == MouseButton.SECONDARY) {
                // The headless toolkit raises no ContextMenuEvent: a secondary click opens the menu.
                showMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY(), onReport);
            }
        });
        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                model.zoomAt(Math.signum(e.getDeltaY()) * 0.5, e.getX(), e.getY());
            }
        });
        canvas.setOnZoom(e -> model.zoomAt(Math.log(e.getZoomFactor()) / Math.log(2), e.getX(), e.getY()));
        canvas.setOnKeyPressed(e -> {
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            switch (e.getCode()) {
                case LEFT -> model.panBy(100, 0);
                case RIGHT -> model.panBy(-100, 0);
                case UP -> model.panBy(0, 100);
                case DOWN -> model.panBy(0, -100);
                case PLUS, EQUALS, ADD -> model.zoomAt(1, w / 2, h / 2);
                case MINUS, SUBTRACT -> model.zoomAt(-1, w / 2, h / 2);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private void showMenu(double x, double y, double screenX, double screenY, BiConsumer<Double, Double> onReport) {
        menu = new ContextMenu();
        if (onReport != null) {
            double[] g = model.viewportProperty().get().ground(x, y);
            MenuItem report = new MenuItem(Messages.get("map.reportHere"));
            report.setId("map-report-here");
            report.setOnAction(a -> onReport.accept(g[0], g[1]));
            menu.getItems().add(report);
        }
        UnitItem u = model.unitAt(x, y);
        if (u != null) {
            MenuItem follow = new MenuItem(Messages.get("map.followUnit", u.name()));
            follow.setId("map-follow-unit");
            follow.setOnAction(a -> model.follow(u.id()));
            MenuItem coverage = new MenuItem(Messages.get(u.id().equals(model.coverageUnitProperty().get())
                    ? "map.hideCoverage" : "map.showCoverage", u.name()));
            coverage.setId("map-unit-coverage");
            coverage.setOnAction(a -> model.toggleCoverage(u.id()));
            menu.getItems().addAll(follow, coverage);
        }
        if (!menu.getItems().isEmpty()) {
            menu.show(canvas, screenX, screenY);
        }
    }

    private void showCard(IncidentItem i) {
        dirty = true;
        card.setVisible(i != null);
        if (i != null) {
            cardTitle.setText(Messages.get("type." + i.type()) + "  ·  " + Messages.get("priority." + i.priority()));
            int[] reach = model.reachable(i);
            cardLine.setText(i.address() + "\n" + i.summary() + "\n" + i.id() + "\n"
                    + (reach == null ? Messages.get("map.reachPending")
                    : Messages.get("map.reach", reach[0], reach[1], reach[2])));
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            model.resize(w, h);
            dirty = true;
        }
        canvas.relocate(0, 0);
        overlay.resizeRelocate(0, 0, w, h);
    }

    /**
     * Draws a base map under the vector layers from now on, offered as a layer that can be hidden;
     * when its tiles cannot be read the map says so in a corner and keeps what it has.
     */
    public void useBaseMap(TileSource source) {
        if (base != null) {
            base.close();
        } else {
            layers.getChildren().add(0, layer("base", model.baseShownProperty()));
        }
        base = new TileLayer(source, () -> dirty = true);
        baseProblem.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get("map.baseDown", base.problemProperty().get()), base.problemProperty()));
        baseProblem.visibleProperty().bind(base.problemProperty().isNotNull());
        dirty = true;
    }

    /** Stops reading tiles (the console is closing); the source is its opener's to close. */
    public void close() {
        redraw.stop();
        if (base != null) {
            base.close();
        }
    }

    public MapViewModel model() {
        return model;
    }

    /** The labels the last frame drew, as a person reads them on the map (FX thread). */
    public List<String> labelsDrawn() {
        return painter.texts();
    }

    /** Draws now, whatever the pulse (for a snapshot taken before the next frame). */
    public void drawNow() {
        dirty = false;
        painter.paint(canvas.getGraphicsContext2D(), model, base, false);
    }
}
