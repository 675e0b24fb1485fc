package commandroom.geo.road;

import java.util.Arrays;

/**
 * Dijkstra over an {@link ArcGraph} for one kind of unit: from several seeds at once (each with a
 * head start, the time from a place to its road's ends), forward (how long from the seeds to each
 * node) or backward (how long from each node to the seed), up to a limit, and stopping early once
 * every node asked for is settled. Times in ms. One search per instance; not thread-safe.
 */
final class TimeSearch {

    private final int[] first;
    private final int[] head;
    private final int[] ms;
    /** Best ms known per node; NO where not reached (within the limit). */
    final int[] best;
    private final boolean[] settled;
    private long[] heap = new long[1024];
    private int size;

    /**
     * @param arcMs the kind's ms per arc: outMs to search forward, inMs to search backward
     */
    TimeSearch(ArcGraph g, int[] arcMs) {
        this.first = g.first;
        this.head = g.head;
        this.ms = arcMs;
        this.best = new int[g.nodes];
        this.settled = new boolean[g.nodes];
        Arrays.fill(best, ArcGraph.NO);
    }

    /** A seed: this node is reached after so many ms (a place's way to its road). */
    void seed(int node, double millis) {
        if (millis < best[node]) {
            best[node] = (int) Math.round(millis);
            push(best[node], node);
        }
    }

    /**
     * Runs until every node is settled within limitMs, or, when targets are given, until all of
     * them are settled (those never reached stay NO).
     */
    void run(int limitMs, int[] targets) {
        boolean[] wanted = null;
        int left = 0;
        if (targets != null) {
            wanted = new boolean[best.length];
            for (int t : targets) {
                if (t >= 0 && !wanted[t]) {
                    wanted[t] = true;
                    left++;
                }
            }
            if (left == 0) {
                return;
            }
        }
        while (size > 0) {
            long top = pop();
            int n = (int) top;
            int d = (int) (top >>> 32);
            if (settled[n] || d > best[n]) {
                continue;
            }
            settled[n] = true;
            if (wanted != null && wanted[n] && --left == 0) {
                return;
            }
            for (int a = first[n]; a < first[n + 1]; a++) {
                int w = ms[a];
                if (w == ArcGraph.NO) {
                    continue;
                }
                long nd = (long) d + w;
                int m = head[a];
                if (nd < best[m] && nd <= limitMs) {
                    best[m] = (int) nd;
                    push(best[m], m);
                }
            }
        }
    }

    private void push(int d, int node) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        long v = ((long) d << 32) | node;
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (heap[p] <= v) {
                break;
            }
            heap[i] = heap[p];
            i = p;
        }
        heap[i] = v;
    }

    private long pop() {
        long top = heap[0];
        long last = heap[--size];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && heap[c + 1] < heap[c]) {
                c++;
            }
            if (heap[c] >= last) {
                break;
            }
            heap[i] = heap[c];
            i = c;
        }
        heap[i] = last;
        return top;
    }
}
