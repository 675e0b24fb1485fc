package commandroom.sim.rpc;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter between a floor and a ceiling (200 ms .. 5 s by default).
 *
 * <p>Jitter keeps hundreds of terminals that lost the hub at the same moment from all knocking
 * again at the same moment. Not thread-safe: each user confines its instance.
 */
public final class Backoff {
    /** The floor the simulator uses for streams and retries. */
    public static final Duration MIN = Duration.ofMillis(200);
    /** The ceiling the simulator uses for streams and retries. */
    public static final Duration MAX = Duration.ofSeconds(5);

    private final long minMillis;
    private final long maxMillis;
    private long nextMillis;

    /** A backoff from {@link #MIN} to {@link #MAX}. */
    public Backoff() {
        this(MIN, MAX);
    }

    /**
     * @param min the first delay
     * @param max the largest delay
     */
    public Backoff(Duration min, Duration max) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max");
        }
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = minMillis;
    }

    /** The delay to wait now; each call doubles the next one up to the ceiling. */
    public long nextDelayMillis() {
        long base = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        // Up to 20 % either way, never below the floor.
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.max(minMillis, Math.min(maxMillis, Math.round(base * jitter)));
    }

    /** Starts again from the floor, after a success. */
    public void reset() {
        nextMillis = minMillis;
    }
}
