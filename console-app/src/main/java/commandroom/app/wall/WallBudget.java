package commandroom.app.wall;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * One paint budget for every wall of a workstation: the FX thread is one for all windows, so the
 * pulses it manages are counted once, and when they fall short the tiles of all walls are held
 * back in one order — the last wall's last tile first, alarm tiles last (see {@link PaintBudget}).
 * Walls join while they are in a scene. FX thread only.
 */
final class WallBudget {

    private final PaintBudget budget = new PaintBudget();
    private final List<WallView> walls = new ArrayList<>();
    private AnimationTimer counter;
    private boolean counting = true;

    /** A wall now on screen: its tiles count from now on. */
    void join(WallView wall) {
        if (!walls.contains(wall)) {
            walls.add(wall);
        }
        if (counter == null && counting) {
            counter = new AnimationTimer() {
                private long secondStart;
                private int pulses;

                @Override
                public void handle(long now) {
                    pulses++;
                    if (secondStart == 0) {
                        secondStart = now;
                    } else if (now - secondStart >= 1_000_000_000L) {
                        second(pulses);
                        pulses = 0;
                        secondStart = now;
                    }
                }
            };
        }
        if (counter != null) {
            counter.start();
        }
        apply();
    }

    /** A wall off screen or closed: it no longer counts, and the others may get their pictures back. */
    void leave(WallView wall) {
        walls.remove(wall);
        if (walls.isEmpty() && counter != null) {
            counter.stop();
        }
        apply();
    }

    /** Stops counting real pulses: a test then feeds the seconds itself, whatever the machine does. */
    void stopCounting() {
        counting = false;
        if (counter != null) {
            counter.stop();
            counter = null;
        }
    }

    /** Takes the pulses the FX thread managed in the last second (package-private for tests). */
    void second(int pulses) {
        if (budget.second(pulses, tiles().size())) {
            apply();
        }
    }

    /** Tells each tile of every wall how often to show a picture under the budget's current steps. */
    void apply() {
        List<VideoTile> tiles = tiles();
        boolean[] alarm = new boolean[tiles.size()];
        boolean[] playing = new boolean[tiles.size()];
        for (int i = 0; i < alarm.length; i++) {
            VideoTile t = tiles.get(i);
            alarm[i] = t.inAlarm();
            // A tile the budget paused still counts as playing: it is what the budget holds back.
            // A tile that has not shown a picture yet is not held back either: it would stay black.
            playing[i] = t.paintInterval() == PaintBudget.PAUSED || t.hasPicture()
                    && (t.status() == TileHealth.Status.LIVE || t.status() == TileHealth.Status.STALLED);
        }
        int[] intervals = budget.intervals(alarm, playing);
        for (int i = 0; i < intervals.length; i++) {
            tiles.get(i).setPaintInterval(intervals[i]);
        }
    }

    private List<VideoTile> tiles() {
        List<VideoTile> all = new ArrayList<>();
        walls.forEach(w -> all.addAll(w.tiles()));
        return all;
    }
}
