package commandroom.app.workspace;

import commandroom.app.board.BoardView;
import commandroom.app.board.BoardViewModel;
import commandroom.app.board.CaseFileView;
import commandroom.app.board.TaskActionsView;
import commandroom.app.board.ZoneBroadcastView;
import commandroom.app.board.dispatch.DispatchDialogView;
import commandroom.app.board.dispatch.DispatchDialogViewModel;
import commandroom.app.board.report.ReportIncidentDialogView;
import commandroom.app.board.report.ReportIncidentDialogViewModel;
import commandroom.app.casework.DisputesView;
import commandroom.app.casework.DisputesViewModel;
import commandroom.app.connection.CaseClient;
import commandroom.app.alarm.AlarmQueueView;
import commandroom.app.alarm.AlarmQueueViewModel;
import commandroom.app.alarm.AlarmSounds;
import commandroom.app.connection.CommandClient;
import commandroom.app.connection.FraudClient;
import commandroom.app.fraud.FraudImportView;
import commandroom.app.fraud.FraudImportViewModel;
import commandroom.app.connection.KeyPersonClient;
import commandroom.app.connection.LinkageClient;
import commandroom.app.county.CountyBoardView;
import commandroom.app.county.CountyBoardViewModel;
import commandroom.app.connection.RegistryClient;
import commandroom.app.keyperson.KeyPersonsView;
import commandroom.app.keyperson.KeyPersonsViewModel;
import commandroom.app.registry.RegistryView;
import commandroom.app.registry.RegistryViewModel;
import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.EventFeed;
import commandroom.app.connection.HubSession;
import commandroom.app.model.UserProfile;
import commandroom.app.model.UserRole;
import commandroom.app.review.ReviewView;
import commandroom.app.review.ReviewViewModel;
import commandroom.app.connection.FiguresClient;
import commandroom.app.connection.ShiftClient;
import commandroom.app.workspace.handover.HandoverView;
import commandroom.app.stats.FiguresView;
import commandroom.app.stats.FiguresViewModel;
import commandroom.app.stats.StatsView;
import commandroom.app.ui.Messages;
import commandroom.app.ui.Theme;
import commandroom.app.map.MapView;
import commandroom.app.travel.TravelModel;
import commandroom.app.map.MapViewModel;
import commandroom.app.map.google.GoogleMapPane;
import commandroom.app.map.google.GoogleMapsSettings;
import commandroom.app.map.tiles.TileSource;
import commandroom.app.wall.VideoRuntime;
import commandroom.app.wall.WallLayout;
import commandroom.app.wall.WallPanel;
import commandroom.app.board.BoardFilter;
import commandroom.app.workspace.layout.DefaultLayouts;
import commandroom.app.workspace.layout.LayoutStore;
import commandroom.app.workspace.layout.Panels;
import commandroom.app.workspace.layout.Placement;
import commandroom.app.workspace.layout.ScreenPlacement;
import commandroom.app.workspace.layout.ScreenRect;
import commandroom.app.workspace.layout.WindowLayout;
import commandroom.app.workspace.layout.WindowPlacer;
import commandroom.app.workspace.layout.WorkspaceLayout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.util.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One logged-in console: the session, its projections and feed, and the views of its role. The
 * composition root of a workstation. Create, {@link #show} and {@link #close} on the FX thread.
 */
public final class Workstation implements AutoCloseable {

    private final HubSession session;
    private commandroom.app.connection.CameraClient cameras;
    private final ConsoleState state = new ConsoleState();
    private final EventFeed feed;
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "console-background");
        t.setDaemon(true);
        return t;
    });
    private final CommandClient client;
    private final UserProfile user;
    private final BoardViewModel boardModel;
    private BoardView board;
    private final LayoutStore layouts;
    private final List<Stage> stages = new ArrayList<>();
    private final List<Placement> placed = new ArrayList<>();
    private Stage stage;
    private VideoRuntime video;
    /** Exports go here: the user's documents folder unless told otherwise. */
    private Path exportDir = Path.of(System.getProperty("user.home"), "Documents", "CommandRoom");
    private final java.util.Map<String, WallPanel> walls = new java.util.LinkedHashMap<>();
    private final List<MapView> maps = new ArrayList<>();
    /** The maps' base map, or null: they draw the roads themselves. Closed by its opener. */
    private TileSource baseMap;
    /** Google Maps instead of the console's map, or null. */
    private GoogleMapsSettings google;
    /** Travel times over the roads, for the map's rings and the ranking of units to dispatch. */
    private final TravelModel travel;

    private final Clock clock;
    /** The alarm queue (duty officers, shift leaders, the chief), or null for a console without one. */
    private final AlarmQueueViewModel alarms;
    private AlarmSounds sounds;
    private Stage alarmWindow;

    /**
     * Builds the console for a logged-in session; the user's window layout and board filter are
     * kept in layoutDir.
     */
    public Workstation(HubSession session, Clock clock, Path layoutDir) {
        this.session = session;
        this.user = session.user();
        this.client = new CommandClient(session, background);
        this.feed = new EventFeed(session, state);
        this.travel = new TravelModel(state, new commandroom.app.connection.TravelClient(session, background),
                javafx.application.Platform::runLater);
        this.boardModel = new BoardViewModel(state);
        this.clock = clock;
        this.layouts = new LayoutStore(layoutDir);
        UserRole role = user.role();
        this.alarms = role == UserRole.DUTY_OFFICER || role == UserRole.SHIFT_LEADER || role == UserRole.STATION_CHIEF
                ? new AlarmQueueViewModel(state, role, clock, client::acknowledgeAlarm) : null;
    }

    /** Opens the alarm queue's window over the console (or brings it to the front). */
    public void openAlarms() {
        if (alarms != null) {
            alarmWindow = AlarmQueueView.show(stage, alarms, sounds == null ? "" : sounds.problem(), alarmWindow);
        }
    }

    /** The alarm queue, or null for a console without one. */
    public AlarmQueueViewModel alarms() {
        return alarms;
    }

    /**
     * Opens the console: one window per screen as the user left them (or the role's default), the
     * first in the given stage; then starts following the hub. Returns the window with the board.
     */
    public Stage show(Stage first) {
        List<ScreenRect> screens = WindowPlacer.currentScreens();
        String role = user.role().name();
        WorkspaceLayout layout = layouts.load(user.username()).orElseGet(() -> DefaultLayouts.forRole(role, screens));
        boardModel.filterProperty().set(BoardFilter.fromMap(layout.boardFilter()));
        board = new BoardView(boardModel, clock);
        board.setOnOpen(this::openCaseFile);
        List<Placement> placements = withNewPanels(allowedOnly(ScreenPlacement.place(layout, screens), role,
                caseworkPanels()), caseworkPanels());
        if (placements.isEmpty()) {
            placements = ScreenPlacement.place(DefaultLayouts.forRole(role, screens), screens);
        }
        ReviewView review = user.role().mayReview() ? new ReviewView(new ReviewViewModel(state, client)) : null;
        StatsView stats = new StatsView(state, user.role().mayReadFigures()
                ? new FiguresView(new FiguresViewModel(new FiguresClient(session, background), clock), state.zones(),
                state.units(), exportDir) : null);
        Stage withBoard = null;
        boolean hasWall = placements.stream().anyMatch(p -> p.panels().contains(Panels.WALL));
        for (Placement p : placements) {
            Function<String, Node> panels = id -> switch (id) {
                case Panels.BOARD -> board;
                case Panels.REVIEW -> review;
                case Panels.STATS -> stats;
                case Panels.DISPUTES -> new DisputesView(new DisputesViewModel(new CaseClient(session, background), state,
                        user.role()), user.displayName());
                case Panels.KEY_PERSONS -> new KeyPersonsView(new KeyPersonsViewModel(
                        new KeyPersonClient(session, background), state));
                case Panels.REGISTRY -> new RegistryView(new RegistryViewModel(
                        new RegistryClient(session, background), state));
                case Panels.ACCOUNTS -> new commandroom.app.accounts.AccountsView(new commandroom.app.accounts.AccountsViewModel(
                        new commandroom.app.connection.AccountClient(session, background)));
                case Panels.COUNTY -> new CountyBoardView(new CountyBoardViewModel(
                        new LinkageClient(session, background), user.role().mayLink()));
                case Panels.WALL -> wallPanel(p.windowId(), layout);
                case Panels.MAP -> google != null ? new GoogleMapPane(new MapViewModel(state, travel), google)
                        : mapView(hasWall);
                default -> null;
            };
            Stage s = stages.isEmpty() ? first : new Stage();
            WorkstationView view = new WorkstationView(state, user, board, p.panels(), panels);
            view.setOnReport(this::report);
            view.setOnDispatch(this::dispatch);
            view.setOnReassign(this::reassign);
            view.setOnCancel(this::cancelTask);
            view.setOnBroadcast(this::broadcast);
            view.setOnHandover(this::handover);
            view.setOnRoster(() -> commandroom.app.roster.RosterDialog.show(stage, new commandroom.app.roster.RosterViewModel(
                    state, new RegistryClient(session, background))));
            view.setOnFraudList(() -> FraudImportView.show(new FraudImportViewModel(new FraudClient(session, background),
                    state), stage));
            if (alarms != null) {
                view.showAlarms(alarms.waitingProperty(), this::openAlarms);
            }
            s.setTitle(Messages.get("app.title") + " · " + user.displayName());
            s.setScene(Theme.style(new Scene(view, p.bounds().width(), p.bounds().height())));
            WindowPlacer.apply(s, p);
            s.show();
            stages.add(s);
            placed.add(p);
            if (p.panels().contains(Panels.BOARD)) {
                withBoard = s;
            }
        }
        stage = withBoard != null ? withBoard : stages.get(0);
        saveWhenWindowsMove();
        new AlertPresenter(state, board, stage).start();
        if (alarms != null) {
            sounds = AlarmSounds.load(Path.of(System.getProperty("java.io.tmpdir"), "commandroom-sounds"));
            alarms.soundProperty().addListener((o, was, sound) -> {
                if (sound != null) {
                    sounds.play(sound.priority());
                }
            });
        }
        feed.start();
        return stage;
    }

    /**
     * The incident map; it dispatches and takes in incidents through the same dialogs as the board,
     * for the roles that may.
     */
    private MapView mapView(boolean hasWall) {
        MapView map = new MapView(new MapViewModel(state, travel), user.role().mayDispatch() ? this::dispatch : null,
                user.role().mayReport() ? (lat, lon) -> reportAt(lat, lon) : null,
                // An area's cameras go to the console's (first) wall; a console without one is not offered it.
                hasWall ? ids -> walls.values().stream().findFirst().ifPresent(w -> w.showCameras(ids)) : null);
        if (baseMap != null) {
            map.useBaseMap(baseMap);
        }
        maps.add(map);
        return map;
    }

    /**
     * Draws the maps with Google Maps instead of the console's own (a site with internet and a key
     * only); call before {@link #show}.
     */
    public void useGoogleMaps(GoogleMapsSettings settings) {
        this.google = settings;
    }

    /** Plays the walls through this video runtime, which the console then owns; call before {@link #show}. */
    public void useVideo(VideoRuntime runtime) {
        this.video = runtime;
    }

    /** Where exports (the chief's figures as CSV) are written; call before {@link #show}. */
    public void useExportFolder(Path folder) {
        this.exportDir = folder;
    }

    /** Gives the maps a base map; call before {@link #show}. */
    public void useBaseMap(TileSource source) {
        this.baseMap = source;
    }

    /**
     * The wall's way to the hub: the addresses of a camera source's cameras (a watch on the hub
     * per tile) and PTZ, sent in order on one thread for all of this console's walls.
     */
    private commandroom.app.wall.WallHub wallHub() {
        if (cameras == null) {
            cameras = new commandroom.app.connection.CameraClient(session, background);
        }
        commandroom.app.connection.CameraClient c = cameras;
        commandroom.app.wall.PtzCommands ptz = new commandroom.app.wall.PtzCommands() {
            @Override
            public java.util.concurrent.CompletableFuture<Void> move(String id, double pan, double tilt, double zoom,
                                                                     boolean takeOver) {
                return c.move(id, pan, tilt, zoom, takeOver);
            }

            @Override
            public java.util.concurrent.CompletableFuture<Void> preset(String id, int preset, boolean save, boolean takeOver) {
                return c.preset(id, preset, save, takeOver);
            }

            @Override
            public java.util.concurrent.CompletableFuture<Void> release(String id) {
                return c.release(id);
            }
        };
        return new commandroom.app.wall.WallHub(cameraAddresses(c), cameraRecordings(c), ptz, user.username(),
                user.role().mayTakeOverCameras());
    }

    private static commandroom.app.wall.CameraAddresses cameraAddresses(commandroom.app.connection.CameraClient cameras) {
        return (id, onUrls, onProblem) -> cameras.watch(id, a -> onUrls.accept(urls(a)), f -> onProblem.accept(words(f)));
    }

    private static commandroom.app.wall.CameraRecordings cameraRecordings(commandroom.app.connection.CameraClient cameras) {
        return new commandroom.app.wall.CameraRecordings() {
            @Override
            public java.util.concurrent.CompletableFuture<java.util.List<commandroom.app.model.CameraRecording>> list(
                    String id, java.time.Instant from, java.time.Instant to) {
                return cameras.recordings(id, from, to);
            }

            @Override
            public AutoCloseable watch(String id, java.time.Instant start, java.time.Instant end,
                                       java.util.function.Consumer<commandroom.app.wall.CameraAddresses.Urls> onUrls,
                                       java.util.function.Consumer<String> onProblem) {
                return cameras.watchRecording(id, start, end, a -> onUrls.accept(urls(a)), f -> onProblem.accept(words(f)));
            }
        };
    }

    private static commandroom.app.wall.CameraAddresses.Urls urls(commandroom.app.connection.CameraClient.Addresses a) {
        return new commandroom.app.wall.CameraAddresses.Urls(a.rtspUrl().isEmpty() ? a.flvUrl() : a.rtspUrl(),
                a.rtspSubUrl());
    }

    /** Unavailable here is the platform's refusal, in its words; not the hub's absence. */
    private static String words(commandroom.app.connection.CommandFailure failure) {
        return failure.kind() == commandroom.app.connection.CommandFailure.Kind.UNAVAILABLE ? failure.getMessage()
                : commandroom.app.ui.Dialogs.describe(failure);
    }

    /**
     * A camera wall for a window that holds the wall panel, as the user left it; all walls share
     * one video runtime.
     */
    private WallPanel wallPanel(String windowId, WorkspaceLayout saved) {
        if (video == null) {
            video = VideoRuntime.start();
        }
        WallPanel wall = new WallPanel(state, video, WallLayout.GRID_4, user.role().mayReport() ? client : null,
                wallHub());
        wall.restoreState(saved.panelState(wallKey(windowId)));
        walls.put(windowId, wall);
        return wall;
    }

    private static String wallKey(String windowId) {
        return "wall." + windowId + ".";
    }

    /**
     * Drops panels the role may not have (a saved layout may be older than a role change), and
     * adds the role's casework panels a layout saved before they existed lacks, to its last window.
     */
    /** A layout saved before a panel existed gets it as a tab of its last window. */
    private static List<Placement> withNewPanels(List<Placement> placements, List<String> casework) {
        if (placements.isEmpty()) {
            return placements;
        }
        List<String> missing = casework.stream()
                .filter(c -> placements.stream().noneMatch(p -> p.panels().contains(c))).toList();
        if (missing.isEmpty()) {
            return placements;
        }
        List<Placement> out = new ArrayList<>(placements);
        Placement last = out.remove(out.size() - 1);
        List<String> panels = new ArrayList<>(last.panels());
        panels.addAll(missing);
        out.add(new Placement(last.windowId(), panels, last.screen(), last.bounds(), last.maximized()));
        return out;
    }

    private static List<Placement> allowedOnly(List<Placement> placements, String role, List<String> casework) {
        List<String> allowed = new ArrayList<>(DefaultLayouts.panelsOf(role));
        allowed.addAll(casework);
        for (String always : List.of(Panels.BOARD, Panels.STATS, Panels.MAP)) {
            if (!allowed.contains(always)) {
                allowed.add(always);
            }
        }
        List<Placement> out = new ArrayList<>();
        for (Placement p : placements) {
            List<String> keep = p.panels().stream().filter(allowed::contains).toList();
            if (!keep.isEmpty()) {
                out.add(new Placement(p.windowId(), keep, p.screen(), p.bounds(), p.maximized()));
            }
        }
        List<String> missing = casework.stream()
                .filter(id -> out.stream().noneMatch(p -> p.panels().contains(id))).toList();
        if (!missing.isEmpty() && !out.isEmpty()) {
            Placement last = out.remove(out.size() - 1);
            List<String> panels = new ArrayList<>(last.panels());
            panels.addAll(missing);
            out.add(new Placement(last.windowId(), panels, last.screen(), last.bounds(), last.maximized()));
        }
        return out;
    }

    /**
     * The panels that join the last window as tabs: the role's casework, and on a county hub the
     * county board for every console role.
     */
    private List<String> caseworkPanels() {
        List<String> panels = new ArrayList<>(DefaultLayouts.caseworkOf(user.role().name()));
        if (!session.followedStations().isEmpty() && user.role() != UserRole.FIELD_UNIT
                && user.role() != UserRole.UNKNOWN) {
            panels.add(Panels.COUNTY);
        }
        return panels;
    }

    /**
     * Saves the layout a second after windows stop moving or the filter changes (and once now), so
     * that a crash, a power cut or a service stop keeps where the windows were.
     */
    private void saveWhenWindowsMove() {
        PauseTransition settle = new PauseTransition(Duration.seconds(1));
        settle.setOnFinished(e -> saveLayout());
        for (Stage s : stages) {
            for (var p : List.of(s.xProperty(), s.yProperty(), s.widthProperty(), s.heightProperty())) {
                p.addListener((o, a, b) -> settle.playFromStart());
            }
            s.maximizedProperty().addListener((o, a, b) -> settle.playFromStart());
        }
        boardModel.filterProperty().addListener((o, a, b) -> settle.playFromStart());
        settle.playFromStart();
    }

    /** Saves where the windows are and the board filter, for the next log-in of this user. */
    public boolean saveLayout() {
        List<WindowLayout> windows = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).isShowing()) {
                windows.add(WindowPlacer.read(stages.get(i), placed.get(i).windowId(), placed.get(i).panels()));
            }
        }
        if (windows.isEmpty()) {
            return false; // closed already: the layout was saved then; never overwrite it with nothing
        }
        java.util.Map<String, String> panelState = new java.util.HashMap<>();
        walls.forEach((windowId, wall) -> wall.saveState().forEach((k, v) -> panelState.put(wallKey(windowId) + k, v)));
        return layouts.save(user.username(), new WorkspaceLayout(windows, boardModel.filterProperty().get().toMap(),
                panelState));
    }

    void report() {
        // Without a point picked on the map (Ctrl+N), a new incident starts in the middle of the
        // hub's units: on whichever county this console follows, not only the demo's.
        double lat = state.units().values().stream().mapToDouble(u -> u.latitude()).average().orElse(0);
        double lon = state.units().values().stream().mapToDouble(u -> u.longitude()).average().orElse(0);
        reportAt(lat, lon);
    }

    /** Takes in an incident at a point (the map's right click, or the middle of the units). */
    void reportAt(double lat, double lon) {
        if (user.role().mayReport()) {
            new ReportIncidentDialogView(new ReportIncidentDialogViewModel(client,
                    new commandroom.app.connection.AddressClient(session, background), lat, lon), stage).showAndWait();
        }
    }

    void dispatch() {
        dispatch(board.selectedIncidentProperty().get());
    }

    /** Dispatches units to an incident (the board's selected one, or the one picked on the map). */
    void dispatch(commandroom.app.model.IncidentItem incident) {
        if (!user.role().mayDispatch() || incident == null) {
            return;
        }
        new DispatchDialogView(new DispatchDialogViewModel(incident, state.units().values(), travel, client), stage).showAndWait();
    }

    void reassign() {
        var task = board.selectedTaskProperty().get();
        if (user.role().mayDispatch() && task != null && task.stage().isOpen()) {
            TaskActionsView.reassign(task, state.incidents().get(task.incidentId()), state.units().values(), travel,
                    client, stage,
                    () -> state.tasks().get(task.id()));
        }
    }

    void broadcast() {
        if (user.role().mayDispatch()) {
            ZoneBroadcastView.show(state.zones().values(), state.units().values(), client, stage);
        }
    }

    /** The shift handover: hand over (with the cameras this console's walls see offline), or take over. */
    void handover() {
        if (user.role().mayReport()) {
            HandoverView.show(new ShiftClient(session, background), user.username(), state.camerasOffline().keySet(),
                    id -> state.cameras().containsKey(id) ? state.cameras().get(id).name() : id,
                    id -> state.zones().containsKey(id) ? state.zones().get(id).name() : id, stage);
        }
    }

    void cancelTask() {
        var task = board.selectedTaskProperty().get();
        if (user.role().mayDispatch() && task != null && task.stage().isOpen()) {
            TaskActionsView.cancel(task, client, stage, () -> state.tasks().get(task.id()));
        }
    }

    /** Opens the case file of the selected card's incident (also Enter or double-click on a card). */
    public void openCaseFile() {
        var incident = board.selectedIncidentProperty().get();
        if (incident != null) {
            new CaseFileView(client, incident.id(), stage, user.role().mayLink() && session.followsCounty()
                    ? new LinkageClient(session, background)::handUp : null).show();
        }
    }

    public ConsoleState state() {
        return state;
    }

    public UserProfile user() {
        return user;
    }

    public CommandClient client() {
        return client;
    }

    public BoardView board() {
        return board;
    }

    /** All windows of this console. */
    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    /** Saves the layout, stops following the hub, logs out and closes every window. */
    @Override
    public void close() {
        if (!stages.isEmpty()) {
            saveLayout();
        }
        // The walls first, while the session lasts: a camera under PTZ control is let go on the hub.
        walls.values().forEach(WallPanel::close);
        if (cameras != null) {
            cameras.close();
        }
        feed.close();
        background.shutdownNow();
        session.close();
        maps.forEach(MapView::close);
        if (video != null) {
            video.close();
        }
        stages.forEach(Stage::close);
    }
}
