package commandroom.bench.board;

import java.util.Arrays;
import java.util.Locale;

/** Durations in nanoseconds (or plain counts), all kept; nearest-rank percentiles. One thread. */
final class Samples {

    private long[] values = new long[64];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int count() {
        return size;
    }

    /** The q-th percentile (0 < q ≤ 100) in milliseconds, nearest rank; 0 when empty. */
    double percentileMs(double q) {
        return percentile(q) / 1e6;
    }

    /** The q-th percentile (0 < q ≤ 100) as recorded, nearest rank; 0 when empty. */
    long percentile(double q) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    double p50() {
        return percentileMs(50);
    }

    double p99() {
        return percentileMs(99);
    }

    double max() {
        return percentileMs(100);
    }

    double totalMs() {
        long t = 0;
        for (int i = 0; i < size; i++) {
            t += values[i];
        }
        return t / 1e6;
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
