package commandroom.app.connection;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Lets one gRPC channel know all the replicas of a hub ("commandroom-hubs:///a:7443,b:7443"). With
 * gRPC's default pick-first policy the channel uses the first replica that answers; when it dies,
 * the channel's next call tries them again in order, so the console's streams resume on another
 * replica by themselves (from their last sequence, as after any reconnection). Thread-safe.
 */
final class ReplicaResolver extends NameResolverProvider {

    static final String SCHEME = "commandroom-hubs";
    private static boolean registered;

    /** Registers the scheme once per process. */
    static synchronized void register() {
        if (!registered) {
            NameResolverRegistry.getDefaultRegistry().register(new ReplicaResolver());
            registered = true;
        }
    }

    /** The channel target naming these replicas. */
    static String target(List<HubAddress> replicas) {
        StringBuilder b = new StringBuilder(SCHEME).append(":///");
        for (int i = 0; i < replicas.size(); i++) {
            b.append(i == 0 ? "" : ",").append(replicas.get(i));
        }
        return b.toString();
    }

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
        if (!SCHEME.equals(targetUri.getScheme())) {
            return null;
        }
        List<HubAddress> replicas = HubAddress.parseList(targetUri.getPath().substring(1));
        return new NameResolver() {
            @Override
            public String getServiceAuthority() {
                return replicas.get(0).host();
            }

            @Override
            public void start(Listener2 listener) {
                List<EquivalentAddressGroup> groups = new ArrayList<>();
                for (HubAddress a : replicas) {
                    // Each replica is held to its own name: TLS checks the host it dials.
                    groups.add(new EquivalentAddressGroup(new InetSocketAddress(a.host(), a.port()),
                            io.grpc.Attributes.newBuilder()
                                    .set(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE, a.host()).build()));
                }
                listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
            }

            @Override
            public void shutdown() {
                // Nothing held.
            }
        };
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 5;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }
}
