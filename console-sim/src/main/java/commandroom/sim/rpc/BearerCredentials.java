package commandroom.sim.rpc;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Adds {@code authorization: Bearer <access token>} to every call, reading the token afresh for
 * each call so that a refreshed token is used as soon as the {@link Session} has it.
 *
 * <p>Thread-safe: gRPC calls it on whatever thread starts a call; the supplier must be
 * thread-safe too.
 */
public final class BearerCredentials extends CallCredentials {
    /** The header the hub reads the token from. */
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Supplier<String> accessToken;

    /** @param accessToken gives the current access token, or null before the first login */
    public BearerCredentials(Supplier<String> accessToken) {
        this.accessToken = accessToken;
    }

    @Override
    public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        String token = accessToken.get();
        if (token == null || token.isEmpty()) {
            // Failing with UNAUTHENTICATED lets the caller's retry log in and try again.
            applier.fail(Status.UNAUTHENTICATED.withDescription("not logged in yet"));
            return;
        }
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        applier.apply(headers);
    }
}
