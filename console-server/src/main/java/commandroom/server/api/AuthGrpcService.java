package commandroom.server.api;

import com.google.protobuf.Timestamp;
import commandroom.server.auth.Caller;
import commandroom.server.auth.LoginThrottle;
import commandroom.server.auth.PasswordHasher;
import commandroom.server.auth.Peer;
import commandroom.server.auth.PublishedPasswords;
import commandroom.server.auth.TokenService;
import commandroom.server.auth.UserDirectory;
import commandroom.server.loop.Hub;
import commandroom.server.store.UserRecord;
import commandroom.v1.AccountActivity;
import commandroom.v1.AccountActivityKind;
import commandroom.v1.Actor;
import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.Event;
import commandroom.v1.LoginRequest;
import commandroom.v1.LoginResponse;
import commandroom.v1.LogoutRequest;
import commandroom.v1.LogoutResponse;
import commandroom.v1.RefreshRequest;
import commandroom.v1.Role;
import commandroom.v1.UserInfo;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AuthService: log in (guessing slowed per source by a {@link LoginThrottle}), refresh, log out.
 * Log-ins, failed log-ins and log-outs are events in the log (the audit chain), with the address
 * they came from. A name that does not exist costs the same password check as one that does, so
 * the answer's timing tells nobody which names exist. Thread-safe.
 */
public final class AuthGrpcService extends AuthServiceGrpc.AuthServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(AuthGrpcService.class);

    private final UserDirectory users;
    private final PasswordHasher passwords;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final Hub hub;
    private final boolean demo;
    private final List<String> followedStations;
    private final boolean followsCounty;
    /** Checked against when the name does not exist, so that both take one bcrypt check. */
    private final String decoyHash;

    /**
     * @param followedStations the stations this hub follows, told to consoles at log-in
     * @param followsCounty    whether this hub is a station linked to a county, told likewise
     */
    public AuthGrpcService(UserDirectory users, PasswordHasher passwords, TokenService tokens, LoginThrottle throttle,
                           Hub hub, boolean demo, List<String> followedStations, boolean followsCounty) {
        this.demo = demo;
        this.followedStations = List.copyOf(followedStations);
        this.followsCounty = followsCounty;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.hub = hub;
        this.decoyHash = passwords.hash(UUID.randomUUID().toString());
    }

    @Override
    public void login(LoginRequest r, StreamObserver<LoginResponse> out) {
        String source = Peer.current();
        Replies.call(() -> {
            new Violations().text("username", r.getUsername(), 1, 64).text("password", r.getPassword(), 1, 256)
                    .throwIfAny();
            Optional<Duration> wait = throttle.wait(source);
            if (wait.isPresent()) {
                throw throttled(wait.get());
            }
            Optional<UserRecord> user = users.load(r.getUsername());
            boolean matches = passwords.matches(r.getPassword(), user.map(UserRecord::passwordHash).orElse(decoyHash));
            if (user.isEmpty() || !matches) {
                Optional<Duration> nowWaits = throttle.failed(source);
                record(AccountActivityKind.ACCOUNT_ACTIVITY_KIND_LOGIN_FAILED, r.getUsername(), Role.ROLE_UNSPECIFIED,
                        source, "", nowWaits.isPresent() ? "throttled" : "wrong-credentials");
                if (nowWaits.isPresent()) {
                    LOG.warn("failed log-ins from {}: it waits {} s before the next", source, nowWaits.get().toSeconds());
                }
                throw Status.UNAUTHENTICATED.withDescription("wrong user name or password").asRuntimeException();
            }
            if (user.get().disabled()) {
                record(AccountActivityKind.ACCOUNT_ACTIVITY_KIND_LOGIN_FAILED, r.getUsername(), user.get().role(),
                        source, "", "disabled");
                throw Status.PERMISSION_DENIED.withDescription("account is disabled").asRuntimeException();
            }
            if (!demo && PublishedPasswords.isPublished(r.getPassword())) {
                record(AccountActivityKind.ACCOUNT_ACTIVITY_KIND_LOGIN_FAILED, r.getUsername(), user.get().role(),
                        source, "", "published-password");
                throw Status.PERMISSION_DENIED.withDescription("this account's password is a published one (the demo"
                        + " county's or a common one); the administrator must set a new one").asRuntimeException();
            }
            String session = tokens.newSession();
            record(AccountActivityKind.ACCOUNT_ACTIVITY_KIND_LOGGED_IN, user.get().username(), user.get().role(),
                    source, session, "");
            startShift(user.get());
            return issue(user.get(), session, hub.clock().instant());
        }, out);
    }

    /**
     * A terminal's log-in starts its unit's shift: a unit off duty is put on duty (the unit's own
     * act, in the log). Out of service or on a break stays as the leader set it.
     */
    private void startShift(UserRecord u) {
        if (u.role() != Role.ROLE_FIELD_UNIT || u.unitId() == null || u.unitId().isEmpty()) {
            return;
        }
        Actor actor = Actor.newBuilder().setUserId(u.username()).setRole(u.role()).setDisplayName(u.displayName()).build();
        try {
            hub.submit(actor, "", Event.KindCase.UNIT_DUTY_CHANGED, (s, now) -> s.unit(u.unitId())
                    .filter(unit -> unit.getStatus() == commandroom.v1.UnitStatus.UNIT_STATUS_OFF_DUTY)
                    .map(unit -> Event.newBuilder().setUnitDutyChanged(commandroom.v1.UnitDutyChanged.newBuilder()
                            .setUnitId(unit.getId()).setDuty(commandroom.v1.UnitDuty.UNIT_DUTY_ON_DUTY).setReason("log-in")))
                    .orElse(null)).get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("the log-in of {} did not start its unit's shift: {}", u.username(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException throttled(Duration wait) {
        return Status.RESOURCE_EXHAUSTED.withDescription("too many failed log-ins from this address; try again in "
                + Math.max(1, wait.toSeconds()) + " s").asRuntimeException();
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
            if (!u.acceptsSessionFrom(c.sessionStart())) {
                throw Status.UNAUTHENTICATED.withDescription(SessionLease.ACCOUNT_CHANGED).asRuntimeException();
            }
            return issue(u, c.sessionId(), c.sessionStart());
        }, out);
    }

    @Override
    public void logout(LogoutRequest r, StreamObserver<LogoutResponse> out) {
        Replies.call(() -> {
            Caller c = Caller.current();
            tokens.revoke(c.sessionId());
            record(AccountActivityKind.ACCOUNT_ACTIVITY_KIND_LOGGED_OUT, c.username(), c.role(), Peer.current(),
                    c.sessionId(), "");
            return LogoutResponse.getDefaultInstance();
        }, out);
    }

    /**
     * Appends the activity to the log before the call is answered (what was answered is in the
     * audit); a log that cannot be written now is said in the hub's own log, and the answer goes.
     */
    private void record(AccountActivityKind kind, String username, Role role, String source, String session,
                        String reason) {
        String name = username.codePointCount(0, username.length()) > 64
                ? username.substring(0, username.offsetByCodePoints(0, 64)) : username;
        Actor actor = Actor.newBuilder().setUserId(kind == AccountActivityKind.ACCOUNT_ACTIVITY_KIND_LOGIN_FAILED
                ? "" : name).setRole(role).build();
        AccountActivity a = AccountActivity.newBuilder().setKind(kind).setUsername(name).setSource(source)
                .setSessionId(session).setReason(reason).build();
        try {
            hub.submit(actor, "", Event.KindCase.ACCOUNT_ACTIVITY, (s, now) -> Event.newBuilder().setAccountActivity(a))
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("could not log {} of {} from {}: {}", kind, name, source, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LoginResponse issue(UserRecord u, String session, Instant sessionStart) {
        Instant accessExpiry = tokens.accessExpiry();
        Instant refreshExpiry = tokens.refreshExpiry(sessionStart);
        if (!refreshExpiry.isAfter(hub.clock().instant())) {
            throw Status.UNAUTHENTICATED.withDescription("the session has reached its limit (a shift); log in again")
                    .asRuntimeException();
        }
        if (accessExpiry.isAfter(refreshExpiry)) {
            accessExpiry = refreshExpiry;
        }
        return LoginResponse.newBuilder()
                .setAccessToken(tokens.issue(TokenService.Kind.ACCESS, session, u.username(), accessExpiry, sessionStart))
                .setAccessExpiresAt(Timestamp.newBuilder().setSeconds(accessExpiry.getEpochSecond()))
                .setRefreshToken(tokens.issue(TokenService.Kind.REFRESH, session, u.username(), refreshExpiry, sessionStart))
                .setUser(UserInfo.newBuilder().setUsername(u.username()).setDisplayName(u.displayName())
                        .setRole(u.role()).setUnitId(u.unitId()).setStationId(u.stationId()))
                .addAllFollowedStations(followedStations).setFollowsCounty(followsCounty)
                .build();
    }
}
