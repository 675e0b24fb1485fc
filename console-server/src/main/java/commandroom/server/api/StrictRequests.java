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
 * instead of delivering it. Wraps a bound service; the handlers are untouched.
 *
 * <p>Each method also takes requests up to its own size, refused before they are parsed: the
 * open ones (log-in, refresh, health) a few kilobytes, queries and commands 64 KiB, only the calls
 * that carry photos or imports more. A request of millions of repeated elements within the hub's
 * 16 MiB transport limit was parsed, then walked, before it was refused. Thread-safe.
 */
public final class StrictRequests {

    /** Most bytes of a request, per method (bare name); others take {@link #DEFAULT_LIMIT}. */
    private static final java.util.Map<String, Integer> LIMITS = java.util.Map.ofEntries(
            java.util.Map.entry("Login", 4 * 1024), java.util.Map.entry("Refresh", 8 * 1024),
            java.util.Map.entry("Logout", 1024), java.util.Map.entry("Check", 1024), java.util.Map.entry("Watch", 1024),
            java.util.Map.entry("List", 1024), java.util.Map.entry("SubmitFeedback", 13 * 1024 * 1024),
            java.util.Map.entry("AddEvidence", 3 * 1024 * 1024),
            // One chunk of a clip (1 MiB) with its framing; the header is far smaller.
            java.util.Map.entry("KeepClip", 1024 * 1024 + 1024), java.util.Map.entry("ImportWarnings", 2 * 1024 * 1024),
            // A county's camera ledger or zone map in one import; a zone of 10,000 points.
            java.util.Map.entry("PreviewImport", 15 * 1024 * 1024), java.util.Map.entry("ApplyImport", 15 * 1024 * 1024),
            java.util.Map.entry("SaveZone", 1024 * 1024),
            // One batch of an address import: 5,000 rows.
            java.util.Map.entry("ImportAddresses", 2 * 1024 * 1024));
    static final int DEFAULT_LIMIT = 64 * 1024;

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
        MethodDescriptor<Q, A> checked = d.toBuilder(noted(proto, name, LIMITS.getOrDefault(name, DEFAULT_LIMIT)),
                d.getResponseMarshaller()).build();
        ServerCallHandler<Q, A> handler = m.getServerCallHandler();
        return ServerMethodDefinition.create(checked, (call, headers) -> refusing(name, call, handler.startCall(call, headers)));
    }

    /** A request over its method's size, refused unparsed. */
    private static final class TooLarge extends RuntimeException {
        TooLarge(String method, long size, int limit) {
            super("the request is " + size + " bytes; " + method + " takes at most " + limit, null, false, false);
        }
    }

    private static <Q> MethodDescriptor.Marshaller<Q> noted(MethodDescriptor.PrototypeMarshaller<Q> m, String method,
                                                             int limit) {
        return new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(Q value) {
                return m.stream(value);
            }

            @Override
            public Q parse(InputStream stream) {
                FAILED.remove();
                try {
                    // grpc-java hands a whole message as a stream that knows its length.
                    if (stream instanceof io.grpc.KnownLength) {
                        if (stream.available() > limit) {
                            FAILED.set(new TooLarge(method, stream.available(), limit));
                            return m.getMessagePrototype();
                        }
                        return m.parse(stream);
                    }
                    // A compressed request is read as it inflates: stopped at the method's limit.
                    Bounded bounded = new Bounded(stream, limit);
                    try {
                        return m.parse(bounded);
                    } catch (RuntimeException e) {
                        if (bounded.exceeded) {
                            FAILED.set(new TooLarge(method, bounded.count, limit));
                            return m.getMessagePrototype();
                        }
                        throw e;
                    }
                } catch (java.io.IOException e) {
                    FAILED.set(new IllegalArgumentException(e.getMessage()));
                    return m.getMessagePrototype();
                } catch (RuntimeException e) {
                    FAILED.set(e);
                    return m.getMessagePrototype();
                }
            }
        };
    }

    /** Reads at most limit bytes; past them it fails, noting it. */
    private static final class Bounded extends java.io.FilterInputStream {
        private final int limit;
        long count;
        boolean exceeded;

        Bounded(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws java.io.IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws java.io.IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new java.io.IOException("request larger than " + limit + " bytes");
            }
        }
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
                    call.close(Status.INVALID_ARGUMENT.withDescription(failed instanceof TooLarge ? failed.getMessage()
                            : "the request is not a valid " + method + " message: " + failed.getMessage()), new Metadata());
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
