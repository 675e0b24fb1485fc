package commandroom.sim.rpc;

import io.grpc.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a unary call and tries it again while the hub is unreachable or slow (UNAVAILABLE,
 * DEADLINE_EXCEEDED), with backoff; logs in again once when the hub refuses the token
 * (UNAUTHENTICATED). Every other failure is handed back to the caller to act on.
 *
 * <p>The attempt supplier is called again for each try, so each try gets a fresh deadline; it
 * must send the same request (the same idempotency key) each time so that the hub records it
 * once. Thread-safe: the futures complete on gRPC or scheduler threads, so callers continue with
 * {@code whenCompleteAsync(..., theirSerialExecutor)}.
 */
public final class RetryingCaller {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingCaller.class);
    /** About three minutes of trying at the backoff ceiling; then the caller re-syncs instead. */
    private static final int MAX_ATTEMPTS = 40;
    private static final int MAX_RENEWALS = 2;

    private final ScheduledExecutorService scheduler;
    private final Session session;
    private final BooleanSupplier alive;

    /**
     * @param scheduler the shared scheduler, for the waits between tries
     * @param session the session whose token the calls carry
     * @param alive false once the owner is closing; no new try starts then
     */
    public RetryingCaller(ScheduledExecutorService scheduler, Session session, BooleanSupplier alive) {
        this.scheduler = scheduler;
        this.session = session;
        this.alive = alive;
    }

    /**
     * Calls until it succeeds, fails for good, or the owner closes.
     *
     * @param what what the call is, for log lines
     * @param attempt starts one try
     * @param <T> the response type
     * @return the response, or the last failure
     */
    public <T> CompletableFuture<T> call(String what, Supplier<CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(what, attempt, result, new Backoff(), 1, 0, true);
        return result;
    }

    /**
     * Calls once, only logging in again on UNAUTHENTICATED (for reports that are stale by the
     * time a retry could go, such as positions).
     */
    public <T> CompletableFuture<T> callOnce(String what, Supplier<CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(what, attempt, result, new Backoff(), 1, MAX_RENEWALS, false);
        return result;
    }

    private <T> void attempt(String what, Supplier<CompletableFuture<T>> attempt, CompletableFuture<T> result,
            Backoff backoff, int number, int renewals, boolean retry) {
        if (!alive.getAsBoolean()) {
            result.completeExceptionally(Status.CANCELLED.withDescription("simulator closing").asRuntimeException());
            return;
        }
        attempt.get().whenComplete((response, failure) -> {
            if (failure == null) {
                result.complete(response);
                return;
            }
            Status.Code code = Rpc.code(failure);
            if (code == Status.Code.UNAUTHENTICATED && renewals < MAX_RENEWALS) {
                session.renew().whenComplete((user, loginFailure) ->
                        attempt(what, attempt, result, backoff, number, renewals + 1, retry));
            } else if (retry && Rpc.isTransient(failure) && number < MAX_ATTEMPTS && alive.getAsBoolean()) {
                LOG.debug("{} {}: {} (try {}), trying again", session.username(), what, code, number);
                try {
                    scheduler.schedule(() -> {
                        session.wakeChannel();
                        attempt(what, attempt, result, backoff, number + 1, renewals, true);
                    }, backoff.nextDelayMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    result.completeExceptionally(failure);
                }
            } else {
                result.completeExceptionally(failure);
            }
        });
    }
}
