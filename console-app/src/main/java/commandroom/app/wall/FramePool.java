package commandroom.app.wall;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Pictures of released players, kept for the next player of the same size. A picture's buffer is
 * direct memory that Java frees only when a garbage collection happens to find it, which on a
 * quiet console may take long: a duty officer rearranging the wall would grow the process by
 * megabytes a move. A released player's picture is off screen (its tile cleared it first), so
 * giving it to the next player is safe. Thread-safe.
 */
final class FramePool {

    private static final int KEEP_PER_SIZE = 4;

    private final Map<Long, Deque<TileFrame>> free = new HashMap<>();

    /** A picture of this size: a released one if there is, else a new one (black). */
    synchronized TileFrame take(int width, int height) {
        Deque<TileFrame> same = free.get(key(width, height));
        TileFrame f = same == null ? null : same.poll();
        return f != null ? f : new TileFrame(width, height);
    }

    /** Takes back the picture of a released player (null: nothing to give). */
    synchronized void give(TileFrame f) {
        if (f == null) {
            return;
        }
        Deque<TileFrame> same = free.computeIfAbsent(key(f.width(), f.height()), k -> new ArrayDeque<>());
        if (same.size() < KEEP_PER_SIZE) {
            same.push(f);
        }
    }

    private static long key(int width, int height) {
        return (long) width << 32 | height;
    }
}
