package commandroom.server.testing;

import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.CaseServiceGrpc;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.FraudServiceGrpc;
import commandroom.v1.KeyPersonServiceGrpc;
import commandroom.v1.ShiftServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Calls any of the hub's methods with a request given as bytes, as the permission and fuzzing tests
 * need: what comes back is only the status. Stateless; any thread.
 */
public final class RawCalls {

    /** Every service the hub serves of its own (not health, not reflection). */
    public static final List<ServiceDescriptor> SERVICES = List.of(AuthServiceGrpc.getServiceDescriptor(),
            CommandServiceGrpc.getServiceDescriptor(), FieldServiceGrpc.getServiceDescriptor(),
            CaseServiceGrpc.getServiceDescriptor(), ShiftServiceGrpc.getServiceDescriptor(),
            KeyPersonServiceGrpc.getServiceDescriptor(), FraudServiceGrpc.getServiceDescriptor(),
            commandroom.v1.LinkageServiceGrpc.getServiceDescriptor(), commandroom.v1.RegistryServiceGrpc.getServiceDescriptor(),
            commandroom.v1.AddressServiceGrpc.getServiceDescriptor(), commandroom.v1.TravelServiceGrpc.getServiceDescriptor(),
            commandroom.v1.AccountServiceGrpc.getServiceDescriptor(), commandroom.v1.CameraServiceGrpc.getServiceDescriptor());

    private RawCalls() {}

    /**
     * Calls the method with the bytes as its request (token null: none). A stream the caller may
     * open answers with its first message or stays open until the stream deadline: both are OK.
     */
    public static Status.Code call(Channel channel, CallCredentials token, MethodDescriptor<?, ?> method, byte[] body,
                                   Duration unaryDeadline, Duration streamDeadline) {
        boolean stream = method.getType() != MethodDescriptor.MethodType.UNARY;
        MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder(BYTES, BYTES)
                .setType(method.getType()).setFullMethodName(method.getFullMethodName()).build();
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(
                (stream ? streamDeadline : unaryDeadline).toMillis(), TimeUnit.MILLISECONDS);
        if (token != null) {
            options = options.withCallCredentials(token);
        }
        Context.CancellableContext context = Context.current().withCancellation();
        Context previous = context.attach();
        try {
            if (stream) {
                ClientCalls.blockingServerStreamingCall(channel, raw, options, body).hasNext();
            } else {
                ClientCalls.blockingUnaryCall(channel, raw, options, body);
            }
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            return stream && code == Status.Code.DEADLINE_EXCEEDED ? Status.Code.OK : code;
        } finally {
            context.detach(previous);
            context.cancel(null);
        }
    }

    /** A unary call with the bytes as its request, its body gzip-compressed or not; answers its status. */
    public static Status unary(Channel channel, CallCredentials token, MethodDescriptor<?, ?> method, byte[] body,
                               boolean gzip) {
        MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder(BYTES, BYTES)
                .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(method.getFullMethodName()).build();
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS);
        if (token != null) {
            options = options.withCallCredentials(token);
        }
        if (gzip) {
            options = options.withCompression("gzip");
        }
        try {
            ClientCalls.blockingUnaryCall(channel, raw, options, body);
            return Status.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
    }

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream in) {
            try {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
}
