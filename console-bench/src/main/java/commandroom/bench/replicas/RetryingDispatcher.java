package commandroom.bench.replicas;

import commandroom.app.connection.HubSession;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.TaskKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A shift leader dispatching at a fixed rate on its own thread over a channel that knows every
 * replica: each task has its idempotency key, and a call that fails because its replica went away
 * (UNAVAILABLE, or a deadline) is sent again with the same key until it is answered, as a console
 * would. Notes each answered key's task and when the answer came. Thread-safe.
 */
final class RetryingDispatcher implements AutoCloseable {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final HubSession session;
    private final String incidentId;
    private final String unitId;
    private final double perSecond;
    private final Map<String, String> taskByKey = new ConcurrentHashMap<>();
    private final AtomicLong lastAnsweredAt = new AtomicLong();
    private final AtomicLong lastSequence = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final java.util.List<String> refusedCodes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong sentKeys = new AtomicLong();
    private final Thread thread;
    private volatile boolean stop;

    RetryingDispatcher(HubSession session, String incidentId, String unitId, double perSecond) {
        this.session = session;
        this.incidentId = incidentId;
        this.unitId = unitId;
        this.perSecond = perSecond;
        this.thread = new Thread(this::run, "replica-dispatcher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long start = System.nanoTime();
        double interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        for (int i = 0; !stop; i++) {
            long due = start + (long) (i * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0 && !stop) {
                LockSupport.parkNanos(wait);
            }
            if (stop) {
                return;
            }
            String key = "failover-" + i;
            sentKeys.incrementAndGet();
            dispatch(key);
        }
    }

    private void dispatch(String key) {
        DispatchTaskRequest request = DispatchTaskRequest.newBuilder().setIncidentId(incidentId)
                .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds(unitId).setInstruction("到场处置")
                .setIdempotencyKey(key).build();
        long giveUp = System.nanoTime() + GIVE_UP_NANOS;
        while (System.nanoTime() < giveUp) {
            try {
                var answer = CommandServiceGrpc.newBlockingStub(session.channel())
                        .withCallCredentials(session.credentials()).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .dispatchTask(request);
                taskByKey.put(key, answer.getTask().getId());
                lastSequence.accumulateAndGet(answer.getSequence(), Math::max);
                lastAnsweredAt.set(System.nanoTime());
                return;
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                // A status with a cause was made here, by the transport, when the replica died
                // mid-call (a reset stream comes as INTERNAL or UNKNOWN): the hub refused nothing,
                // and the key makes the call safe to send again. A hub's own answer has no cause.
                boolean transport = e.getStatus().getCause() != null;
                if (code != Status.Code.UNAVAILABLE && code != Status.Code.DEADLINE_EXCEEDED && !transport) {
                    refusedCodes.add(code + ": " + e.getStatus().getDescription());
                    refused.incrementAndGet();
                    return;
                }
                retries.incrementAndGet();
                session.channel().resetConnectBackoff();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        refusedCodes.add("given up after 60 s");
        refused.incrementAndGet();
    }

    /** Why each refused key was refused: the hub's code and words, or "given up". */
    java.util.List<String> refusedCodes() {
        return java.util.List.copyOf(refusedCodes);
    }

    /** The answered keys and the tasks they made. */
    Map<String, String> taskByKey() {
        return Map.copyOf(taskByKey);
    }

    /** When the last answer came (System.nanoTime), 0 before the first. */
    long lastAnsweredAt() {
        return lastAnsweredAt.get();
    }

    /** The highest sequence an answer named. */
    long lastSequence() {
        return lastSequence.get();
    }

    int answered() {
        return taskByKey.size();
    }

    long keysSent() {
        return sentKeys.get();
    }

    /** Calls sent again with the same key after their replica went away. */
    long retries() {
        return retries.get();
    }

    /** Keys refused or given up on (must be 0). */
    long refused() {
        return refused.get();
    }

    /** Stops after the call in hand is answered. */
    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(TimeUnit.NANOSECONDS.toMillis(GIVE_UP_NANOS) + 5000);
    }
}
