package commandroom.app;

import commandroom.app.connection.HubAddress;
import commandroom.app.connection.HubSession;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.embedded.DemoBaseMap;
import commandroom.app.map.google.GoogleMapsSettings;
import commandroom.app.map.tiles.TileSource;
import commandroom.app.map.tiles.TileSources;
import commandroom.app.ui.Messages;
import commandroom.app.ui.Theme;
import commandroom.app.workspace.FirstStartWindow;
import commandroom.app.workspace.LoginView;
import commandroom.app.workspace.Workstation;
import commandroom.app.workspace.layout.DefaultLayouts;
import commandroom.app.workspace.layout.Panels;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the console. By default the embedded default: a hub over the demo county with simulated
 * field units, and the workstation logged in as the shift leader (--user chief1 for the chief,
 * duty1 for a duty officer). --server HOST:PORT --cert FILE connects to a hub elsewhere: the log-in
 * window asks for the password, or --password-file FILE gives it (never the command line itself).
 * --no-ui runs the whole simulated county without a window and prints each loop as it closes.
 */
public final class Launcher {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Launcher.class);

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        if (o.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        Path log = ConsoleLog.start(Options.logDir());
        LOG.info("console starting: {}, log {}", o.server() == null ? "embedded hub in " + o.data() : "hub " + o.server(), log);
        if (o.language() != null) {
            Messages.use(Locale.forLanguageTag(o.language()));
        }
        // Read first: a wrong file is said before anything starts.
        String filePassword = o.passwordFile() != null ? password(o.passwordFile()) : null;
        // The toolkit (GTK, JavaFX's classes, the theme) starts beside the hub and the log-in (TLS,
        // gRPC's classes): each takes a few hundred milliseconds of a cold start.
        CompletableFuture<Void> toolkit = o.noUi() ? null : startToolkit();
        // Standard output is this command's interface: the start line, and loops with --no-ui.
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        EmbeddedDefault embedded = null;
        try {
            if (o.server() == null) {
                EmbeddedDefault.Room room = o.noUi() ? EmbeddedDefault.Room.SIMULATED : EmbeddedDefault.Room.LIVING;
                FirstStartWindow first = null;
                boolean history = !o.noHistory() && EmbeddedDefault.writesHistory(o.data(), room);
                if (history) {
                    out.println("first start: writing the station's last two years into " + o.data()
                            + " (about a minute, once)");
                    toolkit.join();
                    first = FirstStartWindow.show();
                }
                FirstStartWindow shown = first;
                embedded = EmbeddedDefault.start(o.data(), o.port(), o.speed(), o.noUi() ? out : null, room,
                        o.callsPerHour(), shown == null ? null : shown::progress);
                if (shown != null) {
                    shown.close();
                }
            }
        } catch (RuntimeException e) {
            stop(toolkit);
            throw e;
        }
        TileSource baseMap = o.noUi() ? null : baseMap(o, embedded != null, out);
        try {
            List<HubAddress> hub = embedded != null ? List.of(new HubAddress("127.0.0.1", embedded.port()))
                    : HubAddress.parseList(o.server());
            Path cert = embedded != null ? embedded.certificate() : o.cert();
            out.println("hub " + hub.stream().map(HubAddress::toString).collect(Collectors.joining(","))
                    + " (TLS, certificate " + cert + ")");
            if (o.noUi()) {
                new CountDownLatch(1).await(o.minutes() > 0 ? (long) (o.minutes() * 60_000) : Long.MAX_VALUE,
                        TimeUnit.MILLISECONDS);
                return;
            }
            CountDownLatch closed = new CountDownLatch(1);
            Consumer<HubSession> open = session -> {
                Workstation w = new Workstation(session, Clock.systemDefaultZone(), Options.layoutDir());
                if (baseMap != null) {
                    w.useBaseMap(baseMap);
                }
                if (o.google()) {
                    w.useGoogleMaps(GoogleMapsSettings.withKey(o.googleKey()));
                }
                w.show(new Stage());
                // Said at the first pulse that lays the window out, whose frame is painted next:
                // what "ready" means to the officer in front of it.
                javafx.scene.Scene scene = w.stages().get(0).getScene();
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    out.println("console ready: " + w.stages().size() + " window(s)");
                    LOG.info("console ready {} ms after the process started", sinceStart());
                };
                scene.addPostLayoutPulseListener(once[0]);
                // Closing any of the console's windows ends the console (the layout is already saved).
                for (Stage s : w.stages()) {
                    s.setOnCloseRequest(e -> {
                        w.close();
                        closed.countDown();
                    });
                }
            };
            if (embedded != null || filePassword != null) {
                // The embedded default (and a scripted start, with a password file) logs straight in.
                String password = filePassword != null ? filePassword : EmbeddedDefault.demoPassword();
                HubSession session = HubSession.open(hub, cert, o.user(), password);
                if (embedded != null) {
                    session.logInAgainAsTheDemo(password);
                }
                if (embedded != null && DefaultLayouts.panelsOf(session.user().role().name()).contains(Panels.WALL)) {
                    // The demo's first cameras stream for a console whose user watches the wall.
                    // The wall's first four, and the cameras the units wear and the drone carries.
                    embedded.startCameraStreams(4, 704, 576, true);
                }
                toolkit.join();
                Platform.runLater(() -> open.accept(session));
            } else {
                toolkit.join();
                Platform.runLater(() -> {
                    Stage login = new Stage();
                    login.setOnCloseRequest(e -> closed.countDown());
                    new LoginView(login, o.server(), cert, o.userGiven() ? o.user() : "", session -> {
                        login.hide();
                        open.accept(session);
                    });
                });
            }
            closed.await();
            Platform.exit();
        } catch (RuntimeException | InterruptedException e) {
            stop(toolkit);
            throw e;
        } finally {
            if (baseMap != null) {
                baseMap.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** The password in its file; a file others can read is said in the log (it still logs in). */
    private static String password(Path file) {
        String password = Options.readPassword(file);
        if (Options.readableByOthers(file)) {
            LOG.warn("the password file {} can be read by other users: make it readable by its owner only (chmod 600)",
                    file);
        }
        return password;
    }

    /** Starts JavaFX and installs the theme, on a thread of its own; done when the theme is in. */
    private static CompletableFuture<Void> startToolkit() {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Platform.startup(() -> {
                    Theme.install();
                    ready.complete(null);
                });
            } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
            }
        }, "toolkit-start");
        t.setDaemon(true);
        t.start();
        return ready;
    }

    /** A started toolkit keeps the JVM alive: stopped once it is up, so that a failure ends the process. */
    private static void stop(CompletableFuture<Void> toolkit) {
        if (toolkit != null) {
            toolkit.handle((v, error) -> null).join();
            Platform.exit();
        }
    }

    private static long sinceStart() {
        return ProcessHandle.current().info().startInstant()
                .map(i -> java.time.Duration.between(i, java.time.Instant.now()).toMillis()).orElse(-1L);
    }

    /**
     * The base map asked for, the demo county's with the embedded hub, or none. One that cannot be
     * opened is said on the console's output and the map goes on without it: a console without a
     * base map still shows every unit and incident.
     */
    private static TileSource baseMap(Options o, boolean embedded, PrintStream out) {
        try {
            if (o.baseMap() != null) {
                return TileSources.open(o.baseMap(), Options.cacheDir().resolve("tiles"));
            }
            return embedded ? DemoBaseMap.open(o.data()) : null;
        } catch (IOException | IllegalArgumentException e) {
            out.println("base map not used: " + e.getMessage());
            return null;
        }
    }
}
