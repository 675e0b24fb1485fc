package commandroom.bench.wall;

import java.util.ArrayList;
import java.util.List;

/**
 * What one tile of the chaos harness's wall showed, in the order the wall told it: its state
 * (LIVE, STALLED, OFFLINE, CONNECTING, NONE before the first reading), whether its picture moved,
 * and its state line, each stamped with the harness's System.nanoTime on arrival. Answers when the
 * tile was live again after its source came back, and whether the paint budget held it back
 * meanwhile (then it could not notice). Thread-safe (the wall's reader adds, the
 * harness asks).
 */
final class TileLog {

    private record Event(long nanos, String state, Boolean moving) {}

    private final List<Event> events = new ArrayList<>();
    /** Moments the paint budget started and stopped holding the tile back, in pairs (the last may be open). */
    private final List<Long> held = new ArrayList<>();
    private String line = "";

    /** The tile shows another state. */
    synchronized void state(long nanos, String state) {
        events.add(new Event(nanos, state, null));
    }

    /** The tile's picture started (true) or stopped (false) changing. */
    synchronized void moving(long nanos, boolean moving) {
        events.add(new Event(nanos, null, moving));
    }

    /** The paint budget started (true) or stopped (false) holding the tile back. */
    synchronized void held(long nanos, boolean on) {
        if (on == (held.size() % 2 == 0)) {
            held.add(nanos);
        }
    }

    /** Whether the paint budget held the tile back at any moment between the two. */
    synchronized boolean heldBetween(long from, long to) {
        for (int i = 0; i < held.size(); i += 2) {
            long end = i + 1 < held.size() ? held.get(i + 1) : Long.MAX_VALUE;
            if (held.get(i) <= to && end >= from) {
                return true;
            }
        }
        return false;
    }

    /** Whether the paint budget holds the tile back now. */
    synchronized boolean heldNow() {
        return held.size() % 2 == 1;
    }

    /** The tile's state line as it reads now. */
    synchronized void line(String text) {
        line = text;
    }

    synchronized String line() {
        return line;
    }

    /** A new wall process: the tile starts over, showing nothing. */
    synchronized void reset(long nanos) {
        events.add(new Event(nanos, "NONE", false));
        held(nanos, false);
    }

    /**
     * The first moment after {@code back} at which the tile showed LIVE and presented new pictures,
     * with pictures that started moving after {@code back} (a picture still moving at {@code back}
     * does not count: it cannot be the returned source's); -1 if not (yet).
     */
    synchronized long liveAgainAfter(long back) {
        String state = "NONE";
        boolean moving = false;
        boolean movedSince = false;
        for (Event e : events) {
            if (e.state() != null) {
                state = e.state();
            } else {
                moving = e.moving();
                movedSince |= moving && e.nanos() > back;
            }
            if (e.nanos() > back && movedSince && moving && state.equals("LIVE")) {
                return e.nanos();
            }
        }
        return -1;
    }

    /** The first moment after {@code back} at which the tile's picture started moving; -1 if not (yet). */
    synchronized long picturesAfter(long back) {
        for (Event e : events) {
            if (e.nanos() > back && Boolean.TRUE.equals(e.moving())) {
                return e.nanos();
            }
        }
        return -1;
    }

    /** Whether the tile showed anything but LIVE between the two moments (it noticed the outage). */
    synchronized boolean leftLive(long from, long to) {
        for (Event e : events) {
            if (e.nanos() > from && e.nanos() <= to && e.state() != null && !e.state().equals("LIVE")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the tile shows LIVE and its picture moves, as last told. */
    synchronized boolean liveNow() {
        String state = "NONE";
        boolean moving = false;
        for (Event e : events) {
            if (e.state() != null) {
                state = e.state();
            } else {
                moving = e.moving();
            }
        }
        return moving && state.equals("LIVE");
    }
}
