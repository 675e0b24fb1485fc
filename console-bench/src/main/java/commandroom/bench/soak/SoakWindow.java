package commandroom.bench.soak;

import commandroom.bench.DeliveryTracker;
import commandroom.bench.LatencyRecorder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The dispatches of one window of a soak (window 0 is the warm-up) and where each one arrived:
 * dispatch i of the window carries the key "soak-W-i" and goes to unit (offset + i) mod M, so that
 * across windows every unit gets its share. Every console must get every dispatch once, the unit
 * it names must get it once, and no other unit. Thread-safe.
 */
final class SoakWindow {

    private static final String PREFIX = "soak-";

    final int number;
    final int offset;
    final int count;
    final DeliveryTracker.SendTimes sent;
    final DeliveryTracker atConsoles;
    final DeliveryTracker atUnits;
    final LatencyRecorder ack;
    /** Counts the dispatch calls down as each ends (answered or failed). */
    final CountDownLatch calls;
    private final int units;

    SoakWindow(int number, int offset, int count, int consoles, int units) {
        this.number = number;
        this.offset = offset;
        this.count = count;
        this.units = units;
        this.sent = new DeliveryTracker.SendTimes(count);
        this.atConsoles = new DeliveryTracker(sent, consoles, true);
        this.atUnits = new DeliveryTracker(sent, units, false);
        this.ack = new LatencyRecorder(count);
        this.calls = new CountDownLatch(count);
    }

    /** The idempotency key of dispatch i of window w. */
    static String key(int window, int i) {
        return PREFIX + window + "-" + i;
    }

    /** Window and index of a dispatch key as {window, i}, or null for any other key. */
    static int[] parse(String key) {
        if (!key.startsWith(PREFIX)) {
            return null;
        }
        int dash = key.indexOf('-', PREFIX.length());
        if (dash < 0) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(key, PREFIX.length(), dash, 10),
                Integer.parseInt(key, dash + 1, key.length(), 10)};
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    /** The unit (0-based) that dispatch i goes to. */
    int unitOf(int i) {
        return (offset + i) % units;
    }

    /** Unit u as the receiver the unit tracker knows: dispatch i must reach receiver i mod M. */
    int receiverOf(int unit) {
        return Math.floorMod(unit - offset, units);
    }

    /** Waits until every dispatch of the window was answered and reached every console and its unit; false on timeout. */
    boolean awaitComplete(long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        // A dispatch's events may reach everyone before its own answer reaches the dispatcher.
        return atConsoles.awaitComplete(0, count, timeoutSeconds, TimeUnit.SECONDS)
                && atUnits.awaitComplete(0, count, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                && calls.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
