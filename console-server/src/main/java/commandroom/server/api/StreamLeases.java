package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.auth.TokenService;
import commandroom.server.auth.UserDirectory;
import java.time.Clock;

/** Makes each stream's {@link SessionLease} from its caller. Thread-safe. */
final class StreamLeases {

    private final TokenService tokens;
    private final UserDirectory users;
    private final Clock clock;

    StreamLeases(TokenService tokens, UserDirectory users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    SessionLease of(Caller caller) {
        return new SessionLease(caller, tokens, users, clock);
    }
}
