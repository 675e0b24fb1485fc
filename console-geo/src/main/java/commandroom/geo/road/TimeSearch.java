package commandroom.geo.road;

import java.util.Arrays;

/**
 * Dijkstra over an {@link ArcGraph} for one kind of unit: from several seeds at once (each with a
 * head start, the time from a place to its road's ends), forward (how long from the seeds to each
 * node) or backward (how long from each node to the seed), up to a limit, and stopping early once
 * every node asked for is settled. Times in ms. An indexed 4-ary heap (each node at most once,
 * its key lowered in place) keeps a whole county's search to a few milliseconds. Its arrays are the
 * thread's own, reused from search to search (a county's are 2 MB, and a dispatch runs four
 * searches): {@link #close} cleans what this search touched and hands them back. One search per
 * instance; not thread-safe; close it when its times have been read.
 */
final class TimeSearch implements AutoCloseable {

    /** A thread's arrays for one graph size, clean between searches. */
    private static final class Scratch {
        final int[] best;
        final int[] slot;
        final long[] heap;
        final boolean[] wanted;
        int[] touched = new int[1024];
        int touchedCount;
        boolean inUse;

        Scratch(int nodes) {
            best = new int[nodes];
            slot = new int[nodes];
            heap = new long[nodes];
            wanted = new boolean[nodes];
            Arrays.fill(best, ArcGraph.NO);
            Arrays.fill(slot, -1);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = new ThreadLocal<>();

    private final Scratch scratch;
    private int[] targets;

    private final int[] first;
    /** {head, ms} per arc, interleaved (see ArcGraph#outArcs). */
    private final int[] arcs;
    /** Best ms known per node; NO where not reached (within the limit). */
    final int[] best;
    /** Where each node stands in the heap: -1 never queued, -2 settled. */
    private final int[] slot;
    private final long[] heap;
    private int size;
    /** Whether the limit kept this search from a node it would have reached. */
    private boolean cut;

    /**
     * @param arcs the kind's arcs with their ms: outArcs to search forward, inArcs to search backward
     */
    TimeSearch(ArcGraph g, int[] arcs) {
        this.first = g.first;
        this.arcs = arcs;
        Scratch mine = SCRATCH.get();
        if (mine == null || mine.best.length != g.nodes || mine.inUse) {
            Scratch fresh = new Scratch(g.nodes);
            if (mine == null || !mine.inUse) {
                SCRATCH.set(fresh);
            }
            mine = fresh;
        }
        mine.inUse = true;
        this.scratch = mine;
        this.best = mine.best;
        this.slot = mine.slot;
        this.heap = mine.heap;
    }

    /** Notes a node whose entries this search changed, to clean them on close. */
    private void touch(int node) {
        Scratch s = scratch;
        if (s.touchedCount == s.touched.length) {
            s.touched = Arrays.copyOf(s.touched, s.touched.length * 2);
        }
        s.touched[s.touchedCount++] = node;
    }

    /** Whether the limit stopped this search short of a node it would have reached. */
    boolean cut() {
        return cut;
    }

    /** How many nodes this search reached (see {@link #reached}). */
    int reachedCount() {
        return scratch.touchedCount;
    }

    /** The i-th node this search reached, 0 <= i < reachedCount: the rings look at these only. */
    int reached(int i) {
        return scratch.touched[i];
    }

    /** Cleans what this search touched; its times are not to be read after. */
    @Override
    public void close() {
        Scratch s = scratch;
        for (int i = 0; i < s.touchedCount; i++) {
            int n = s.touched[i];
            s.best[n] = ArcGraph.NO;
            s.slot[n] = -1;
        }
        s.touchedCount = 0;
        if (targets != null) {
            for (int t : targets) {
                if (t >= 0) {
                    s.wanted[t] = false;
                }
            }
        }
        size = 0;
        s.inUse = false;
    }

    /** A seed: this node is reached after so many ms (a place's way to its road). */
    void seed(int node, double millis) {
        int d = (int) Math.round(millis);
        if (d < best[node]) {
            if (best[node] == ArcGraph.NO) {
                touch(node);
            }
            best[node] = d;
            queue(node);
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
            this.targets = targets;
            wanted = scratch.wanted;
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
        final int[] first = this.first;
        final int[] arcs = this.arcs;
        final int[] best = this.best;
        final int[] slot = this.slot;
        while (size > 0) {
            int n = pop();
            slot[n] = -2;
            if (wanted != null && wanted[n] && --left == 0) {
                return;
            }
            int d = best[n];
            for (int a = 2 * first[n], end = 2 * first[n + 1]; a < end; a += 2) {
                int w = arcs[a + 1];
                if (w == ArcGraph.NO) {
                    continue;
                }
                int m = arcs[a];
                long nd = (long) d + w;
                // A settled node has best <= d <= nd (no negative times): no need to ask.
                if (nd < best[m] && nd > limitMs) {
                    cut = true;
                } else if (nd < best[m]) {
                    if (best[m] == ArcGraph.NO) {
                        touch(m);
                    }
                    best[m] = (int) nd;
                    queue(m);
                }
            }
        }
    }

    /**
     * Puts a node in the heap, or moves it up after its key was lowered. The heap is 4-ary and holds
     * key and node packed in one long, so a sift compares entries without looking anything up.
     */
    private void queue(int node) {
        int i = slot[node];
        if (i == -2) {
            return;
        }
        if (i == -1) {
            i = size++;
        }
        long v = ((long) best[node] << 32) | node;
        while (i > 0) {
            int p = (i - 1) >>> 2;
            long pv = heap[p];
            if (pv <= v) {
                break;
            }
            heap[i] = pv;
            slot[(int) pv] = i;
            i = p;
        }
        heap[i] = v;
        slot[node] = i;
    }

    private int pop() {
        int top = (int) heap[0];
        long last = heap[--size];
        if (size > 0) {
            int i = 0;
            while (true) {
                int c = 4 * i + 1;
                if (c >= size) {
                    break;
                }
                int min = c;
                long mv = heap[c];
                int end = Math.min(c + 4, size);
                for (int k = c + 1; k < end; k++) {
                    if (heap[k] < mv) {
                        mv = heap[k];
                        min = k;
                    }
                }
                if (mv >= last) {
                    break;
                }
                heap[i] = mv;
                slot[(int) mv] = i;
                i = min;
            }
            heap[i] = last;
            slot[(int) last] = i;
        }
        return top;
    }
}
