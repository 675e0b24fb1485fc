package commandroom.app.connection;

import commandroom.app.model.UserProfile;
import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.LoginRequest;
import commandroom.v1.LoginResponse;
import commandroom.v1.LogoutRequest;
import commandroom.v1.RefreshRequest;
import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One log-in at one hub: the channel (built once, TLS), the user, and a bearer token that is
 * refreshed before it expires, by a timer of its own when no call needs it. Thread-safe; blocking
 * calls must not run on the FX thread.
 */
public final class HubSession implements AutoCloseable {

    /**
     * The largest message the console accepts from the hub unless told otherwise: the hub's
     * snapshot must fit in it (see {@link EventFeed}: a larger one is refused and said so).
     */
    public static final int DEFAULT_MAX_INBOUND_BYTES = 16 * 1024 * 1024;

    private final ManagedChannel channel;
    private final int maxInboundBytes;
    private final String username;
    /**
     * Kept after the log-in only for the demo (see {@link #logInAgainAsTheDemo}): a shift's log-in
     * ends after 14 h, and a console at a real hub must not quietly log in again with a password it
     * kept in memory; the person at it logs in again.
     */
    private volatile String password;
    private volatile LoginResponse login;
    /**
     * Renews the token before it runs out even when the console makes no call: the hub ends an
     * open stream (the event feed) whose session stops renewing.
     */
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "session-renewal");
        t.setDaemon(true);
        return t;
    });
    private final CallCredentials credentials = new CallCredentials() {
        @Override
        public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
            executor.execute(() -> {
                try {
                    Metadata m = new Metadata();
                    m.put(AUTHORIZATION, "Bearer " + token());
                    applier.apply(m);
                } catch (RuntimeException e) {
                    // A hub out of reach while the token is renewed is a lost connection, not a
                    // log-in that is no longer valid: the feed must say "reconnecting", not "log in again".
                    io.grpc.Status cause = io.grpc.Status.fromThrowable(e);
                    applier.fail(FeedFailures.isTransient(cause)
                            ? io.grpc.Status.UNAVAILABLE.withDescription("the hub could not be reached to renew the"
                                    + " log-in: " + FeedFailures.words(cause)).withCause(e)
                            : io.grpc.Status.UNAUTHENTICATED.withDescription("could not refresh the log-in: "
                                    + FeedFailures.words(cause)).withCause(e));
                }
            });
        }
    };
    /** Renewal runs this long before expiry: inside the minute in which token() refreshes. */
    private static final long RENEW_BEFORE_MS = 45_000;
    private static final long RENEW_MIN_DELAY_MS = 5_000;
    private static final long RENEW_RETRY_MS = 15_000;
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private HubSession(ManagedChannel channel, int maxInboundBytes, String username, String password) {
        this.channel = channel;
        this.maxInboundBytes = maxInboundBytes;
        this.username = username;
        this.password = password;
    }

    /**
     * Opens a TLS channel to host:port trusting the certificate file, and logs in (blocking). A
     * refusal (wrong password, hub unreachable) is a {@link CommandFailure}.
     */
    public static HubSession open(String host, int port, Path trustedCertificate, String username, String password) {
        return open(List.of(new HubAddress(host, port)), trustedCertificate, username, password);
    }

    /**
     * The same for a hub with several replicas: the channel uses the first that answers and moves
     * to another when it fails (see {@link ReplicaResolver}).
     */
    public static HubSession open(List<HubAddress> replicas, Path trustedCertificate, String username, String password) {
        return open(replicas, trustedCertificate, username, password, DEFAULT_MAX_INBOUND_BYTES);
    }

    /**
     * The same, accepting messages from the hub up to maxInboundBytes (the default is
     * {@link #DEFAULT_MAX_INBOUND_BYTES}; tests make it small to see a snapshot refused).
     */
    public static HubSession open(List<HubAddress> replicas, Path trustedCertificate, String username, String password,
                                  int maxInboundBytes) {
        ManagedChannel ch;
        try {
            var credentials = TlsChannelCredentials.newBuilder().trustManager(trustedCertificate.toFile()).build();
            ManagedChannelBuilder<?> builder;
            if (replicas.size() == 1) {
                builder = Grpc.newChannelBuilderForAddress(replicas.get(0).host(), replicas.get(0).port(), credentials);
            } else {
                ReplicaResolver.register();
                builder = Grpc.newChannelBuilder(ReplicaResolver.target(replicas), credentials);
            }
            ch = builder.maxInboundMessageSize(maxInboundBytes)
                    .keepAliveTime(10, TimeUnit.SECONDS).keepAliveTimeout(5, TimeUnit.SECONDS).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HubSession s = new HubSession(ch, maxInboundBytes, username, password);
        try {
            s.login = s.auth().login(LoginRequest.newBuilder().setUsername(username).setPassword(password).build());
        } catch (io.grpc.StatusRuntimeException e) {
            ch.shutdownNow();
            throw CommandFailure.from(e);
        } catch (RuntimeException e) {
            ch.shutdownNow();
            throw e;
        }
        s.password = null;
        s.renewInTime();
        return s;
    }

    public ManagedChannel channel() {
        return channel;
    }

    /** The largest message this console accepts from the hub, bytes. */
    public int maxInboundBytes() {
        return maxInboundBytes;
    }

    /** The stations this hub follows: non-empty on a county hub, whose consoles show the county board. */
    public List<String> followedStations() {
        return login.getFollowedStationsList();
    }

    /** True on a station hub linked to a county: incidents may be handed up. */
    public boolean followsCounty() {
        return login.getFollowsCounty();
    }

    public UserProfile user() {
        var u = login.getUser();
        return new UserProfile(u.getUsername(), u.getDisplayName(), ProtoMapper.role(u.getRole()));
    }

    /** Credentials that always carry the current token, refreshing it when it is about to expire. */
    public CallCredentials credentials() {
        return credentials;
    }

    /** Schedules the next renewal inside token()'s window (a minute before expiry); after a failure, soon again. */
    private void renewInTime() {
        Instant expires = Instant.ofEpochSecond(login.getAccessExpiresAt().getSeconds());
        long delayMs = Math.max(RENEW_MIN_DELAY_MS, Duration.between(Instant.now(), expires).toMillis() - RENEW_BEFORE_MS);
        try {
            renewal.schedule(() -> {
                try {
                    token();
                    renewInTime();
                } catch (RuntimeException hubOutOfReach) {
                    // The feed says what it sees; try again soon (the next call would too).
                    renewal.schedule(this::renewInTime, RENEW_RETRY_MS, TimeUnit.MILLISECONDS);
                }
            }, delayMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The session is closing.
        }
    }

    /**
     * The embedded demo logs in again by itself when its log-in ends (a demo left running for a
     * day), with the demo county's published password; a console at a real hub never does.
     */
    public void logInAgainAsTheDemo(String demoPassword) {
        this.password = demoPassword;
    }

    private synchronized String token() {
        Instant expires = Instant.ofEpochSecond(login.getAccessExpiresAt().getSeconds());
        if (Instant.now().plusSeconds(60).isAfter(expires)) {
            try {
                login = auth().refresh(RefreshRequest.newBuilder().setRefreshToken(login.getRefreshToken()).build());
            } catch (io.grpc.StatusRuntimeException refreshFailed) {
                String kept = password;
                if (kept == null || FeedFailures.isTransient(refreshFailed.getStatus())) {
                    throw refreshFailed;
                }
                login = auth().login(LoginRequest.newBuilder().setUsername(username).setPassword(kept).build());
            }
        }
        return login.getAccessToken();
    }

    /**
     * Log-in waits for the channel (TLS handshake, bcrypt) up to 20 s: on a loaded two-core
     * workstation 10 s was seen to run out while the hub was still starting.
     */
    private AuthServiceGrpc.AuthServiceBlockingStub auth() {
        return AuthServiceGrpc.newBlockingStub(channel).withWaitForReady().withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        renewal.shutdownNow();
        try {
            AuthServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials())
                    .withDeadlineAfter(2, TimeUnit.SECONDS).logout(LogoutRequest.getDefaultInstance());
        } catch (RuntimeException hubGone) {
            // Logging out is a courtesy; the token expires on its own.
        }
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
