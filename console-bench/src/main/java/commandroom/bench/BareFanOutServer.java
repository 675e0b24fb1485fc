package commandroom.bench;

import com.google.protobuf.Empty;
import commandroom.v1.Event;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: a gRPC server with the hub's transport (grpc-netty-shaded, TLS with the same kind
 * of certificate, the same keep-alive settings) and none of its logic. One server-streaming method
 * subscribes; a unary "publish" sends the message it carries to every subscriber, on the calling
 * thread, before it answers. No log, no database, no tokens, no filter, no flow control beyond
 * gRPC's own buffering. Thread-safe.
 */
final class BareFanOutServer implements AutoCloseable {

    static final String SERVICE = "commandroom.bench.BareFanOut";

    static final MethodDescriptor<Empty, Event> SUBSCRIBE = MethodDescriptor.<Empty, Event>newBuilder()
            .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Subscribe"))
            .setRequestMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(Event.getDefaultInstance()))
            .build();

    static final MethodDescriptor<Event, Empty> PUBLISH = MethodDescriptor.<Event, Empty>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Publish"))
            .setRequestMarshaller(ProtoUtils.marshaller(Event.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
            .build();

    private final Set<ServerCallStreamObserver<Event>> subscribers = ConcurrentHashMap.newKeySet();
    private final Server server;

    private BareFanOutServer(Path certificate, Path privateKey) throws IOException {
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
                .addMethod(SUBSCRIBE, ServerCalls.asyncServerStreamingCall(this::subscribe))
                .addMethod(PUBLISH, ServerCalls.asyncUnaryCall(this::publish))
                .build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
                        TlsServerCredentials.create(certificate.toFile(), privateKey.toFile()))
                .permitKeepAliveTime(10, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .keepAliveTime(30, TimeUnit.SECONDS)
                .addService(service)
                .build()
                .start();
    }

    /** Starts the server on a free port of 127.0.0.1. */
    static BareFanOutServer start(Path certificate, Path privateKey) throws IOException {
        return new BareFanOutServer(certificate, privateKey);
    }

    int port() {
        return server.getPort();
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void subscribe(Empty request, StreamObserver<Event> out) {
        ServerCallStreamObserver<Event> s = (ServerCallStreamObserver<Event>) out;
        s.setOnCancelHandler(() -> subscribers.remove(s));
        subscribers.add(s);
    }

    private void publish(Event message, StreamObserver<Empty> out) {
        for (ServerCallStreamObserver<Event> s : subscribers) {
            // A StreamObserver is not thread-safe and publishes may overlap: one sender at a time.
            synchronized (s) {
                if (!s.isCancelled()) {
                    s.onNext(message);
                }
            }
        }
        out.onNext(Empty.getDefaultInstance());
        out.onCompleted();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
