package commandroom.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of this JVM over a window: the whole process (every thread, GC and JIT included), and
 * the parts spent on the server's threads, told apart by name and grouped by what they do. The
 * harness's own client threads are named {@code bench-}; the server's are gRPC's shared pools and
 * the hub's own. A thread that ended inside the window is not counted in the per-thread sums (so
 * they are a lower bound). Not thread-safe: one window per instance.
 */
final class CpuMeter {

    /** Group of the threads of gRPC's (shared) netty event loops. */
    static final String GRPC_TRANSPORT = "gRPC transport";
    /** Group of the threads of gRPC's (shared) default executor, where server calls run. */
    static final String GRPC_EXECUTOR = "gRPC executor";

    /** Name prefixes of the server's threads, in order of matching, and the group each belongs to. */
    private static final Map<String, String> SERVER_THREADS = new LinkedHashMap<>();

    static {
        SERVER_THREADS.put("hub-writer", "hub writer");
        SERVER_THREADS.put("fanout-", "fan-out senders");
        SERVER_THREADS.put("grpc-default-worker-ELG", GRPC_TRANSPORT);
        SERVER_THREADS.put("grpc-default-boss-ELG", GRPC_TRANSPORT);
        SERVER_THREADS.put("grpc-nio-", GRPC_TRANSPORT);
        SERVER_THREADS.put("grpc-epoll-", GRPC_TRANSPORT);
        SERVER_THREADS.put("grpc-default-executor", GRPC_EXECUTOR);
        SERVER_THREADS.put("hub-db", "database");
        SERVER_THREADS.put("H2 ", "database");
        SERVER_THREADS.put("MVStore", "database");
        SERVER_THREADS.put("HikariPool", "database");
        SERVER_THREADS.put("overdue-", "clocks");
    }

    /** Name prefix of every thread the harness starts (client transport, drivers). */
    static final String CLIENT_THREADS = "bench-";

    /**
     * CPU used in a window, nanoseconds.
     *
     * @param processNanos every thread of the JVM
     * @param serverNanos  threads named like the server's pools
     * @param clientNanos  the harness's own threads (client side of the load)
     * @param wallNanos    length of the window
     * @param serverGroups server CPU by group (hub writer, fan-out senders, gRPC transport, ...)
     * @param jitMillis    time the JIT compilers spent compiling (summed over compiler threads)
     * @param gcMillis     time the collectors report spent collecting (elapsed, not CPU)
     */
    record Usage(long processNanos, long serverNanos, long clientNanos, long wallNanos,
                 Map<String, Long> serverGroups, long jitMillis, long gcMillis) {

        /** Nothing used, for adding windows up. */
        static final Usage NONE = new Usage(0, 0, 0, 0, Map.of(), 0, 0);

        /** This window and another, as if they were one. */
        Usage plus(Usage o) {
            Map<String, Long> groups = new LinkedHashMap<>(serverGroups);
            o.serverGroups.forEach((g, n) -> groups.merge(g, n, Long::sum));
            return new Usage(processNanos + o.processNanos, serverNanos + o.serverNanos, clientNanos + o.clientNanos,
                    wallNanos + o.wallNanos, groups, jitMillis + o.jitMillis, gcMillis + o.gcMillis);
        }

        /**
         * The same window counting only some server groups as the server (the rest moves to
         * "other"): the baseline's server runs on gRPC's threads only, while the idle hub's
         * clocks and senders still tick beside it.
         */
        Usage onlyGroups(java.util.Set<String> kept) {
            Map<String, Long> groups = new LinkedHashMap<>();
            serverGroups.forEach((g, n) -> {
                if (kept.contains(g)) {
                    groups.put(g, n);
                }
            });
            long server = groups.values().stream().mapToLong(Long::longValue).sum();
            return new Usage(processNanos, server, clientNanos, wallNanos, groups, jitMillis, gcMillis);
        }

        /** GC, JIT, and anything else not named (the rest of the process). */
        long otherNanos() {
            return Math.max(0, processNanos - serverNanos - clientNanos);
        }

        /** Average cores busy in the window. */
        double cores(long nanos) {
            return wallNanos == 0 ? 0 : (double) nanos / wallNanos;
        }
    }

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startByThread = new HashMap<>();
    private long startProcess;
    private long startJit;
    private long startGc;
    private long startWall;

    private CpuMeter() {}

    /** Starts a window now. */
    static CpuMeter start() {
        CpuMeter m = new CpuMeter();
        if (m.threads.isThreadCpuTimeSupported() && !m.threads.isThreadCpuTimeEnabled()) {
            m.threads.setThreadCpuTimeEnabled(true);
        }
        for (long id : m.threads.getAllThreadIds()) {
            long cpu = m.threads.getThreadCpuTime(id);
            if (cpu >= 0) {
                m.startByThread.put(id, cpu);
            }
        }
        m.startJit = jitMillis();
        m.startGc = gcMillis();
        m.startProcess = m.os.getProcessCpuTime();
        m.startWall = System.nanoTime();
        return m;
    }

    /** Ends the window and says what it used. */
    Usage stop() {
        long process = os.getProcessCpuTime() - startProcess;
        long wall = System.nanoTime() - startWall;
        long server = 0;
        long client = 0;
        Map<String, Long> groups = new LinkedHashMap<>();
        SERVER_THREADS.values().forEach(g -> groups.put(g, 0L));
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = threads.getThreadCpuTime(ids[i]);
            if (cpu < 0 || infos[i] == null) {
                continue;
            }
            long used = cpu - startByThread.getOrDefault(ids[i], 0L);
            String name = infos[i].getThreadName();
            String group = serverGroup(name);
            if (name.startsWith(CLIENT_THREADS)) {
                client += used;
            } else if (group != null) {
                server += used;
                groups.merge(group, used, Long::sum);
            }
        }
        return new Usage(process, server, client, wall, groups, jitMillis() - startJit, gcMillis() - startGc);
    }

    /**
     * Waits until the JIT has compiled for less than 20 ms in a second, at most maxSeconds, so that
     * compilations queued by a warm-up do not land in the window. Returns the seconds waited.
     */
    static double awaitJitQuiet(int maxSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        long before = jitMillis();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = jitMillis();
            if (now - before < 20) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The group of a server thread, or null for a thread that is not the server's. */
    static String serverGroup(String threadName) {
        for (Map.Entry<String, String> e : SERVER_THREADS.entrySet()) {
            if (threadName.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
