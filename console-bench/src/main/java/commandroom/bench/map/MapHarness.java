package commandroom.bench.map;

import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.EventApplier;
import commandroom.app.map.MapView;
import commandroom.app.map.MapViewModel;
import commandroom.app.map.MapViewport;
import commandroom.app.travel.TravelModel;
import commandroom.app.ui.Theme;
import commandroom.bench.board.HeadlessFx;
import commandroom.sim.county.DemoCounty;
import commandroom.v1.Camera;
import commandroom.v1.CameraKind;
import commandroom.v1.CountySeed;
import commandroom.v1.Event;
import commandroom.v1.FieldOfView;
import commandroom.v1.Incident;
import commandroom.v1.IncidentStatus;
import commandroom.v1.IncidentType;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.Snapshot;
import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import commandroom.v1.UnitPositionReported;
import commandroom.v1.UnitStatus;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;

/**
 * The incident map under load, headless (Monocle, software pipeline, 1920x1080): the demo county's
 * zones and roads with 3,000 cameras, 500 units that all move once a second and 1,000 open
 * incidents, while the view pans every pulse and zooms in and out every few seconds. For each
 * pulse, the FX thread's time from the first animation timer to the end of the layout pass (the map
 * draws its canvas in a timer), and the pulses a second. In the same run, the baseline: the same
 * markers as one JavaFX Node each in a Pane, moved every pulse. Prints markdown; {@code --out FILE}
 * appends it; {@code --quick} measures 5 s instead of 20.
 */
public final class MapHarness {

    private static final int CAMERAS = 3_000;
    private static final int UNITS = 500;
    private static final int INCIDENTS = 1_000;

    private record Figures(double p50, double p99, double max, double pulsesPerSecond, int frames) {}

    private MapHarness() {}

    public static void main(String[] args) throws Exception {
        run(args);
        System.exit(0); // the toolkit's threads would keep the JVM up
    }

    /** Measures both maps, prints and (with --out) appends the report; answers it. */
    public static String run(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path out = commandroom.bench.HarnessOutput.outOf(args);
        long seconds = quick ? 5 : 20;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        HeadlessFx.start();
        HeadlessFx.run(Theme::install);
        CountySeed county = DemoCounty.load();
        ConsoleState state = new ConsoleState();
        EventApplier applier = new EventApplier(state);
        Random random = new Random(11);
        double[] box = box(county);
        HeadlessFx.run(() -> applier.applySnapshot(snapshot(county, box, random)));

        Figures canvas = measure(seconds, state, applier, box, () -> {
            MapView map = new MapView(new MapViewModel(state, new TravelModel(state)), null, null, null);
            return new Object[] {map, map.model()};
        });
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("map-harness");
        Figures based;
        try (var demo = commandroom.app.embedded.DemoBaseMap.open(data)) {
            based = measure(seconds, state, applier, box, () -> {
                MapView map = new MapView(new MapViewModel(state, new TravelModel(state)), null, null, null);
                map.useBaseMap(demo);
                return new Object[] {map, map.model()};
            });
        }
        Figures nodes = measure(seconds, state, applier, box, () -> {
            NodeLayer layer = new NodeLayer(state);
            return new Object[] {layer, layer.model};
        });
        String report = String.format(Locale.ROOT, "#### Incident map under load (%s)%n%d cores, load average %.2f at the "
                        + "start; Java %s, JavaFX %s, Monocle headless, software pipeline, 1920x1080; %,d cameras, %,d units "
                        + "moving once a second, %,d open incidents, the demo county's %d zones and %d roads; panning every "
                        + "pulse, zooming every 3 s; %d s measured per map%n%n"
                        + "| map | FX time per frame p50 ms | p99 ms | max ms | pulses/s | frames |%n|---|---|---|---|---|---|%n"
                        + "| the console's map (one canvas) | %.1f | %.1f | %.1f | %.1f | %d |%n"
                        + "| the console's map with the demo base map (MBTiles) | %.1f | %.1f | %.1f | %.1f | %d |%n"
                        + "| baseline: one Node per marker | %.1f | %.1f | %.1f | %.1f | %d |%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), load, System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version"), CAMERAS, UNITS, INCIDENTS, county.getZonesCount(),
                county.getRoadsCount(), seconds, canvas.p50(), canvas.p99(), canvas.max(), canvas.pulsesPerSecond(),
                canvas.frames(), based.p50(), based.p99(), based.max(), based.pulsesPerSecond(), based.frames(),
                nodes.p50(), nodes.p99(), nodes.max(), nodes.pulsesPerSecond(), nodes.frames());
        commandroom.bench.HarnessOutput.emit(report, out);
        if (canvas.frames() == 0 || based.frames() == 0 || nodes.frames() == 0) {
            throw new IllegalStateException("a map drew no frame: " + report);
        }
        return report;
    }

    /** Shows a map, moves the units once a second and the view every pulse, and times the frames. */
    private static Figures measure(long seconds, ConsoleState state, EventApplier applier, double[] box,
                                   java.util.concurrent.Callable<Object[]> make) throws Exception {
        List<Long> frames = new ArrayList<>();
        long[] pulseStart = {0};
        long[] pulses = {0};
        long[] seq = {1_000_000};
        Random random = new Random(3);
        Object[] made = new Object[2];
        Stage[] stage = new Stage[1];
        AnimationTimer[] driver = new AnimationTimer[1];
        HeadlessFx.run(() -> {
            try {
                Object[] m = make.call();
                made[0] = m[0];
                made[1] = m[1];
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            // Made before the map is shown, so it runs first in each pulse: the frame starts here.
            driver[0] = new AnimationTimer() {
                private long lastMove;
                private long started;

                @Override
                public void handle(long now) {
                    pulseStart[0] = System.nanoTime();
                    pulses[0]++;
                    if (started == 0) {
                        started = now;
                    }
                    MapViewModel model = (MapViewModel) made[1];
                    double t = (now - started) / 1e9;
                    model.panBy(6 * Math.cos(t / 2), 4 * Math.sin(t / 3));
                    if ((long) (t / 3) != (long) ((t - 0.02) / 3)) {
                        MapViewport v = model.viewportProperty().get();
                        model.zoomAt(((long) (t / 3)) % 2 == 0 ? 1 : -1, v.width() / 2, v.height() / 2);
                    }
                    if (now - lastMove > 1_000_000_000L) {
                        lastMove = now;
                        applier.apply(moves(state, box, random, seq));
                    }
                }
            };
            driver[0].start();
            Scene scene = Theme.style(new Scene((javafx.scene.Parent) made[0], 1920, 1080));
            scene.addPostLayoutPulseListener(() -> {
                if (pulseStart[0] != 0) {
                    frames.add(System.nanoTime() - pulseStart[0]);
                    pulseStart[0] = 0;
                }
            });
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
        });
        Thread.sleep(3000);
        HeadlessFx.run(frames::clear);
        long p0 = HeadlessFx.call(() -> pulses[0]);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000);
        long[] sorted = HeadlessFx.call(() -> frames.stream().mapToLong(Long::longValue).sorted().toArray());
        double wall = (System.nanoTime() - t0) / 1e9;
        long p1 = HeadlessFx.call(() -> pulses[0]);
        HeadlessFx.run(() -> {
            driver[0].stop();
            stage[0].close();
            // Detached, the map stops its own timer: it must not draw during the next measurement.
            stage[0].getScene().setRoot(new Pane());
        });
        return new Figures(rank(sorted, 50), rank(sorted, 99), rank(sorted, 100), (p1 - p0) / wall, sorted.length);
    }

    private static double rank(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int r = (int) Math.ceil(q / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))] / 1e6;
    }

    /** Every unit moves 5–15 m in some direction: one position report each. */
    private static List<Event> moves(ConsoleState state, double[] box, Random random, long[] seq) {
        List<Event> events = new ArrayList<>();
        for (var u : state.units().values()) {
            double lat = clamp(u.latitude() + (random.nextDouble() - 0.5) * 0.0002, box[0], box[1]);
            double lon = clamp(u.longitude() + (random.nextDouble() - 0.5) * 0.0002, box[2], box[3]);
            events.add(Event.newBuilder().setSequence(++seq[0]).setUnitPositionReported(UnitPositionReported.newBuilder()
                    .setUnitId(u.id()).setPosition(pos(lat, lon))).build());
        }
        return events;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** The county's extent: {minLat, maxLat, minLon, maxLon} of its zones. */
    private static double[] box(CountySeed county) {
        double[] b = {90, -90, 180, -180};
        county.getZonesList().forEach(z -> z.getPolygonList().forEach(p -> {
            b[0] = Math.min(b[0], p.getLatitude());
            b[1] = Math.max(b[1], p.getLatitude());
            b[2] = Math.min(b[2], p.getLongitude());
            b[3] = Math.max(b[3], p.getLongitude());
        }));
        return b;
    }

    private static Position pos(double lat, double lon) {
        return Position.newBuilder().setLatitude(lat).setLongitude(lon).build();
    }

    private static Position somewhere(double[] box, Random r) {
        return pos(box[0] + r.nextDouble() * (box[1] - box[0]), box[2] + r.nextDouble() * (box[3] - box[2]));
    }

    /** The county's zones and roads with generated cameras, units and open incidents. */
    private static Snapshot snapshot(CountySeed county, double[] box, Random r) {
        Snapshot.Builder b = Snapshot.newBuilder().setAsOfSequence(1).addAllZones(county.getZonesList())
                .addAllRoads(county.getRoadsList());
        for (int i = 0; i < CAMERAS; i++) {
            b.addCameras(Camera.newBuilder().setId(String.format("c-%05d", i)).setName("摄像机 " + i)
                    .setKind(CameraKind.CAMERA_KIND_SKYNET).setPosition(somewhere(box, r))
                    .setFieldOfView(FieldOfView.newBuilder().setDirectionDegrees(r.nextInt(360)).setAngleDegrees(60)
                            .setRangeMetres(80 + r.nextInt(120))));
        }
        UnitKind[] kinds = {UnitKind.UNIT_KIND_PATROL_CAR, UnitKind.UNIT_KIND_COMMUNITY_OFFICER,
                UnitKind.UNIT_KIND_AUXILIARY_OFFICER, UnitKind.UNIT_KIND_VOLUNTEER};
        for (int i = 0; i < UNITS; i++) {
            b.addUnits(Unit.newBuilder().setId(String.format("u-%04d", i)).setName("警力 " + i)
                    .setKind(kinds[i % kinds.length]).setPosition(somewhere(box, r))
                    .setStatus(i % 3 == 0 ? UnitStatus.UNIT_STATUS_ON_TASK : UnitStatus.UNIT_STATUS_AVAILABLE));
        }
        Priority[] priorities = {Priority.PRIORITY_URGENT, Priority.PRIORITY_HIGH, Priority.PRIORITY_NORMAL};
        for (int i = 0; i < INCIDENTS; i++) {
            b.addIncidents(Incident.newBuilder().setId(String.format("I-%05d", i)).setType(IncidentType.INCIDENT_TYPE_CALL_110)
                    .setPriority(priorities[i % 3]).setPosition(somewhere(box, r))
                    .setStatus(i % 2 == 0 ? IncidentStatus.INCIDENT_STATUS_OPEN : IncidentStatus.INCIDENT_STATUS_IN_HAND));
        }
        return b.build();
    }

    /**
     * The baseline: a Circle per unit and incident and a Rectangle per camera in a Pane, moved to
     * the view each pulse (what a map made of scene-graph markers costs).
     */
    private static final class NodeLayer extends Pane {

        final MapViewModel model;
        private final List<Runnable> placers = new ArrayList<>();

        NodeLayer(ConsoleState state) {
            model = new MapViewModel(state, new TravelModel(state));
            getStyleClass().add("incident-map");
            state.cameras().values().forEach(c -> add(new Rectangle(8, 8), c.latitude(), c.longitude()));
            state.incidents().values().forEach(i -> add(new Circle(9), i.latitude(), i.longitude()));
            for (var u : state.units().values()) {
                Circle dot = new Circle(7);
                getChildren().add(dot);
                placers.add(() -> {
                    var now = state.units().get(u.id());
                    MapViewport v = model.viewportProperty().get();
                    dot.setCenterX(v.screenX(now.longitude()));
                    dot.setCenterY(v.screenY(now.latitude()));
                });
            }
            AnimationTimer mover = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    placers.forEach(Runnable::run);
                }
            };
            // Started once shown, as the map's own timer, so the frame's first timer is the harness's.
            sceneProperty().addListener((o, a, scene) -> {
                if (scene != null) {
                    mover.start();
                } else {
                    mover.stop();
                }
            });
        }

        private void add(Node marker, double lat, double lon) {
            getChildren().add(marker);
            placers.add(() -> {
                MapViewport v = model.viewportProperty().get();
                marker.relocate(v.screenX(lon), v.screenY(lat));
            });
        }

        @Override
        protected void layoutChildren() {
            model.resize(getWidth(), getHeight());
        }
    }
}
