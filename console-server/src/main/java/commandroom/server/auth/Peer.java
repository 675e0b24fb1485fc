package commandroom.server.auth;

import io.grpc.Context;

/**
 * The address a call came from (without the port), put into the context for the open calls (log-in)
 * by the auth interceptor: log-ins are throttled per source.
 */
public final class Peer {

    public static final Context.Key<String> ADDRESS = Context.key("commandroom-peer");

    private Peer() {}

    /** The current call's source address, or "unknown". */
    public static String current() {
        String a = ADDRESS.get();
        return a == null ? "unknown" : a;
    }
}
