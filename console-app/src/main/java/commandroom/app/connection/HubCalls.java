package commandroom.app.connection;

import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/** The one way the console's clients call the hub: off the FX thread, a refusal as a {@link CommandFailure}. */
final class HubCalls {

    private HubCalls() {}

    static <T> CompletableFuture<T> async(Executor executor, Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return work.get();
                } catch (StatusRuntimeException e) {
                    throw CommandFailure.from(e);
                }
            }, executor);
        } catch (RejectedExecutionException closed) {
            // The console is closing: a view's last timer may still ask; it gets a failure, not an exception on the FX thread.
            return CompletableFuture.failedFuture(closed);
        }
    }
}
