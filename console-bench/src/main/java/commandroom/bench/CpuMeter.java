package commandroom.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of this JVM over a window: the whole process (every thread, GC and JIT included), and
 * the part spent on the server's threads, told apart by name. The harness's own client threads
 * are named {@code bench-}; the server's are gRPC's shared pools and the hub's own. A thread that
 * ended inside the window is not counted in the per-thread sums (so they are a lower bound).
 * Not thread-safe: one window per instance.
 */
final class CpuMeter {

    /** Name prefixes of the threads that run the server: gRPC transport and executor, hub, store. */
    static final List<String> SERVER_THREADS = List.of("grpc-default-worker-ELG", "grpc-default-boss-ELG",
            "grpc-nio-worker-ELG", "grpc-nio-boss-ELG", "grpc-epoll-", "grpc-default-executor", "hub-",
            "fanout-", "overdue-", "H2 ", "MVStore", "HikariPool");

    /** Name prefix of every thread the harness starts (client transport, drivers). */
    static final String CLIENT_THREADS = "bench-";

    /**
     * CPU used in a window, nanoseconds.
     *
     * @param processNanos every thread of the JVM
     * @param serverNanos  threads named like the server's pools
     * @param clientNanos  the harness's own threads (client side of the load)
     * @param wallNanos    length of the window
     * @param jitMillis    time the JIT compilers spent compiling (summed over compiler threads)
     * @param gcMillis     time the collectors report spent collecting (elapsed, not CPU)
     */
    record Usage(long processNanos, long serverNanos, long clientNanos, long wallNanos,
                 long jitMillis, long gcMillis) {

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
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = threads.getThreadCpuTime(ids[i]);
            if (cpu < 0 || infos[i] == null) {
                continue;
            }
            long used = cpu - startByThread.getOrDefault(ids[i], 0L);
            String name = infos[i].getThreadName();
            if (name.startsWith(CLIENT_THREADS)) {
                client += used;
            } else if (isServerThread(name)) {
                server += used;
            }
        }
        return new Usage(process, server, client, wall, jitMillis() - startJit, gcMillis() - startGc);
    }

    /**
     * Waits until the JIT has compiled for less than 20 ms in a second, at most maxSeconds, so that
     * a window measures the code rather than the compiler. Returns the seconds waited.
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

    static boolean isServerThread(String name) {
        for (String prefix : SERVER_THREADS) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
