package commandroom.bench.wall;

import commandroom.app.ui.Messages;
import commandroom.app.wall.VideoRuntime;
import commandroom.app.wall.VideoTile;
import commandroom.app.wall.WallView;
import commandroom.bench.board.HeadlessFx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javafx.animation.AnimationTimer;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * The wall as {@link StreamChaosHarness} runs it: in a JVM of its own, so that a crash in libVLC
 * ends this process and the harness counts it. It opens the console's wall headless with one
 * tile per stream given on the command line and, from an animation timer (the FX thread, once a
 * pulse), tells the harness on standard output what each tile shows:
 * <ul>
 *   <li>{@code @S k STATE} — the state the tile shows changed (its pseudo-class: live, stalled,
 *       offline, connecting);</li>
 *   <li>{@code @M k} — the tile presents new pictures again after a still spell; {@code @Z k} — its
 *       picture has not changed for {@value #STILL_MILLIS} ms (a dead UDP source leaves libVLC
 *       repainting the last picture, so only the pixels tell);</li>
 *   <li>{@code @L k text} — the tile's state line changed; {@code @P k 1} / {@code @P k 0} — the paint
 *       budget started / stopped holding the tile back (the line says so; a held-back tile neither
 *       decodes nor reads its health);</li>
 *   <li>{@code @H n} — FX pulses in the last second; {@code @ready} once every camera is on its tile.</li>
 * </ul>
 * Closing its standard input ends it: it releases the wall and libVLC and exits 0.
 */
public final class ChaosWall {

    static final long STILL_MILLIS = 500;
    /** Where the picture is sampled: a 6x6 grid over the frame (the test pattern moves in most of it). */
    private static final int SAMPLES = 6;
    /** What the state line of a tile held back by the paint budget says. */
    private static final String HELD = Messages.get("wall.paused");
    private static final PseudoClass[] STATES = {PseudoClass.getPseudoClass("live"),
            PseudoClass.getPseudoClass("stalled"), PseudoClass.getPseudoClass("offline"),
            PseudoClass.getPseudoClass("connecting")};

    private ChaosWall() {}

    public static void main(String[] args) throws Exception {
        List<String> urls = Arrays.asList(args);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    out.println(lines.take());
                }
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "chaos-wall-writer");
        writer.setDaemon(true);
        writer.start();

        HeadlessWall.startToolkit();
        VideoRuntime runtime = VideoRuntime.start();
        if (runtime.problem().isPresent()) {
            out.println("@problem " + runtime.problem().get());
            System.exit(3);
        }
        WallView wall = HeadlessWall.open(runtime, HeadlessWall.gridFor(urls.size()));
        Watch watch = new Watch(wall.tiles().subList(0, urls.size()), lines);
        HeadlessFx.run(() -> {
            for (int k = 0; k < urls.size(); k++) {
                wall.show(k, HeadlessWall.camera(k, urls.get(k)));
            }
            watch.start();
        });
        lines.add("@ready");
        try {
            while (System.in.read() != -1) {
                // The harness writes nothing; end of input is the word to stop.
            }
        } catch (IOException gone) {
            // The harness is gone: stop as well.
        }
        HeadlessFx.run(watch::stop);
        HeadlessWall.close(wall);
        runtime.close();
        out.flush();
        System.exit(0);
    }

    /** Reads what each tile shows, once a pulse. FX thread. */
    private static final class Watch extends AnimationTimer {
        private final List<VideoTile> tiles;
        private final BlockingQueue<String> lines;
        private final String[] state;
        private final String[] text;
        private final int[] signature;
        private final long[] presented;
        private final long[] changedAt;
        private final boolean[] moving;
        private long secondStart;
        private int pulses;

        Watch(List<VideoTile> tiles, BlockingQueue<String> lines) {
            this.tiles = List.copyOf(tiles);
            this.lines = lines;
            int n = tiles.size();
            state = new String[n];
            text = new String[n];
            signature = new int[n];
            presented = new long[n];
            changedAt = new long[n];
            moving = new boolean[n];
        }

        @Override
        public void handle(long now) {
            long nanos = System.nanoTime();
            pulses++;
            if (secondStart == 0) {
                secondStart = nanos;
            } else if (nanos - secondStart >= 1_000_000_000L) {
                lines.add("@H " + pulses);
                pulses = 0;
                secondStart = nanos;
            }
            for (int k = 0; k < tiles.size(); k++) {
                VideoTile t = tiles.get(k);
                String s = shownState(t);
                if (!s.equals(state[k])) {
                    state[k] = s;
                    lines.add("@S " + k + " " + s);
                }
                Label line = (Label) t.lookup(".tile-state");
                String l = line == null ? "" : line.getText();
                if (!l.equals(text[k])) {
                    boolean wasHeld = text[k] != null && text[k].contains(HELD);
                    text[k] = l;
                    lines.add("@L " + k + " " + l.replace('\n', ' '));
                    if (l.contains(HELD) != wasHeld) {
                        lines.add("@P " + k + (wasHeld ? " 0" : " 1"));
                    }
                }
                int sig = signature(t);
                long p = t.framesPresented();
                if (sig != signature[k] && p != presented[k]) {
                    signature[k] = sig;
                    changedAt[k] = nanos;
                    if (!moving[k]) {
                        moving[k] = true;
                        lines.add("@M " + k);
                    }
                } else if (moving[k] && nanos - changedAt[k] >= STILL_MILLIS * 1_000_000L) {
                    moving[k] = false;
                    lines.add("@Z " + k);
                }
                presented[k] = p;
            }
        }

        private static String shownState(VideoTile t) {
            for (PseudoClass pc : STATES) {
                if (t.getPseudoClassStates().contains(pc)) {
                    return pc.getPseudoClassName().toUpperCase(java.util.Locale.ROOT);
                }
            }
            return "NONE";
        }

        private static int signature(VideoTile t) {
            int h = 1;
            for (int y = 0; y < SAMPLES; y++) {
                for (int x = 0; x < SAMPLES; x++) {
                    h = 31 * h + t.pixelAt((x + 0.5) / SAMPLES, (y + 0.5) / SAMPLES);
                }
            }
            return h;
        }
    }
}
