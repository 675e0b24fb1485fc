package commandroom.app.wall;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;

/**
 * The workstation's video machinery, one for all its walls: the libVLC instance, the control
 * thread on which players are started, stopped and released (those calls may block, and must
 * never run on the FX thread or a libVLC callback), and the health tick that reads every tile's
 * counters. Thread-safe.
 */
public final class VideoRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoRuntime.class);
    /** libVLC options for tiles: no on-screen text of its own, no snapshot preview. */
    private static final String[] VLC_ARGS = {"--no-osd", "--no-snapshot-preview", "--no-video-title-show",
            "--no-audio", "--quiet"};
    static final long HEALTH_PERIOD_MS = 250;

    private final MediaPlayerFactory vlc;
    private final String problem;
    private final boolean vlcHasRtsp;
    private final FramePool frames = new FramePool();
    /** Each tile keeps its camera's last 30 s unless told otherwise. */
    private volatile long ringMillis = 30_000;
    private volatile int replaySeconds = 15;
    /** Made on the FX thread at first use; used there only. */
    private WallBudget budget;
    private volatile boolean closed;
    private final ExecutorService control = Executors.newSingleThreadExecutor(daemon("wall-control"));
    private final ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor(daemon("wall-health"));

    /** The problem when libVLC is not installed at all (rather than installed and failing). */
    static final String NOT_FOUND = "libVLC not found";

    private VideoRuntime(MediaPlayerFactory vlc, String problem) {
        this.vlc = vlc;
        this.problem = problem;
        this.vlcHasRtsp = vlc != null && LibVlcPlugins.has("liblive555_plugin");
        if (vlc != null && !vlcHasRtsp) {
            LOG.info("libVLC has no RTSP (no live555 plugin): RTSP cameras play through FFmpeg");
        }
    }

    /** Finds libVLC; without it the runtime still starts and says what is missing. */
    public static VideoRuntime start() {
        return start(() -> VlcLocator.mayHaveLibVlc() && new NativeDiscovery().discover());
    }

    /**
     * The same, with the search for libVLC given: {@code start(() -> false)} is a workstation
     * where libVLC is not installed (vlcj remembers a library once found, for the whole JVM, so a
     * test cannot hide it otherwise).
     */
    public static VideoRuntime start(java.util.function.BooleanSupplier findVlc) {
        try {
            if (!findVlc.getAsBoolean()) {
                LOG.warn("libVLC not found: every camera plays through FFmpeg");
                return new VideoRuntime(null, NOT_FOUND);
            }
            return new VideoRuntime(new MediaPlayerFactory(VLC_ARGS), null);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("libVLC could not be loaded", e);
            return new VideoRuntime(null, "libVLC could not be loaded: " + e.getMessage());
        }
    }

    /** Why libVLC cannot play (every stream then goes through FFmpeg), if it cannot. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** True when libVLC is not installed (as opposed to installed but failing to load). */
    public boolean vlcMissing() {
        return NOT_FOUND.equals(problem);
    }

    /**
     * A decoder for a stream: libVLC for what it can open, FFmpeg for RTSP when libVLC has no RTSP
     * (Debian's has no live555) and for everything when libVLC is missing.
     */
    VideoSource newSource(String url) {
        if (closed) {
            // libVLC is freed: a player made now would crash the JVM, not just fail.
            throw new IllegalStateException("the video runtime is closed");
        }
        return byVlc(url) ? new VlcVideoSource(vlc, frames) : new FfmpegVideoSource(frames);
    }

    /** How many milliseconds of each tile's camera its ring keeps (0: no ring). */
    long ringMillis() {
        return ringMillis;
    }

    /** Keeps this many seconds of each tile's camera for replay; 0 turns the rings off. Before tiles are made. */
    public VideoRuntime keepSeconds(int seconds) {
        ringMillis = seconds * 1000L;
        return this;
    }

    /** How many seconds 回放 goes back (at most what the ring keeps). */
    int replaySeconds() {
        return (int) Math.min(replaySeconds, ringMillis / 1000);
    }

    /** Sets how many seconds 回放 goes back. */
    public VideoRuntime replaySeconds(int seconds) {
        replaySeconds = seconds;
        return this;
    }

    /** A player of a replayed slice, into a picture of this workstation's pool. */
    ReplaySource newReplay(long durationMillis) {
        if (closed) {
            throw new IllegalStateException("the video runtime is closed");
        }
        return new ReplaySource(frames, durationMillis);
    }

    /** Whether a source made for another stream can play this one too (the same decoder would). */
    boolean suits(VideoSource source, String url) {
        return source instanceof VlcVideoSource == byVlc(url);
    }

    private boolean byVlc(String url) {
        boolean rtsp = url != null && url.startsWith("rtsp:");
        return vlc != null && (!rtsp || vlcHasRtsp);
    }

    /** The paint budget all walls of this workstation share. FX thread. */
    WallBudget budget() {
        if (budget == null) {
            budget = new WallBudget();
        }
        return budget;
    }

    /** Runs a player control call off the FX thread, in order with the others. */
    void control(Runnable r) {
        control.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("video control call failed", e);
            }
        });
    }

    /** Waits until the control calls queued so far have run (for tests and orderly shutdown). */
    void awaitControl() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        control.execute(done::countDown);
        done.await();
    }

    /** Calls the tick every health period on the health thread, until the answer is closed or the runtime is. */
    AutoCloseable everyHealthTick(Runnable tick) {
        java.util.concurrent.ScheduledFuture<?> task = health.scheduleWithFixedDelay(() -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                LOG.warn("wall health tick failed", e);
            }
        }, HEALTH_PERIOD_MS, HEALTH_PERIOD_MS, TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    /** Waits for the control calls queued so far (players released) and frees libVLC. */
    @Override
    public void close() {
        closed = true;
        health.shutdownNow();
        control.shutdown();
        try {
            control.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (vlc != null) {
            vlc.release();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
