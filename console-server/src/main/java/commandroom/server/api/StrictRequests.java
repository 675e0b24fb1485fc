package commandroom.server.api;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A request whose bytes are not the method's message (broken encoding, invalid UTF-8 in a string,
 * nesting past the parser's limit) is refused with INVALID_ARGUMENT saying so. Left to grpc-java,
 * an exception from the parser reaches the client as UNKNOWN, which a client cannot act on (found
 * by fuzzing every RPC), and grpc-java ignores the status of an exception thrown there. So the
 * parser's failure is noted for the thread (grpc-java parses a message on the thread that then
 * delivers it), the message's empty prototype stands in, and the call's listener closes the call
 * instead of delivering it. Wraps a bound service; the handlers are untouched. Thread-safe.
 */
public final class StrictRequests {

    /** The parse failure of the message about to be delivered on this thread, if it failed. */
    private static final ThreadLocal<RuntimeException> FAILED = new ThreadLocal<>();

    private StrictRequests() {}

    public static ServerServiceDefinition wrap(ServerServiceDefinition service) {
        ServiceDescriptor original = service.getServiceDescriptor();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
                .setSchemaDescriptor(original.getSchemaDescriptor());
        List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
        for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
            ServerMethodDefinition<?, ?> strict = strict(m);
            descriptor.addMethod(strict.getMethodDescriptor());
            methods.add(strict);
        }
        ServerServiceDefinition.Builder out = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(out::addMethod);
        return out.build();
    }

    private static <Q, A> ServerMethodDefinition<Q, A> strict(ServerMethodDefinition<Q, A> m) {
        MethodDescriptor<Q, A> d = m.getMethodDescriptor();
        if (!(d.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<Q> proto)) {
            return m;
        }
        String name = d.getFullMethodName().substring(d.getFullMethodName().indexOf('/') + 1);
        MethodDescriptor<Q, A> checked = d.toBuilder(noted(proto), d.getResponseMarshaller()).build();
        ServerCallHandler<Q, A> handler = m.getServerCallHandler();
        return ServerMethodDefinition.create(checked, (call, headers) -> refusing(name, call, handler.startCall(call, headers)));
    }

    private static <Q> MethodDescriptor.Marshaller<Q> noted(MethodDescriptor.PrototypeMarshaller<Q> m) {
        return new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(Q value) {
                return m.stream(value);
            }

            @Override
            public Q parse(InputStream stream) {
                FAILED.remove();
                try {
                    return m.parse(stream);
                } catch (RuntimeException e) {
                    FAILED.set(e);
                    return m.getMessagePrototype();
                }
            }
        };
    }

    private static <Q, A> ServerCall.Listener<Q> refusing(String method, ServerCall<Q, A> call, ServerCall.Listener<Q> next) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                RuntimeException failed = FAILED.get();
                FAILED.remove();
                if (refused) {
                    return;
                }
                if (failed != null) {
                    refused = true;
                    call.close(Status.INVALID_ARGUMENT.withDescription("the request is not a valid " + method
                            + " message: " + failed.getMessage()), new Metadata());
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onReady() {
                if (!refused) {
                    super.onReady();
                }
            }
        };
    }
}
