package commandroom.app.connection;

import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The one way the console's clients call the hub: off the FX thread, a refusal as a {@link CommandFailure}. */
final class HubCalls {

    private HubCalls() {}

    static <T> CompletableFuture<T> async(Executor executor, Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (StatusRuntimeException e) {
                throw CommandFailure.from(e);
            }
        }, executor);
    }
}
