package commandroom.bench;

import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which receivers got which of the messages sent in a window, and how long after its send each
 * one arrived. A message is either broadcast (every receiver must get it, as consoles must get
 * every event) or routed (message i must reach receiver i mod receivers only, as a task reaches
 * the unit it names). Each receiver remembers what it got, so a duplicate cannot hide a loss.
 * Thread-safe: {@link #delivered} may be called from any thread, in any order.
 */
public final class DeliveryTracker {

    private final SendTimes sent;
    private final int messages;
    private final int receivers;
    private final boolean broadcast;
    private final BitSet[] got;
    private final AtomicIntegerArray reached;
    private final BitSet complete = new BitSet();
    private final LatencyRecorder perDelivery;
    private final LatencyRecorder toLast;
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong misrouted = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();

    public DeliveryTracker(SendTimes sent, int receivers, boolean broadcast) {
        this.sent = sent;
        this.messages = sent.size();
        this.receivers = receivers;
        this.broadcast = broadcast;
        this.got = new BitSet[receivers];
        for (int i = 0; i < receivers; i++) {
            got[i] = new BitSet(broadcast ? messages : messages / receivers + 1);
        }
        this.reached = new AtomicIntegerArray(messages);
        this.perDelivery = new LatencyRecorder(broadcast ? messages * receivers : messages);
        this.toLast = new LatencyRecorder(messages);
    }

    /** Receiver got message; call it as soon as it arrives. */
    public void delivered(int receiver, int message) {
        long now = System.nanoTime();
        if (message < 0 || message >= messages || receiver < 0 || receiver >= receivers) {
            misrouted.incrementAndGet();
            return;
        }
        if (!broadcast && message % receivers != receiver) {
            misrouted.incrementAndGet();
            return;
        }
        synchronized (got[receiver]) {
            if (got[receiver].get(message)) {
                duplicates.incrementAndGet();
                return;
            }
            got[receiver].set(message);
        }
        long latency = now - sent.at(message);
        perDelivery.record(latency);
        lastArrival.accumulateAndGet(now, Math::max);
        if (reached.incrementAndGet(message) == expectedPerMessage()) {
            toLast.record(latency);
            synchronized (complete) {
                complete.set(message);
                complete.notifyAll();
            }
        }
    }

    /** Waits until messages [from, to) reached every receiver they must; false on timeout. */
    public boolean awaitComplete(int from, int to, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (complete) {
            while (complete.nextClearBit(from) < to) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(complete, left);
            }
            return true;
        }
    }

    int expectedPerMessage() {
        return broadcast ? receivers : 1;
    }

    /** Deliveries that should have happened and did not (0 when every message reached everyone). */
    public long missing() {
        long missing = 0;
        for (int i = 0; i < messages; i++) {
            missing += expectedPerMessage() - reached.get(i);
        }
        return missing;
    }

    long expectedDeliveries() {
        return (long) messages * expectedPerMessage();
    }

    long duplicates() {
        return duplicates.get();
    }

    long misrouted() {
        return misrouted.get();
    }

    /** System.nanoTime() of the last delivery, 0 before the first. */
    long lastArrivalNanos() {
        return lastArrival.get();
    }

    /** Send → each delivery. */
    public LatencyRecorder.Summary perDelivery() {
        return perDelivery.summary();
    }

    /** Send → the delivery that completed the message (the last receiver to get it). */
    public LatencyRecorder.Summary toLast() {
        return toLast.summary();
    }

    /** Messages over the time from the first send to the last delivery, and how complete it was. */
    public Window window() {
        return window(lastArrival.get() == 0 ? 0 : lastArrival.get() - sent.at(0));
    }

    /** The same, over a time the caller measured (the sum of slices of a phase). */
    Window window(long nanos) {
        return new Window(messages, nanos, missing(), duplicates.get() + misrouted.get());
    }

    /**
     * A phase as a whole.
     *
     * @param messages messages sent
     * @param nanos    first send → last delivery
     * @param missing  deliveries that never came
     * @param extra    deliveries that came twice or to the wrong receiver
     */
    public record Window(int messages, long nanos, long missing, long extra) {

        double messagesPerSecond() {
            return nanos <= 0 ? 0 : messages * 1e9 / nanos;
        }

        public boolean complete() {
            return missing == 0 && extra == 0;
        }
    }

    /** When each message of a window was sent. Thread-safe. */
    public static final class SendTimes {

        private final AtomicLongArray at;

        public SendTimes(int messages) {
            at = new AtomicLongArray(messages);
        }

        /** Marks message i as sent now; call just before the call that sends it. */
        public void stamp(int i) {
            at.set(i, System.nanoTime());
        }

        public long at(int i) {
            return at.get(i);
        }

        int size() {
            return at.length();
        }
    }
}
