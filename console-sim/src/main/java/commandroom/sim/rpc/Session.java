package commandroom.sim.rpc;

import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.LoginRequest;
import commandroom.v1.LoginResponse;
import commandroom.v1.LogoutRequest;
import commandroom.v1.LogoutResponse;
import commandroom.v1.RefreshRequest;
import commandroom.v1.UserInfo;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's login at the hub: logs in with a password, refreshes the access token before it
 * expires, and logs in again when a refresh fails or the hub forgot the token (after a restart).
 *
 * <p>Thread-safe: terminals and console actors share the shared scheduler, so any thread may ask
 * for the token, call {@link #renew()} or {@link #close()}. State changes happen under the
 * session's lock; the token itself is read without it.
 */
public final class Session {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    /** Never refresh sooner than this after a login, whatever the token's lifetime. */
    private static final Duration MIN_REFRESH_DELAY = Duration.ofSeconds(1);

    private final Channel channel;
    private final AuthServiceGrpc.AuthServiceStub auth;
    private final String username;
    private final String password;
    private final ScheduledExecutorService scheduler;
    private final CallCredentials credentials;

    private volatile String accessToken;
    private volatile UserInfo user;
    // Guarded by this.
    private String refreshToken;
    private CompletableFuture<UserInfo> started;
    private CompletableFuture<UserInfo> loginInFlight;
    private ScheduledFuture<?> refreshTimer;
    private boolean closed;
    private boolean warnedLoginFailure;

    /**
     * @param channel the channel to the hub
     * @param username login name
     * @param password password
     * @param scheduler the shared scheduler, for refresh timers and login retries
     */
    public Session(Channel channel, String username, String password, ScheduledExecutorService scheduler) {
        this.channel = channel;
        this.auth = AuthServiceGrpc.newStub(channel);
        this.username = username;
        this.password = password;
        this.scheduler = scheduler;
        this.credentials = new BearerCredentials(() -> accessToken);
    }

    /**
     * Before a retry: lets the channel try to connect at once. Its own backoff grows towards two
     * minutes while the hub is out of reach, so a terminal back in coverage would otherwise wait
     * up to tens of seconds more; our retries are already spaced by their own backoff.
     */
    public void wakeChannel() {
        if (channel instanceof io.grpc.ManagedChannel managed) {
            managed.resetConnectBackoff();
        }
    }

    /** The login name. */
    public String username() {
        return username;
    }

    /** Credentials that put this session's current access token on a call. */
    public CallCredentials credentials() {
        return credentials;
    }

    /** Who the hub says this is, once logged in; null before. */
    public UserInfo user() {
        return user;
    }

    /** Logs in (once; later calls return the same future). Retries until it succeeds or the session closes. */
    public synchronized CompletableFuture<UserInfo> start() {
        if (started == null) {
            started = login();
        }
        return started;
    }

    /**
     * Logs in again because the hub refused the token. Concurrent callers share one login.
     *
     * @return completes when a new token is in place
     */
    public synchronized CompletableFuture<UserInfo> renew() {
        accessToken = null;
        return login();
    }

    private synchronized CompletableFuture<UserInfo> login() {
        if (loginInFlight != null && !loginInFlight.isDone()) {
            return loginInFlight;
        }
        CompletableFuture<UserInfo> result = new CompletableFuture<>();
        loginInFlight = result;
        attemptLogin(result, new Backoff());
        return result;
    }

    private void attemptLogin(CompletableFuture<UserInfo> result, Backoff backoff) {
        if (isClosed()) {
            result.cancel(false);
            return;
        }
        LoginRequest request = LoginRequest.newBuilder().setUsername(username).setPassword(password).build();
        Rpc.<LoginResponse>unary(o -> auth.withDeadlineAfter(Rpc.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                        .login(request, o))
                .whenComplete((response, failure) -> {
                    if (failure == null) {
                        accept(response);
                        result.complete(response.getUser());
                        return;
                    }
                    logLoginFailure(failure);
                    // The hub may still be seeding its users, or be restarting: keep trying.
                    schedule(() -> attemptLogin(result, backoff), backoff.nextDelayMillis());
                });
    }

    private synchronized void logLoginFailure(Throwable failure) {
        if (!warnedLoginFailure && !Rpc.isTransient(failure)) {
            warnedLoginFailure = true;
            LOG.warn("{}: login failed ({}), retrying", username, Rpc.describe(failure));
        } else {
            LOG.debug("{}: login failed ({}), retrying", username, Rpc.describe(failure));
        }
    }

    private void refresh() {
        String token;
        synchronized (this) {
            token = refreshToken;
            if (closed || token == null) {
                return;
            }
        }
        RefreshRequest request = RefreshRequest.newBuilder().setRefreshToken(token).build();
        Rpc.<LoginResponse>unary(o -> auth.withDeadlineAfter(Rpc.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                        .refresh(request, o))
                .whenComplete((response, failure) -> {
                    if (failure == null) {
                        accept(response);
                    } else {
                        LOG.debug("{}: refresh failed ({}), logging in again", username, Rpc.describe(failure));
                        login();
                    }
                });
    }

    private synchronized void accept(LoginResponse response) {
        if (closed) {
            return;
        }
        warnedLoginFailure = false;
        accessToken = response.getAccessToken();
        refreshToken = response.getRefreshToken().isEmpty() ? null : response.getRefreshToken();
        user = response.getUser();
        if (refreshTimer != null) {
            refreshTimer.cancel(false);
            refreshTimer = null;
        }
        if (response.hasAccessExpiresAt() && refreshToken != null) {
            Instant expires = Instant.ofEpochSecond(response.getAccessExpiresAt().getSeconds(),
                    response.getAccessExpiresAt().getNanos());
            // Refresh when four fifths of the lifetime have passed, leaving room for a slow hub.
            long lifetimeMillis = Duration.between(Instant.now(), expires).toMillis();
            long delay = Math.max(MIN_REFRESH_DELAY.toMillis(), lifetimeMillis * 4 / 5);
            refreshTimer = schedule(this::refresh, delay);
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        try {
            return scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Stops refreshing and logs out, best effort.
     *
     * @return completes when the hub answered the logout, or at once if never logged in
     */
    public CompletableFuture<Void> close() {
        String token;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            closed = true;
            if (refreshTimer != null) {
                refreshTimer.cancel(false);
            }
            token = accessToken;
        }
        if (token == null) {
            return CompletableFuture.completedFuture(null);
        }
        return Rpc.<LogoutResponse>unary(o -> auth.withCallCredentials(credentials)
                        .withDeadlineAfter(2, TimeUnit.SECONDS)
                        .logout(LogoutRequest.getDefaultInstance(), o))
                .handle((response, failure) -> (Void) null);
    }
}
