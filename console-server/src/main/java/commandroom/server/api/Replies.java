package commandroom.server.api;

import com.google.rpc.BadRequest;
import commandroom.server.loop.HubException;
import commandroom.server.store.StoreException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers unary calls from the hub's futures and maps every failure to a status a client can act
 * on. Callable from any thread; each observer is completed exactly once.
 */
final class Replies {

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private Replies() {}

    static <X, T> void answer(CompletableFuture<X> future, Function<X, T> map, StreamObserver<T> observer) {
        future.whenComplete((x, error) -> {
            if (error != null) {
                observer.onError(toStatus(error));
                return;
            }
            T reply;
            try {
                reply = map.apply(x);
            } catch (RuntimeException e) {
                observer.onError(toStatus(e));
                return;
            }
            observer.onNext(reply);
            observer.onCompleted();
        });
    }

    /** Runs a synchronous handler and answers with its result or its failure's status. */
    static <T> void call(java.util.function.Supplier<T> handler, StreamObserver<T> observer) {
        T reply;
        try {
            reply = handler.get();
        } catch (RuntimeException e) {
            observer.onError(toStatus(e));
            return;
        }
        observer.onNext(reply);
        observer.onCompleted();
    }

    /** Runs a step before the real work; on failure answers the call with its status and returns null. */
    static <T> T orAnswer(java.util.function.Supplier<T> step, StreamObserver<?> observer) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            observer.onError(toStatus(e));
            return null;
        }
    }

    static StatusRuntimeException toStatus(Throwable t) {
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (e instanceof StatusRuntimeException s) {
            return s;
        }
        if (e instanceof HubException h) {
            if (h.code() == Status.Code.INVALID_ARGUMENT && !h.field().isEmpty()) {
                String description = h.getMessage().startsWith(h.field() + ": ")
                        ? h.getMessage().substring(h.field().length() + 2) : h.getMessage();
                return Violations.toException(List.of(BadRequest.FieldViolation.newBuilder()
                        .setField(h.field()).setDescription(description).build()));
            }
            String message = h.field().isEmpty() || h.getMessage().startsWith(h.field())
                    ? h.getMessage() : h.field() + ": " + h.getMessage();
            return Status.fromCode(h.code()).withDescription(message).asRuntimeException();
        }
        if (e instanceof StoreException) {
            LOG.warn("storage failure answered as UNAVAILABLE", e);
            return Status.UNAVAILABLE.withDescription("storage is unavailable; retry").asRuntimeException();
        }
        LOG.error("unexpected failure", e);
        return Status.INTERNAL.withDescription("unexpected failure: " + e.getClass().getSimpleName()).asRuntimeException();
    }
}
