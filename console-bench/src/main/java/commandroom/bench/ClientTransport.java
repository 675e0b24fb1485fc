package commandroom.bench;

import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.LoginRequest;
import commandroom.v1.LoginResponse;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The harness's client side of the wire: TLS channels (grpc-netty-shaded) trusting the server's
 * certificate, on event-loop threads of their own named {@code bench-client-*} so that their CPU
 * is told apart from the server's in the same JVM. They use epoll where the server does (Linux),
 * so that client and server share one set of netty types and the JIT does not keep recompiling
 * the code they share. Stream and call callbacks run directly on those
 * event-loop threads (they only record a time). Also logs users in. Thread-safe; close once.
 */
public final class ClientTransport implements AutoCloseable {

    private static final int LOGINS_IN_FLIGHT = 16;

    private final int port;
    private final ChannelCredentials credentials;
    private final EventLoopGroup loops;
    private final Class<? extends io.grpc.netty.shaded.io.netty.channel.Channel> channelType;
    private final ExecutorService offload;
    private final List<ManagedChannel> channels = new ArrayList<>();

    public ClientTransport(Path trustedCertificate, int port) {
        this.port = port;
        try {
            this.credentials = TlsChannelCredentials.newBuilder().trustManager(trustedCertificate.toFile()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int threads = Runtime.getRuntime().availableProcessors();
        boolean epoll = Epoll.isAvailable();
        this.loops = new MultiThreadIoEventLoopGroup(threads, named("bench-client-elg"),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        this.offload = Executors.newCachedThreadPool(named("bench-client-offload"));
    }

    /** A new channel (one HTTP/2 connection) to the server; closed with the transport. */
    public synchronized ManagedChannel newChannel() {
        ManagedChannelBuilder<?> b = Grpc.newChannelBuilderForAddress("127.0.0.1", port, credentials);
        if (!(b instanceof NettyChannelBuilder netty)) {
            throw new IllegalStateException("expected grpc-netty-shaded, got " + b.getClass().getName());
        }
        ManagedChannel ch = netty.eventLoopGroup(loops).channelType(channelType)
                .directExecutor().offloadExecutor(offload).maxInboundMessageSize(16 * 1024 * 1024).build();
        channels.add(ch);
        return ch;
    }

    /** One channel per group of {@code perChannel} clients, enough for {@code clients}. */
    public List<ManagedChannel> newChannels(int clients, int perChannel) {
        List<ManagedChannel> list = new ArrayList<>();
        for (int i = 0; i < (clients + perChannel - 1) / perChannel; i++) {
            list.add(newChannel());
        }
        return list;
    }

    /** Logs every user in (a few at a time) and gives their access tokens by name. */
    static ConcurrentHashMap<String, String> logIn(ManagedChannel channel, List<String> usernames, String password)
            throws InterruptedException {
        ConcurrentHashMap<String, String> tokens = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(LOGINS_IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(usernames.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AuthServiceGrpc.AuthServiceStub auth = AuthServiceGrpc.newStub(channel);
        for (String name : usernames) {
            permits.acquire();
            auth.withDeadlineAfter(60, TimeUnit.SECONDS).login(
                    LoginRequest.newBuilder().setUsername(name).setPassword(password).build(),
                    new StreamObserver<>() {
                        @Override
                        public void onNext(LoginResponse r) {
                            tokens.put(name, r.getAccessToken());
                        }

                        @Override
                        public void onError(Throwable t) {
                            failure.compareAndSet(null, new IllegalStateException("log-in of " + name + " failed", t));
                            permits.release();
                            done.countDown();
                        }

                        @Override
                        public void onCompleted() {
                            permits.release();
                            done.countDown();
                        }
                    });
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("log-ins did not finish in 120 s");
        }
        if (failure.get() != null) {
            throw (IllegalStateException) failure.get();
        }
        return tokens;
    }

    /** Puts "authorization: Bearer token" on every call of a stub. */
    static ClientInterceptor bearer(String accessToken) {
        Metadata m = new Metadata();
        m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + accessToken);
        return MetadataUtils.newAttachHeadersInterceptor(m);
    }

    @Override
    public synchronized void close() {
        channels.forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel ch : channels) {
            try {
                ch.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channels.clear();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        offload.shutdownNow();
    }

    /** Daemon threads named prefix-1, prefix-2, ... */
    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
