package commandroom.server.auth;

import commandroom.v1.Actor;
import commandroom.v1.Role;
import io.grpc.Context;

/**
 * The authenticated user of the current call, put into the gRPC context by the auth interceptor.
 */
public record Caller(String username, String displayName, Role role, String unitId, String stationId,
                     String sessionId, java.time.Instant expiresAt, java.time.Instant sessionStart) {

    public static final Context.Key<Caller> KEY = Context.key("commandroom-caller");

    /** The caller of the current call; the interceptor guarantees there is one. */
    public static Caller current() {
        Caller c = KEY.get();
        if (c == null) {
            throw new IllegalStateException("no caller: the auth interceptor did not run");
        }
        return c;
    }

    public Actor actor() {
        return Actor.newBuilder().setUserId(username).setRole(role).setUnitId(unitId)
                .setDisplayName(displayName).build();
    }
}
