package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.auth.TokenService;
import commandroom.server.auth.UserDirectory;
import commandroom.server.log.StreamLease;
import commandroom.server.store.UserRecord;
import io.grpc.Status;
import java.time.Clock;
import java.util.Optional;

/**
 * An open stream's hold on its caller's session: it ends (UNAUTHENTICATED) when the session is
 * logged out, the account is disabled, removed or changed (password, role), or the session stops
 * holding a valid access token (it no longer refreshes, or its refresh is refused). A token was
 * once checked only when a call started, so a logged-out user's stream went on receiving.
 * Thread-safe.
 */
final class SessionLease implements StreamLease {

    static final String ACCOUNT_CHANGED = "the account was changed (password, role or disabled); log in again";

    private final Caller caller;
    private final TokenService tokens;
    private final UserDirectory users;
    private final Clock clock;

    SessionLease(Caller caller, TokenService tokens, UserDirectory users, Clock clock) {
        this.caller = caller;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String owner() {
        return caller.username();
    }

    @Override
    public Status check() {
        if (tokens.isRevoked(caller.sessionId())) {
            return Status.UNAUTHENTICATED.withDescription("session was logged out");
        }
        Optional<UserRecord> user = users.find(caller.username());
        if (user.isEmpty() || user.get().disabled()) {
            return Status.UNAUTHENTICATED.withDescription("account is disabled or gone");
        }
        if (!user.get().acceptsSessionFrom(caller.sessionStart()) || user.get().role() != caller.role()) {
            return Status.UNAUTHENTICATED.withDescription(ACCOUNT_CHANGED);
        }
        if (!tokens.accessValidUntil(caller.sessionId(), caller.expiresAt()).isAfter(clock.instant())) {
            return Status.UNAUTHENTICATED.withDescription("token expired; refresh and resume");
        }
        return null;
    }
}
