package commandroom.server.testing;

import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.LoginRequest;
import commandroom.v1.LoginResponse;
import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A logged-in client of a hub over TLS, as a console or terminal would be: its own channel, a
 * bearer token, stubs with a deadline. For tests and harnesses.
 */
public final class HubClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final LoginResponse login;
    private final CallCredentials credentials;

    private HubClient(ManagedChannel channel, LoginResponse login) {
        this.channel = channel;
        this.login = login;
        this.credentials = bearer(login.getAccessToken());
    }

    public static ManagedChannel channel(String host, int port, Path trustedCertificate) {
        try {
            return Grpc.newChannelBuilderForAddress(host, port,
                            TlsChannelCredentials.newBuilder().trustManager(trustedCertificate.toFile()).build())
                    .maxInboundMessageSize(16 * 1024 * 1024).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A channel whose connections leave from another loopback address (127.0.0.2, say): a second
     * machine, as far as the hub can tell (log-ins are throttled per source).
     */
    public static ManagedChannel channelFrom(String localAddress, int port, Path trustedCertificate) {
        try {
            return io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress("127.0.0.1", port,
                            TlsChannelCredentials.newBuilder().trustManager(trustedCertificate.toFile()).build())
                    .localSocketPicker(new io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.LocalSocketPicker() {
                        @Override
                        public java.net.SocketAddress createSocketAddress(java.net.SocketAddress remote,
                                                                          io.grpc.Attributes attrs) {
                            return new java.net.InetSocketAddress(localAddress, 0);
                        }
                    })
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One log-in attempt on a channel; answers its status (OK, or why it was refused). */
    public static io.grpc.Status tryLogin(ManagedChannel ch, String username, String password) {
        try {
            AuthServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .login(LoginRequest.newBuilder().setUsername(username).setPassword(password).build());
            return io.grpc.Status.OK;
        } catch (io.grpc.StatusRuntimeException e) {
            return e.getStatus();
        }
    }

    public static HubClient login(String host, int port, Path cert, String username, String password) {
        ManagedChannel ch = channel(host, port, cert);
        LoginResponse r = AuthServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS)
                .login(LoginRequest.newBuilder().setUsername(username).setPassword(password).build());
        return new HubClient(ch, r);
    }

    public static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata m = new Metadata();
                m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(m);
            }
        };
    }

    /** The same log-in (its tokens) on another hub: a replica of the one it logged in to. */
    public HubClient on(int port, Path cert) {
        return new HubClient(channel("127.0.0.1", port, cert), login);
    }

    public LoginResponse login() {
        return login;
    }

    public ManagedChannel channel() {
        return channel;
    }

    public CommandServiceGrpc.CommandServiceBlockingStub command() {
        return CommandServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    public CommandServiceGrpc.CommandServiceStub commandAsync() {
        return CommandServiceGrpc.newStub(channel).withCallCredentials(credentials);
    }

    public commandroom.v1.CaseServiceGrpc.CaseServiceBlockingStub cases() {
        return commandroom.v1.CaseServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    public commandroom.v1.LinkageServiceGrpc.LinkageServiceBlockingStub linkage() {
        return commandroom.v1.LinkageServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    public commandroom.v1.RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return commandroom.v1.RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials)
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    public commandroom.v1.CameraServiceGrpc.CameraServiceBlockingStub cameras() {
        return commandroom.v1.CameraServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials)
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** A watch read as an iterator (its first address); the call ends with the channel. */
    public commandroom.v1.CameraServiceGrpc.CameraServiceBlockingStub camerasBlocking() {
        return commandroom.v1.CameraServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials)
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** Camera watches are held open: no deadline. */
    public commandroom.v1.CameraServiceGrpc.CameraServiceStub camerasAsync() {
        return commandroom.v1.CameraServiceGrpc.newStub(channel).withCallCredentials(credentials);
    }

    public FieldServiceGrpc.FieldServiceBlockingStub field() {
        return FieldServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    public FieldServiceGrpc.FieldServiceStub fieldAsync() {
        return FieldServiceGrpc.newStub(channel).withCallCredentials(credentials);
    }

    public commandroom.v1.TravelServiceGrpc.TravelServiceBlockingStub travel() {
        return commandroom.v1.TravelServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials)
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    public AuthServiceGrpc.AuthServiceBlockingStub auth() {
        return AuthServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
