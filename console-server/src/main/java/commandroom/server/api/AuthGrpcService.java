package commandroom.server.api;

import com.google.protobuf.Timestamp;
import commandroom.server.auth.Caller;
import commandroom.server.auth.LoginThrottle;
import commandroom.server.auth.PasswordHasher;
import commandroom.server.auth.TokenService;
import commandroom.server.auth.UserDirectory;
import commandroom.server.store.UserRecord;
import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.LoginRequest;
import commandroom.v1.LoginResponse;
import commandroom.v1.LogoutRequest;
import commandroom.v1.LogoutResponse;
import commandroom.v1.RefreshRequest;
import commandroom.v1.UserInfo;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** AuthService: log in (guessing stopped by a {@link LoginThrottle}), refresh, log out. Thread-safe. */
public final class AuthGrpcService extends AuthServiceGrpc.AuthServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(AuthGrpcService.class);

    private final UserDirectory users;
    private final PasswordHasher passwords;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final List<String> followedStations;
    private final boolean followsCounty;

    /**
     * @param followedStations the stations this hub follows, told to consoles at log-in
     * @param followsCounty    whether this hub is a station linked to a county, told likewise
     */
    public AuthGrpcService(UserDirectory users, PasswordHasher passwords, TokenService tokens, LoginThrottle throttle,
                           List<String> followedStations, boolean followsCounty) {
        this.followedStations = List.copyOf(followedStations);
        this.followsCounty = followsCounty;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Override
    public void login(LoginRequest r, StreamObserver<LoginResponse> out) {
        Replies.call(() -> {
            new Violations().text("username", r.getUsername(), 1, 64).text("password", r.getPassword(), 1, 256)
                    .throwIfAny();
            Optional<Instant> locked = throttle.lockedUntil(r.getUsername());
            if (locked.isPresent()) {
                throw locked(locked.get());
            }
            Optional<UserRecord> user = users.load(r.getUsername());
            if (user.isEmpty() || !passwords.matches(r.getPassword(), user.get().passwordHash())) {
                Optional<Instant> nowLocked = throttle.failed(r.getUsername());
                if (nowLocked.isPresent()) {
                    LOG.warn("log-in for {} locked until {} after {} failures", r.getUsername(), nowLocked.get(),
                            LoginThrottle.FAILURES);
                    throw locked(nowLocked.get());
                }
                throw Status.UNAUTHENTICATED.withDescription("wrong user name or password").asRuntimeException();
            }
            throttle.succeeded(r.getUsername());
            if (user.get().disabled()) {
                throw Status.PERMISSION_DENIED.withDescription("account is disabled").asRuntimeException();
            }
            return issue(user.get(), tokens.newSession());
        }, out);
    }

    private static RuntimeException locked(Instant until) {
        return Status.PERMISSION_DENIED.withDescription("account locked after " + LoginThrottle.FAILURES
                + " failed log-ins until " + until + "; ask the administrator, or wait").asRuntimeException();
    }

    @Override
    public void refresh(RefreshRequest r, StreamObserver<LoginResponse> out) {
        Replies.call(() -> {
            new Violations().text("refresh_token", r.getRefreshToken(), 1, 4096).throwIfAny();
            StringBuilder why = new StringBuilder();
            TokenService.Claims c;
            try {
                c = tokens.verify(r.getRefreshToken(), TokenService.Kind.REFRESH, why)
                        .orElseThrow(() -> Status.UNAUTHENTICATED.withDescription(why.toString()).asRuntimeException());
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
                throw Status.UNAUTHENTICATED.withDescription("malformed token").asRuntimeException();
            }
            UserRecord u = users.load(c.username()).filter(x -> !x.disabled())
                    .orElseThrow(() -> Status.UNAUTHENTICATED.withDescription("account is disabled or gone").asRuntimeException());
            return issue(u, c.sessionId());
        }, out);
    }

    @Override
    public void logout(LogoutRequest r, StreamObserver<LogoutResponse> out) {
        Replies.call(() -> {
            tokens.revoke(Caller.current().sessionId());
            return LogoutResponse.getDefaultInstance();
        }, out);
    }

    private LoginResponse issue(UserRecord u, String session) {
        Instant accessExpiry = tokens.accessExpiry();
        return LoginResponse.newBuilder()
                .setAccessToken(tokens.issue(TokenService.Kind.ACCESS, session, u.username(), accessExpiry))
                .setAccessExpiresAt(Timestamp.newBuilder().setSeconds(accessExpiry.getEpochSecond()))
                .setRefreshToken(tokens.issue(TokenService.Kind.REFRESH, session, u.username(), tokens.refreshExpiry()))
                .setUser(UserInfo.newBuilder().setUsername(u.username()).setDisplayName(u.displayName())
                        .setRole(u.role()).setUnitId(u.unitId()).setStationId(u.stationId()))
                .addAllFollowedStations(followedStations).setFollowsCounty(followsCounty)
                .build();
    }
}
