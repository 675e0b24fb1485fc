package commandroom.server.linkage;

import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.Event;
import commandroom.v1.LoginRequest;
import commandroom.v1.SubscribeRequest;
import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows another hub's event stream over its public gRPC API, as a console does: logs in, asks
 * for the events after the last one taken, and hands each to a sink in order. When the stream
 * breaks (or the sink fails) it logs in again after a pause and resumes after the last event the
 * sink took, so the sink sees each event once and in order. Thread-safe; the sink is called from
 * one gRPC thread at a time.
 */
final class RemoteStream implements AutoCloseable {

    /** Takes the next event; throwing ends this connection, and the event comes again after it. */
    interface Sink {
        void accept(Event e) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RemoteStream.class);
    private static final long MIN_PAUSE_MS = 500;
    private static final long MAX_PAUSE_MS = 10_000;

    private final LinkSettings.Peer peer;
    private final LinkSettings settings;
    private final LongSupplier durableLast;
    private final Sink sink;
    private final ScheduledExecutorService scheduler;
    private final ManagedChannel channel;
    private volatile long lastTaken;
    private volatile boolean connected;
    private volatile String problem = "not connected yet";
    private volatile boolean closed;
    private volatile ClientCallStreamObserver<SubscribeRequest> call;
    private volatile long pauseMs = MIN_PAUSE_MS;

    /**
     * @param durableLast the last of the peer's events already taken for good (read at each
     *                    (re)connection; the stream resumes after it or after the last taken since)
     */
    RemoteStream(LinkSettings.Peer peer, LinkSettings settings, LongSupplier durableLast, Sink sink,
                 ScheduledExecutorService scheduler) {
        this.peer = peer;
        this.settings = settings;
        this.durableLast = durableLast;
        this.sink = sink;
        this.scheduler = scheduler;
        try {
            this.channel = Grpc.newChannelBuilderForAddress(peer.host(), peer.port(),
                            TlsChannelCredentials.newBuilder().trustManager(settings.trusted().toFile()).build())
                    .maxInboundMessageSize(16 * 1024 * 1024)
                    .keepAliveTime(30, TimeUnit.SECONDS).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the link certificate " + settings.trusted(), e);
        }
    }

    void start() {
        schedule(0);
    }

    boolean connected() {
        return connected;
    }

    /** Why the stream is down ("" while it is up). */
    String problem() {
        return connected ? "" : problem;
    }

    private void connect() {
        if (closed) {
            return;
        }
        String token;
        try {
            token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .login(LoginRequest.newBuilder().setUsername(settings.username())
                            .setPassword(settings.password()).build()).getAccessToken();
        } catch (RuntimeException e) {
            broken("could not log in at " + peer + ": " + describe(Status.fromThrowable(e)));
            return;
        }
        long from = Math.max(lastTaken, durableLast.getAsLong()) + 1;
        CommandServiceGrpc.newStub(channel).withCallCredentials(bearer(token))
                .subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), new Observer());
    }

    private final class Observer implements ClientResponseObserver<SubscribeRequest, Event> {
        private ClientCallStreamObserver<SubscribeRequest> own;
        private boolean failed;

        @Override
        public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requestStream) {
            own = requestStream;
            call = requestStream;
        }

        @Override
        public void onNext(Event e) {
            if (failed || e.getSequence() <= lastTaken) {
                return;
            }
            if (!connected) {
                connected = true;
                pauseMs = MIN_PAUSE_MS;
                LOG.info("following {} from event {}", peer, e.getSequence());
            }
            try {
                sink.accept(e);
                lastTaken = e.getSequence();
            } catch (Exception ex) {
                failed = true;
                own.cancel("could not take event " + e.getSequence(), ex);
                broken("event " + e.getSequence() + " from " + peer + " not taken: " + ex);
            }
        }

        @Override
        public void onError(Throwable t) {
            Status s = Status.fromThrowable(t);
            if (!failed && s.getCode() == Status.Code.UNAUTHENTICATED
                    && String.valueOf(s.getDescription()).startsWith("token expired")) {
                // The peer ends a stream whose token was not renewed (a stream lives no longer than
                // its session's token): log in again at once, still counted as following.
                LOG.debug("stream from {} reached its token's end; logging in again", peer);
                schedule(0);
                return;
            }
            if (!failed) {
                broken("stream from " + peer + " broke: " + describe(s));
            }
        }

        @Override
        public void onCompleted() {
            broken("stream from " + peer + " ended");
        }
    }

    private void broken(String why) {
        connected = false;
        problem = why;
        if (!closed) {
            LOG.warn("{}; trying again in {} ms", why, pauseMs);
            schedule(pauseMs);
            pauseMs = Math.min(MAX_PAUSE_MS, pauseMs * 2);
        }
    }

    private void schedule(long delayMs) {
        try {
            scheduler.schedule(this::connect, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The hub is closing.
        }
    }

    private static String describe(Status s) {
        return s.getCode() + (s.getDescription() == null ? "" : " (" + s.getDescription() + ")");
    }

    private static CallCredentials bearer(String token) {
        Metadata m = new Metadata();
        m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                applier.apply(m);
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        var c = call;
        if (c != null) {
            c.cancel("hub closing", null);
        }
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
