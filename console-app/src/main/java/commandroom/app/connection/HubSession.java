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
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One log-in at one hub: the channel (built once, TLS), the user, and a bearer token that is
 * refreshed before it expires. Thread-safe; blocking calls must not run on the FX thread.
 */
public final class HubSession implements AutoCloseable {

    private final ManagedChannel channel;
    private final String username;
    private final String password;
    private volatile LoginResponse login;
    private final CallCredentials credentials = new CallCredentials() {
        @Override
        public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
            executor.execute(() -> {
                try {
                    Metadata m = new Metadata();
                    m.put(AUTHORIZATION, "Bearer " + token());
                    applier.apply(m);
                } catch (RuntimeException e) {
                    applier.fail(io.grpc.Status.UNAUTHENTICATED.withDescription("could not refresh the log-in")
                            .withCause(e));
                }
            });
        }
    };
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private HubSession(ManagedChannel channel, String username, String password) {
        this.channel = channel;
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
            ch = builder.maxInboundMessageSize(16 * 1024 * 1024)
                    .keepAliveTime(10, TimeUnit.SECONDS).keepAliveTimeout(5, TimeUnit.SECONDS).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HubSession s = new HubSession(ch, username, password);
        try {
            s.login = s.auth().login(LoginRequest.newBuilder().setUsername(username).setPassword(password).build());
        } catch (io.grpc.StatusRuntimeException e) {
            ch.shutdownNow();
            throw CommandFailure.from(e);
        } catch (RuntimeException e) {
            ch.shutdownNow();
            throw e;
        }
        return s;
    }

    public ManagedChannel channel() {
        return channel;
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

    private synchronized String token() {
        Instant expires = Instant.ofEpochSecond(login.getAccessExpiresAt().getSeconds());
        if (Instant.now().plusSeconds(60).isAfter(expires)) {
            try {
                login = auth().refresh(RefreshRequest.newBuilder().setRefreshToken(login.getRefreshToken()).build());
            } catch (io.grpc.StatusRuntimeException refreshFailed) {
                login = auth().login(LoginRequest.newBuilder().setUsername(username).setPassword(password).build());
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
