package commandroom.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies in nanoseconds, every one kept (HdrHistogram is not available here), sorted when a
 * summary is asked for. A run records at most a few hundred thousand values, so a long array is
 * small and exact. Thread-safe: record from any thread.
 */
public final class LatencyRecorder {

    /** Count and nearest-rank percentiles of what was recorded, in nanoseconds. */
    public record Summary(int count, long p50, long p99, long max) {

        static final Summary EMPTY = new Summary(0, 0, 0, 0);

        public double p50Ms() {
            return p50 / 1e6;
        }

        public double p99Ms() {
            return p99 / 1e6;
        }

        double maxMs() {
            return max / 1e6;
        }

        /** "p50 / p99 / max" in milliseconds, for the report. */
        String millis() {
            return count == 0 ? "n/a"
                    : String.format(Locale.ROOT, "%.2f / %.2f / %.2f", p50Ms(), p99Ms(), maxMs());
        }
    }

    private long[] values;
    private int size;

    public LatencyRecorder(int expected) {
        values = new long[Math.max(16, expected)];
    }

    public synchronized void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = nanos;
    }

    public synchronized Summary summary() {
        if (size == 0) {
            return Summary.EMPTY;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Summary(size, rank(sorted, 50), rank(sorted, 99), sorted[size - 1]);
    }

    /** Nearest rank: the smallest value with at least p% of the values at or below it. */
    static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
