package commandroom.sim.rpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Small helpers for unary calls on async stubs: a deadline for every call, a call as a
 * {@link CompletableFuture}, and the status code of a failure.
 *
 * <p>Stateless; any thread may call it.
 */
public final class Rpc {
    /** Deadline of every unary call the simulator makes. */
    public static final Duration DEADLINE = Duration.ofSeconds(10);

    private Rpc() {
    }

    /**
     * Starts a unary call and returns its answer as a future.
     *
     * @param call starts the call on an async stub with the given observer, e.g.
     *     {@code o -> stub.withDeadlineAfter(...).login(request, o)}
     * @param <T> the response type
     * @return completes with the response, or exceptionally with the call's status
     */
    public static <T> CompletableFuture<T> unary(Consumer<StreamObserver<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        StreamObserver<T> observer = new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                result.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                if (!result.isDone()) {
                    result.completeExceptionally(
                            Status.INTERNAL.withDescription("call completed without a response").asRuntimeException());
                }
            }
        };
        try {
            call.accept(observer);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** The gRPC status code of a failure, looking through completion wrappers. */
    public static Status.Code code(Throwable failure) {
        return Status.fromThrowable(failure).getCode();
    }

    /** Whether trying the same request again may succeed: the hub was unreachable or slow. */
    public static boolean isTransient(Throwable failure) {
        Status.Code code = code(failure);
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                || code == Status.Code.RESOURCE_EXHAUSTED;
    }

    /** A short description of a failure for a log line. */
    public static String describe(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        return status.getDescription() == null ? status.getCode().name()
                : status.getCode() + ": " + status.getDescription();
    }
}
