package commandroom.app.wall;

import commandroom.app.ui.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One tile of the wall: the camera's picture, its name, and what its stream is doing (connecting,
 * live, stalled, offline since hh:mm:ss), with the decoder it uses. It picks the sub-stream while
 * small and the main stream once it is wide, and plays again at its new size when it grows or
 * shrinks by much; a main stream that goes offline gives way to the sub-stream (a big picture of
 * the sub-stream beats a black one), until another camera is shown. A stream the current decoder
 * cannot open (RTSP on a libVLC without it) gets the other decoder. A camera source's camera may
 * play a stretch of its recordings instead, until it is put back live. Style classes: video-tile,
 * tile-name, tile-state, tile-tools (the buttons top right); pseudo-classes :live, :stalled,
 * :offline, :connecting, and :alarm for a tile of the alarm group.
 *
 * <p>FX thread, except {@link #healthTick}, which the wall's health thread calls. Players are
 * driven on the runtime's control thread only.
 */
public final class VideoTile extends StackPane {

    /** From this width on screen a tile plays the camera's main stream. */
    static final double MAIN_STREAM_WIDTH = 960;
    private static final double REPLAY_GROWTH = 1.3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final VideoRuntime runtime;
    private final ImageView picture = new ImageView();
    private final Label name = new Label();
    private final Label state = new Label();
    /** The current camera's health: a new camera starts connecting, whatever the last one did. */
    private volatile TileHealth health = new TileHealth();
    private volatile VideoSource source;
    private volatile WallCamera camera;
    private volatile TileHealth.Reading reading;
    private volatile String playingUrl;
    private volatile int boxWidth;
    private volatile int boxHeight;
    private TileHealth.Reading shownReading;
    /** Told each camera's state as it is shown: offline since when, or null when live. */
    private java.util.function.BiConsumer<String, Instant> onHealth = (id, since) -> { };
    /** The picture on screen: a new size's frame replaces it only once it holds a picture. */
    private volatile TileFrame shownFrame;
    private long presented;
    private boolean hasPicture;
    private int paintInterval = PaintBudget.FULL;
    private CameraAddresses addresses = CameraAddresses.NONE;
    private java.util.function.Consumer<VideoTile> onShown = t -> { };
    /** The hub's watch of the camera shown, for a camera a camera source keeps; null otherwise. */
    private AutoCloseable watch;
    /** The camera as it was put on the tile: for a camera source's, without addresses yet. */
    private WallCamera shown;
    /** Each camera shown and each recording played is a turn: answers of a turn gone by are dropped. */
    private Object turn = new Object();
    /** Where the recording the tile plays begins; null while it plays the camera live. */
    private Instant recordingFrom;
    /** Buttons over the picture, top right (云台, 录像), added by the wall's helpers. */
    private final HBox tools = new HBox();
    /** Held back by the paint budget: no decoding, no health readings (it is not offline). */
    private volatile boolean paused;
    private boolean alarm;
    /** The main stream went offline: this camera plays its sub-stream, whatever the tile's size. */
    private volatile boolean mainDown;
    /** The camera's last seconds, recorded beside the decoder without decoding. */
    private final RingRecorder ring;
    /** While the tile replays: the replay, else null. The live decoder is stopped meanwhile. */
    private volatile ReplaySource replaying;
    private final TileReplay replay;
    private final VBox labels;
    /** Frames the live decoder had decoded before a replay ended; none of those is shown again. */
    private volatile long staleUpTo = -1;
    /** Until when (System.nanoTime) the state line says why a replay could not begin. */
    private long sayingUntil;

    VideoTile(VideoRuntime runtime) {
        this.runtime = runtime;
        this.ring = new RingRecorder(new PacketRing(runtime.ringMillis()), () -> isLive() || replaying != null);
        getStyleClass().add("video-tile");
        name.getStyleClass().add("tile-name");
        state.getStyleClass().add("tile-state");
        picture.setPreserveRatio(true);
        picture.setSmooth(false);
        labels = new VBox(name, state);
        // Bottom left: the top left is where a camera burns in its own name and clock.
        labels.setAlignment(Pos.BOTTOM_LEFT);
        labels.setMouseTransparent(true);
        tools.getStyleClass().add("tile-tools");
        tools.setAlignment(Pos.TOP_RIGHT);
        tools.setPickOnBounds(false);
        tools.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(tools, Pos.TOP_RIGHT);
        replay = new TileReplay(this);
        getChildren().addAll(picture, labels, tools, replay);
        setMinSize(0, 0);
    }

    /** Shows a camera (null: none), releasing the player of the one before. */
    public void show(WallCamera c) {
        showCamera(c);
        onShown.accept(this);
    }

    /** Told after the tile shows another camera (the PTZ bar follows the camera). FX thread. */
    void setOnShown(java.util.function.Consumer<VideoTile> onShown) {
        this.onShown = onShown;
    }

    private void showCamera(WallCamera c) {
        shown = c;
        recordingFrom = null;
        Object mine = startTurn(c);
        if (c != null && c.needsAddresses()) {
            // The platform invites the device only now, which takes a second or two.
            state.setText(Messages.get("wall.state.ASKING"));
            watch = addresses.watch(c.id(), urls -> Platform.runLater(() -> {
                if (turn == mine) {
                    play(c.at(urls.main(), urls.sub()));
                }
            }), problem -> Platform.runLater(() -> {
                if (turn == mine) {
                    state.setText(Messages.get("wall.state.REFUSED", problem));
                }
            }));
        } else if (c != null) {
            play(c);
        }
    }

    /**
     * Plays a stretch [start, end) of the shown camera's recordings instead of its live stream,
     * until {@link #backToLive} or another camera; the state line says from when. FX thread.
     */
    void playRecording(CameraRecordings recordings, Instant start, Instant end) {
        WallCamera c = shown;
        if (c == null) {
            return;
        }
        Object mine = startTurn(c);
        recordingFrom = start;
        state.setText(Messages.get("wall.recording.asking", TIME.format(start)));
        watch = recordings.watch(c.id(), start, end, urls -> Platform.runLater(() -> {
            if (turn == mine) {
                play(c.at(urls.main(), urls.sub()));
            }
        }), problem -> Platform.runLater(() -> {
            if (turn == mine) {
                state.setText(Messages.get("wall.recording.refused", problem));
            }
        }));
    }

    /** Plays the camera live again after a recording. FX thread. */
    void backToLive() {
        if (recordingFrom != null) {
            show(shown);
        }
    }

    /** Where the recording the tile plays begins, or null while it plays live. FX thread. */
    Instant recordingFrom() {
        return recordingFrom;
    }

    /** The buttons over the picture, top right. FX thread. */
    javafx.collections.ObservableList<javafx.scene.Node> tools() {
        return tools.getChildren();
    }

    /** Ends what the tile played and readies it for a camera (null: none); answers the new turn. */
    private Object startTurn(WallCamera c) {
        endReplay();
        Object mine = new Object();
        turn = mine;
        staleUpTo = -1;
        VideoSource old = source;
        endWatch();
        camera = c;
        source = null;
        // A camera someone just put here is shown in full; the budget holds it back again if need be.
        paused = false;
        paintInterval = PaintBudget.FULL;
        health = new TileHealth();
        reading = null;
        playingUrl = null;
        mainDown = false;
        shownFrame = null;
        hasPicture = false;
        shownReading = null;
        picture.setImage(null);
        name.setText(c == null ? "" : c.name());
        if (old != null) {
            runtime.control(old::release);
        }
        ring.stop();
        return mine;
    }

    private void play(WallCamera c) {
        camera = c;
        source = runtime.newSource(c.urlFor(getWidth()));
        state.setText(recordingPrefix() + Messages.get("wall.state.CONNECTING") + "  ·  " + source.decoder());
        restartPlayer();
    }

    /** What the state line begins with while the tile plays a recording: from when. */
    private String recordingPrefix() {
        return recordingFrom == null ? "" : Messages.get("wall.recording.from", TIME.format(recordingFrom)) + "  ·  ";
    }

    /**
     * Replays the camera's last seconds in this tile, from its ring (which goes on recording): the
     * slice is written to a file in memory and played with pause, seek and ×2 in place of the live
     * picture. Returns why not, or empty when it began. FX thread.
     */
    Optional<String> startReplay(int seconds) {
        WallCamera c = camera;
        if (c == null) {
            return Optional.of(Messages.get("wall.replay.noCamera"));
        }
        if (ring.url() == null) {
            return Optional.of(Messages.get("wall.replay.notRecorded"));
        }
        long now = System.currentTimeMillis();
        Optional<PacketRing.Slice> slice = ring.ring().slice(now - seconds * 1000L, now);
        if (slice.isEmpty()) {
            return Optional.of(Messages.get("wall.replay.empty"));
        }
        endReplay();
        PacketRing.Slice sl = slice.get();
        ReplaySource r = runtime.newReplay(sl.toMillis() - sl.fromMillis());
        VideoSource live = source;
        replaying = r;
        paintInterval = PaintBudget.FULL;
        paused = false;
        source = r;
        int w = (int) Math.max(320, getWidth());
        int h = (int) Math.max(180, getHeight());
        java.nio.file.Path file = ClipWriter.scratch().resolve("commandroom-replay-" + ProcessHandle.current().pid()
                + "-" + System.identityHashCode(this) + ".ts");
        replayView().begin(r, sl, live, file);
        // The live decoder goes on, unseen: back to live is then its next picture (a camera takes
        // a second or two to connect again), for one tile's decoding while the replay lasts.
        runtime.control(() -> {
            try {
                ClipWriter.write(sl, file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (replaying == r) {
                r.play(file.toString(), w, h);
            }
        });
        return Optional.empty();
    }

    /** Replays the last seconds, or says on the tile why it cannot. FX thread. */
    void replayOrSay() {
        startReplay(replaySeconds()).ifPresent(why -> {
            state.setText(why);
            // Said for a few seconds before the stream's state takes the line again.
            sayingUntil = System.nanoTime() + 5_000_000_000L;
            shownReading = null;
        });
    }

    /** Replays the last seconds as 回放 does; empty when it began, else why not. FX thread. */
    public Optional<String> replayLast() {
        return startReplay(replaySeconds());
    }

    /** When the replay's first picture was decoded (System.nanoTime); 0 before it or when live. Any thread. */
    public long replayFirstPictureNanos() {
        ReplaySource r = replaying;
        return r == null ? 0 : r.firstPictureNanos();
    }

    /** Bytes the tile's ring holds (its memory, near enough). Any thread. */
    public long ringBytes() {
        return ring.ring().bytes();
    }

    /** How far back the tile's ring reaches, in ms. Any thread. */
    public long ringReachMillis() {
        return ring.ring().reachMillis();
    }

    /** Back to live (nothing when not replaying). FX thread. */
    public void endReplay() {
        ReplaySource r = replaying;
        if (r == null) {
            return;
        }
        replaying = null;
        TileReplay view = replayView();
        VideoSource live = view.live();
        java.nio.file.Path file = view.file();
        view.end();
        // The live decoder's picture is from before the replay: the replay's last one stays until
        // the live decoder has a new one.
        staleUpTo = live == null ? -1 : live.framesDecoded();
        source = live;
        shownReading = null;
        runtime.control(() -> {
            r.release();
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                // /dev/shm or the temp dir: the next replay of this tile writes over it anyway.
            }
        });
        // The live decoder went on; a tile that grew or shrank meanwhile plays at its new size.
        requestLayout();
    }

    /** Whether the tile replays (rather than shows live). Any thread. */
    public boolean replaying() {
        return replaying != null;
    }

    /** The replay on this tile, for its controls; null when live. */
    ReplaySource replay() {
        return replaying;
    }

    /** The camera's ring (how far back it reaches, what it holds). */
    PacketRing ring() {
        return ring.ring();
    }

    /** Whether the camera shown is recorded for replay. FX thread. */
    boolean recorded() {
        return ring.url() != null;
    }

    /** The tile's replay controls. */
    TileReplay replayView() {
        return replay;
    }

    void showLabels(boolean on) {
        labels.setVisible(on);
    }

    /** How many seconds 回放 goes back. */
    int replaySeconds() {
        return runtime.replaySeconds();
    }

    /** Where this tile asks for the addresses of cameras a camera source keeps. FX thread. */
    void setAddresses(CameraAddresses addresses) {
        this.addresses = addresses;
    }

    private void endWatch() {
        AutoCloseable w = watch;
        watch = null;
        if (w != null) {
            try {
                w.close();
            } catch (Exception e) {
                // Ending a watch only cancels a call: nothing to report.
            }
        }
    }

    public WallCamera camera() {
        return camera;
    }

    /** The decoder this tile plays through ("libVLC" or "FFmpeg"), or empty with no camera. */
    public String decoder() {
        VideoSource s = source;
        return s == null ? "" : s.decoder();
    }

    /** What the stream is doing, as last read (null before the first reading). Any thread. */
    public TileHealth.Status status() {
        TileHealth.Reading r = reading;
        return r == null ? null : r.status();
    }

    /** Whether the stream was live at the last reading (frames decoded within the last second). Any thread. */
    public boolean isLive() {
        return status() == TileHealth.Status.LIVE;
    }

    /** The pixel at a fraction of the picture on screen, 0xAARRGGBB, or 0 with none. Any thread. */
    public int pixelAt(double fx, double fy) {
        TileFrame f = shownFrame;
        if (f == null) {
            return 0;
        }
        return f.argbAt((int) Math.min(f.width() - 1, fx * f.width()), (int) Math.min(f.height() - 1, fy * f.height()));
    }

    /**
     * What the tile shows now, to keep as evidence; empty before its camera's first picture, and
     * while it plays a recording (evidence is stamped with its moment, which a playback does not
     * tell to the second). FX thread.
     */
    public Optional<TilePicture> snapshot() {
        TileFrame f = shownFrame;
        WallCamera c = camera;
        if (f == null || c == null || !hasPicture || recordingFrom != null) {
            return Optional.empty();
        }
        return Optional.of(new TilePicture(c.id(), f.width(), f.height(), f.copyArgb(), Instant.now()));
    }

    /** Whether the current camera's picture has been shown at least once. FX thread. */
    boolean hasPicture() {
        return hasPicture;
    }

    /** New pictures handed to the scene since the tile was made (at most one a pulse). FX thread. */
    public long framesPresented() {
        return presented;
    }

    /** Frames decoded for this tile's current player. Any thread. */
    public long framesDecoded() {
        VideoSource s = source;
        return s == null ? 0 : s.framesDecoded();
    }

    /** Starts the player at the tile's current size, on the control thread. FX thread. */
    private void restartPlayer() {
        VideoSource s = source;
        WallCamera c = camera;
        if (s == null || c == null || replaying != null) {
            return;
        }
        int w = (int) Math.max(320, getWidth());
        int h = (int) Math.max(180, getHeight());
        String url = wantedUrl(c);
        if (!runtime.suits(s, url)) {
            VideoSource old = s;
            s = runtime.newSource(url);
            source = s;
            runtime.control(old::release);
        }
        boxWidth = w;
        boxHeight = h;
        playingUrl = url;
        record(url);
        TileHealth th = health;
        synchronized (th) {
            th.started(System.nanoTime());
        }
        restart(s, url, w, h);
    }

    /**
     * The ring records the stream the tile plays: another stream beside it would cost the camera a
     * session and the network a stream per tile (and the simulator an encode). Live only: a
     * platform's recording is kept already. A stream that cannot be opened twice is not recorded.
     */
    private void record(String url) {
        if (recordingFrom != null || runtime.ringMillis() <= 0 || !RingRecorder.recordable(url)) {
            ring.stop();
        } else if (!url.equals(ring.url())) {
            ring.start(url);
        }
    }

    /** Stops and plays the player again on the control thread, unless the tile has moved on. */
    private void restart(VideoSource s, String url, int w, int h) {
        runtime.control(() -> {
            if (source == s) {
                s.stop();
                s.play(url, w, h);
            }
        });
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        picture.setFitWidth(getWidth());
        picture.setFitHeight(getHeight());
        WallCamera c = camera;
        if (c != null && playingUrl != null && (!wantedUrl(c).equals(playingUrl)
                || getWidth() > boxWidth * REPLAY_GROWTH || getWidth() * REPLAY_GROWTH < boxWidth)) {
            restartPlayer();
        }
    }

    /** The stream this tile should play now: by its width, unless the main stream is down. */
    private String wantedUrl(WallCamera c) {
        return mainDown ? c.sub() : c.urlFor(getWidth());
    }

    /** Reads the counters and restarts a stream that stays dark. Health thread. */
    void healthTick(long nanos, Instant now) {
        VideoSource s = source;
        if (s == null || paused || replaying != null) {
            return;
        }
        TileHealth th = health;
        boolean retry;
        synchronized (th) {
            reading = th.observe(s.framesDecoded(), nanos, now);
            retry = th.retryDue(nanos);
            if (retry) {
                th.started(nanos);
            }
        }
        String url = playingUrl;
        WallCamera c = camera;
        if (retry && url != null && c != null && !url.equals(c.sub())) {
            mainDown = true; // the next pulse plays the sub-stream instead (replay is the FX thread's)
        } else if (retry && url != null) {
            restart(s, url, boxWidth, boxHeight);
        }
    }

    /**
     * How often this tile shows a new picture ({@link PaintBudget#FULL}, {@link PaintBudget#HALF},
     * {@link PaintBudget#PAUSED}); the state line says when it is held back. FX thread.
     */
    void setPaintInterval(int interval) {
        if (interval == paintInterval) {
            return;
        }
        boolean wasPaused = paintInterval == PaintBudget.PAUSED;
        paintInterval = interval;
        shownReading = null;
        // A paused tile stops its decoder too: painting is not all a tile costs, decoding is
        // most of it, and the FX thread needs the core back. Its last picture stays.
        VideoSource s = source;
        if (replaying != null) {
            return; // a replay is watched closely: the budget holds back the live tiles instead
        }
        if (interval == PaintBudget.PAUSED && s != null) {
            paused = true;
            runtime.control(() -> {
                if (source == s && paused) {
                    s.stop();
                }
            });
        } else if (wasPaused) {
            paused = false;
            restartPlayer();
        }
    }

    int paintInterval() {
        return paintInterval;
    }

    /** Whether the tile holds an alarm camera (those are held back last). FX thread. */
    public boolean inAlarm() {
        return alarm;
    }

    /** Shows the newest picture (when this pulse is one of the tile's) and state. FX thread, once a pulse. */
    void paint(long pulse) {
        WallCamera c = camera;
        if (mainDown && c != null && playingUrl != null && !playingUrl.equals(c.sub())) {
            restartPlayer();
        }
        VideoSource s = source;
        TileFrame f = s == null ? null : s.frame();
        boolean mine = paintInterval != PaintBudget.PAUSED && pulse % paintInterval == 0;
        if (staleUpTo >= 0 && s != null && s.framesDecoded() > staleUpTo) {
            staleUpTo = -1;
        }
        if (f != null && mine && f.written() && staleUpTo < 0) {
            if (f != shownFrame) {
                shownFrame = f;
                picture.setImage(f.image());
            }
            if (f.push()) {
                presented++;
                hasPicture = true;
            }
        }
        TileHealth.Reading r = reading;
        replay.refresh();
        if (replaying != null || System.nanoTime() < sayingUntil) {
            return;
        } else if (r != null && !r.equals(shownReading)) {
            shownReading = r;
            String held = (paintInterval == PaintBudget.FULL ? ""
                    : "  ·  " + Messages.get(paintInterval == PaintBudget.HALF ? "wall.halfRate" : "wall.paused"))
                    + (mainDown ? "  ·  " + Messages.get("wall.mainDown") : "");
            // A recording that plays is not "live": it says it plays.
            String status = recordingFrom != null && r.status() == TileHealth.Status.LIVE
                    ? Messages.get("wall.recording.playing") : Messages.get("wall.state." + r.status().name());
            state.setText(recordingPrefix() + (r.offlineSince() != null
                    ? Messages.get("wall.state.OFFLINE", TIME.format(r.offlineSince()))
                    : status + "  ·  " + decoder()) + held);
            for (TileHealth.Status st : TileHealth.Status.values()) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass(st.name().toLowerCase()), st == r.status());
            }
            WallCamera watched = camera;
            // A recording's state says nothing of the camera now.
            if (watched != null && recordingFrom == null
                    && (r.offlineSince() != null || r.status() == TileHealth.Status.LIVE)) {
                onHealth.accept(watched.id(), r.offlineSince());
            }
        }
    }

    /** Who hears of the camera's state when it changes on the tile (the console's camera registry). */
    void setOnHealth(java.util.function.BiConsumer<String, Instant> onHealth) {
        this.onHealth = onHealth;
    }

    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");

    /** Outlines the tile as part of the alarm group (cameras pushed there by a new incident). */
    void setAlarm(boolean on) {
        alarm = on;
        pseudoClassStateChanged(ALARM, on);
    }

    /** Releases the player (on the control thread). */
    void release() {
        show(null);
    }
}
