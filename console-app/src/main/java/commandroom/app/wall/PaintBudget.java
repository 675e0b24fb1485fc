package commandroom.app.wall;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the console responsive when video falls behind: it watches how many pulses the FX thread
 * managed each second, and below {@link #FLOOR} it shows fewer pictures, one step at a time and in
 * a fixed order: the last tile first, halving its rate, then pausing it, then the tile before;
 * tiles of an active alarm come last. With room to spare for a few seconds it gives the steps
 * back in the opposite order. Each step takes painting (about 20 ns a pixel in the software
 * pipeline) off the FX thread. FX thread only.
 */
final class PaintBudget {

    /** Pulses a second under which a step is taken (the UI must not drop below 20). */
    static final int FLOOR = 24;
    /** Pulses a second over which, held for {@link #CALM_SECONDS}, a step is given back. */
    static final int ROOM = 40;
    static final int CALM_SECONDS = 3;
    /** Show every picture, every other one, or none (the last one stays). */
    static final int FULL = 1;
    static final int HALF = 2;
    static final int PAUSED = 0;

    private int steps;
    private int calm;

    /** Takes the pulses of the last second; answers whether the steps changed. */
    boolean second(int pulses, int tiles) {
        int before = steps;
        if (pulses < FLOOR) {
            steps = Math.min(2 * tiles, steps + 1);
            calm = 0;
        } else if (pulses > ROOM && steps > 0) {
            if (++calm >= CALM_SECONDS) {
                steps--;
                calm = 0;
            }
        } else {
            calm = 0;
        }
        return steps != before;
    }

    int steps() {
        return steps;
    }

    /**
     * How often each tile shows a new picture under the current steps: {@link #FULL}, {@link #HALF}
     * or {@link #PAUSED}, given which tiles hold alarm cameras and which are playing. A tile that
     * is not playing (connecting, offline, empty) costs nothing and is never held back: pausing it
     * would only hide that it is offline.
     */
    int[] intervals(boolean[] alarm, boolean[] playing) {
        int[] out = new int[alarm.length];
        java.util.Arrays.fill(out, FULL);
        List<Integer> order = new ArrayList<>();
        for (int i = alarm.length - 1; i >= 0; i--) {
            if (!alarm[i] && playing[i]) {
                order.add(i);
            }
        }
        for (int i = alarm.length - 1; i >= 0; i--) {
            if (alarm[i] && playing[i]) {
                order.add(i);
            }
        }
        int left = steps;
        for (int tile : order) {
            if (left == 0) {
                break;
            }
            int take = Math.min(2, left);
            out[tile] = take == 1 ? HALF : PAUSED;
            left -= take;
        }
        return out;
    }
}
