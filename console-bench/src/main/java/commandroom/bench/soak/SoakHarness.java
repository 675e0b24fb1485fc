package commandroom.bench.soak;

import commandroom.bench.BenchCounty;
import commandroom.bench.DatabaseTarget;
import commandroom.bench.HarnessOutput;
import commandroom.bench.Pacer;
import commandroom.bench.MachineLoad;
import commandroom.bench.ScratchDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A soak of the hub: the hub in its own process (H2 or PostgreSQL), N protocol-level consoles and M
 * field units connected for the whole run, one real console (console-app, headless) beside them, and
 * the shift leader dispatching at a steady R per second for T minutes, cut into windows. Each window
 * reports the dispatch answer, dispatch → every console and → unit latencies, what went missing,
 * errors, and the resident memory of the hub, the real console and the harness; at the end, RSS
 * growth from the end of the first window to the end of the last against the 10 % target, and
 * whether p99 stayed within 2× the first window's. Prints a markdown report and appends it to --out.
 * Usage: see {@link SoakOptions#USAGE}. Runs on the calling thread.
 */
public final class SoakHarness {

    private static final Logger LOG = Logger.getLogger(SoakHarness.class.getName());
    /** Access tokens live 15 minutes; renewed every 5, or every window if shorter (so a short run renews too). */
    private static final long TOKEN_REFRESH_SECONDS = 300;
    private static final long SAMPLE_SECONDS = 5;

    private SoakHarness() {}

    public static void main(String[] args) throws Exception {
        // The clients' INFO lines would drown the figures; the soak's own progress lines stay.
        Logger.getLogger("").setLevel(Level.WARNING);
        LOG.setLevel(Level.INFO);
        SoakOptions options = SoakOptions.parse(args);
        HarnessOutput.emit(run(options).toMarkdown(), options.out());
    }

    /** Runs the soak in a scratch directory (removed afterwards) and returns what it measured. */
    public static SoakReport run(SoakOptions o) throws Exception {
        OffsetDateTime started = OffsetDateTime.now();
        long t0 = System.nanoTime();
        double loadBefore = MachineLoad.now();
        Path work = Files.createTempDirectory("commandroom-soak");
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "soak-timer");
            t.setDaemon(true);
            return t;
        });
        try (DatabaseTarget db = o.db().equals("postgres")
                ? DatabaseTarget.freshPostgres(o.pgUrl(), o.pgUser(), o.pgPassword()) : DatabaseTarget.h2();
             SoakHub hub = SoakHub.start(work.resolve("hub"), o, db);
             SoakClients clients = new SoakClients(o, hub.certificate(), hub.port(), o.windows())) {
            LOG.info(() -> "hub up (" + db.label() + "), logging in " + (o.consoles() + o.units() + 2) + " users");
            clients.connect();
            RealConsole console = o.realConsole() ? RealConsole.start(work.resolve("console"), hub.port(),
                    hub.certificate(), BenchCounty.console(o.consoles()), BenchCounty.PASSWORD) : null;
            try {
                long self = ProcessHandle.current().pid();
                Memory memory = new Memory(hub, console, self);
                timers.scheduleAtFixedRate(memory::sample, SAMPLE_SECONDS, SAMPLE_SECONDS, TimeUnit.SECONDS);
                long renew = Math.max(1, Math.min(TOKEN_REFRESH_SECONDS, (long) (o.windowMinutes() * 60)));
                timers.scheduleAtFixedRate(() -> refresh(clients), renew, renew, TimeUnit.SECONDS);
                int offset = warmUp(o, clients);
                double setup = (System.nanoTime() - t0) / 1e9;
                LOG.info(() -> String.format("set up and warmed up in %.0f s; %d windows follow", setup, o.windows()));
                List<SoakReport.Window> windows = new ArrayList<>();
                for (int n = 1; n <= o.windows(); n++) {
                    SoakWindow w = new SoakWindow(n, offset, o.dispatchesIn(n - 1), o.consoles(), o.units());
                    windows.add(runWindow(o, clients, w, memory));
                    offset += w.count;
                    SoakReport.Window done = windows.get(windows.size() - 1);
                    LOG.info(() -> "window " + done.number() + ": " + done.row());
                }
                return new SoakReport(o, started, setup, List.copyOf(windows), clients.progressReports.get(),
                        console != null ? "one real console (console-app, headless Monocle, no -Xmx)"
                                : "no real console was started (--no-real-console): n/a",
                        loadBefore, MachineLoad.now());
            } finally {
                if (console != null) {
                    console.close();
                }
            }
        } finally {
            timers.shutdownNow();
            ScratchDir.delete(work);
        }
    }

    /** Window 0: unmeasured dispatches at 10× the rate, so the JIT has seen the path; returns the next offset. */
    private static int warmUp(SoakOptions o, SoakClients clients) throws InterruptedException {
        if (o.warmUp() == 0) {
            return 0;
        }
        SoakWindow w = new SoakWindow(0, 0, o.warmUp(), o.consoles(), o.units());
        clients.open(w);
        Pacer.atRate(w.count, Math.max(50, o.rate() * 10), i -> clients.dispatch(w, i));
        if (!w.awaitComplete(300)) {
            throw new IllegalStateException("the warm-up dispatches did not reach every console and unit within 300 s");
        }
        return w.count;
    }

    private static SoakReport.Window runWindow(SoakOptions o, SoakClients clients, SoakWindow w, Memory memory)
            throws InterruptedException {
        clients.open(w);
        long errorsBefore = errors(clients);
        long hubStart = memory.hub();
        long consoleStart = memory.console();
        memory.resetMax();
        long start = System.nanoTime();
        Pacer.atRate(w.count, o.rate(), i -> clients.dispatch(w, i));
        w.awaitComplete(60);
        double seconds = (System.nanoTime() - start) / 1e9;
        var consoles = w.atConsoles.window();
        var units = w.atUnits.window();
        long hubEnd = memory.hub();
        return new SoakReport.Window(w.number, seconds, w.count, w.ack.summary(), w.atConsoles.perDelivery(),
                w.atConsoles.toLast(), w.atUnits.perDelivery(), consoles.missing() + units.missing(),
                consoles.extra() + units.extra(), errors(clients) - errorsBefore, hubStart, hubEnd,
                Math.max(hubEnd, memory.hubMax.get()), consoleStart, memory.console(), memory.self(), MachineLoad.now());
    }

    private static long errors(SoakClients c) {
        return c.dispatchErrors.get() + c.progressErrors.get() + c.streamErrors.get() + c.gaps.get() + c.tokenFailures();
    }

    private static void refresh(SoakClients clients) {
        try {
            clients.refreshTokens();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "refreshing the tokens failed", e);
        }
    }

    /** Resident sets of the hub, the real console and this JVM; the hub's highest since the last reset. */
    private static final class Memory {
        final AtomicLong hubMax = new AtomicLong();
        private final SoakHub hub;
        private final RealConsole console;
        private final long self;

        Memory(SoakHub hub, RealConsole console, long self) {
            this.hub = hub;
            this.console = console;
            this.self = self;
        }

        long hub() {
            return hub.rssKib();
        }

        long console() {
            return console == null ? -1 : console.rssKib();
        }

        long self() {
            return ProcessMemory.rssKib(self);
        }

        void resetMax() {
            hubMax.set(hub());
        }

        void sample() {
            hubMax.accumulateAndGet(hub(), Math::max);
        }
    }
}
