package commandroom.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A fan-out server under load with its clients connected and warmed up, whose measured window is
 * run in slices so that the hub's and the baseline's windows can take turns and a noisy neighbour
 * hits both alike. Driven by one thread; close once.
 */
interface FanOutSession extends AutoCloseable {

    /** Clients sharing one channel (one HTTP/2 connection), as a console PC or a gateway would. */
    int CLIENTS_PER_CHANNEL = 25;
    /** Calls in flight while warming up. */
    int WARM_UP_IN_FLIGHT = 16;
    /** Fewest warm-up messages: a quick run's K would leave the JIT compiling inside the window. */
    int MIN_WARM_UP = 1000;

    /**
     * Sends messages [from, to) of the window at R per second and waits until they reached every
     * receiver (or a generous timeout; what is missing shows in the figures).
     */
    void pacedSlice(int from, int to) throws InterruptedException;

    /** Sends K messages with F in flight and waits until they reached every receiver. */
    void burst() throws InterruptedException;

    @Override
    void close();

    /** Warm-up messages for K measured ones. */
    static int warmUps(int k) {
        return Math.max(k, MIN_WARM_UP);
    }

    /** Send times of every phase: K for the window and the burst, more for the warm-up. */
    static Map<Phase, DeliveryTracker.SendTimes> sendTimes(int k) {
        Map<Phase, DeliveryTracker.SendTimes> sent = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            sent.put(p, new DeliveryTracker.SendTimes(p == Phase.WARM_UP ? warmUps(k) : k));
        }
        return sent;
    }

    /** How long to wait for the last delivery of a slice after its last send. */
    static long completionTimeoutSeconds(BenchOptions o, int messages) {
        return 30 + (long) (2 * messages / o.rate());
    }

    /** Polls a condition every 10 ms; throws if it does not hold within the timeout. */
    static void awaitTrue(BooleanSupplier condition, long timeoutSeconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not done within " + timeoutSeconds + " s");
            }
            Thread.sleep(10);
        }
    }
}
