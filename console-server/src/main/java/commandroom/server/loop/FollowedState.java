package commandroom.server.loop;

import commandroom.v1.Event;
import java.util.function.Function;

/**
 * Another hub's projections, rebuilt here from its event stream with the same projector as our
 * own (the county's picture of a station). Thread-safe: one follower applies, anyone reads.
 */
public final class FollowedState {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FollowedState.class);

    private final HubState state = new HubState();
    private long lastSequence;
    private com.google.protobuf.ByteString lastHash = com.google.protobuf.ByteString.EMPTY;

    /**
     * Applies the next event of the followed hub's log. One that does not apply (the other hub
     * runs a newer version) is logged and passed over, so that following goes on.
     */
    public synchronized void apply(Event e) {
        try {
            Projector.apply(state, e);
        } catch (RuntimeException ex) {
            LOG.warn("followed event {} ({}) did not apply here; passed over", e.getSequence(), e.getKindCase(), ex);
        }
        lastSequence = e.getSequence();
        lastHash = e.getHash();
    }

    /** The chain hash of the last event applied here (the followed hub's head as far as we know). */
    public synchronized com.google.protobuf.ByteString lastHash() {
        return lastHash;
    }

    /** The last of the followed hub's events applied here; 0 before the first. */
    public synchronized long lastSequence() {
        return lastSequence;
    }

    /** Reads the state; the reader must not keep references to its mutable parts. */
    public synchronized <T> T read(Function<HubState, T> reader) {
        return reader.apply(state);
    }
}
