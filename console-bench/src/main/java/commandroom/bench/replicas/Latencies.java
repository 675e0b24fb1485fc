package commandroom.bench.replicas;

import java.util.Arrays;
import java.util.Locale;

/**
 * Durations in nanoseconds, every one kept and sorted when summarised (nearest-rank percentiles).
 * Values may be negative: an event can reach a subscriber before its writer's answer reaches the
 * writer's client. Thread-safe: record from any thread.
 */
final class Latencies {

    /** Count and nearest-rank percentiles, in nanoseconds. */
    record Summary(int count, long p50, long p99, long max) {

        /** "p50 / p99 / max" in milliseconds, or n/a when nothing was recorded. */
        String millis() {
            return count == 0 ? "n/a"
                    : String.format(Locale.ROOT, "%.1f / %.1f / %.1f", p50 / 1e6, p99 / 1e6, max / 1e6);
        }
    }

    private long[] values = new long[1024];
    private int size;

    synchronized void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    synchronized Summary summary() {
        if (size == 0) {
            return new Summary(0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Summary(size, rank(sorted, 50), rank(sorted, 99), sorted[size - 1]);
    }

    private static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
