package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.auth.Peer;
import commandroom.server.auth.Permissions;
import commandroom.server.auth.TokenService;
import commandroom.server.auth.UserDirectory;
import commandroom.server.store.UserRecord;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;

/**
 * Checks the bearer token of every call (UNAUTHENTICATED without a valid one) and the caller's
 * role against {@link Permissions} (PERMISSION_DENIED), then puts the {@link Caller} into the
 * context. Runs on gRPC's executor; thread-safe.
 */
public final class AuthInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final TokenService tokens;
    private final UserDirectory users;

    public AuthInterceptor(TokenService tokens, UserDirectory users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        if (Permissions.isOpen(method)) {
            Context ctx = Context.current().withValue(Peer.ADDRESS, source(call));
            return Contexts.interceptCall(ctx, call, headers, next);
        }
        String header = headers.get(AUTHORIZATION);
        if (header == null || !header.startsWith("Bearer ") || header.length() > 4096) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription("missing bearer token; log in first"));
        }
        StringBuilder why = new StringBuilder();
        Optional<TokenService.Claims> claims;
        try {
            claims = tokens.verify(header.substring(7).trim(), TokenService.Kind.ACCESS, why);
        } catch (RuntimeException malformed) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription("malformed token"));
        }
        if (claims.isEmpty()) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription(why.toString()));
        }
        Optional<UserRecord> user = users.find(claims.get().username());
        if (user.isEmpty() || user.get().disabled()) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription("account is disabled or gone"));
        }
        if (!user.get().acceptsSessionFrom(claims.get().sessionStart())) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription(SessionLease.ACCOUNT_CHANGED));
        }
        UserRecord u = user.get();
        if (!Permissions.allows(method, u.role())) {
            return refuse(call, Status.PERMISSION_DENIED.withDescription(
                    "role " + u.role().name() + " may not call " + call.getMethodDescriptor().getBareMethodName()));
        }
        Caller caller = new Caller(u.username(), u.displayName(), u.role(), u.unitId(), u.stationId(),
                claims.get().sessionId(), claims.get().expiresAt(), claims.get().sessionStart());
        Context ctx = Context.current().withValue(Caller.KEY, caller);
        return Contexts.interceptCall(ctx, call, headers, next);
    }

    /** The peer's IP address without its port (one address tries many ports). */
    private static String source(ServerCall<?, ?> call) {
        java.net.SocketAddress a = call.getAttributes().get(io.grpc.Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (a instanceof java.net.InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return String.valueOf(a);
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {};
    }
}
