package commandroom.server.log;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import commandroom.server.store.EventStore;
import commandroom.v1.Event;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only event log: gives each new event the next sequence and its chain hash, makes a
 * batch durable in one transaction, then hands it to the fan-out. Only the hub's single writer
 * thread may call {@link #seal}, {@link #commit} and {@link #rewind}; reads are thread-safe.
 */
public final class EventLog {

    private final EventStore store;
    private final FanOut fanOut;
    private long lastSequence;
    private ByteString lastHash = EventHashes.GENESIS;

    public EventLog(EventStore store, FanOut fanOut) {
        this.store = store;
        this.fanOut = fanOut;
    }

    /**
     * Reads the whole stored log, checks the chain and passes each event to the consumer (the
     * projections). Throws {@link ChainBrokenException} naming the first event that does not fit.
     */
    public void replay(Consumer<Event> consumer) {
        ChainVerifier chain = new ChainVerifier();
        store.forEach(stored -> {
            Event event = chain.next(stored);
            consumer.accept(event);
            fanOut.replayed(event);
        });
        lastSequence = chain.lastSequence();
        lastHash = chain.lastHash();
        fanOut.start(lastSequence);
    }

    /** Gives the event its sequence, time and hashes; it is not durable until {@link #commit}. */
    public Event seal(Event.Builder builder, Instant now) {
        builder.setSequence(lastSequence + 1)
                .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setPrevHash(lastHash)
                .clearHash();
        Event unhashed = builder.build();
        Event sealed = unhashed.toBuilder().setHash(EventHashes.compute(unhashed)).build();
        lastSequence = sealed.getSequence();
        lastHash = sealed.getHash();
        return sealed;
    }

    /** Makes the sealed events durable. Throws StoreException on failure. */
    public void commit(List<Event> sealed) {
        if (sealed.isEmpty()) {
            return;
        }
        store.append(sealed);
    }

    /**
     * Hands committed events to the subscribers. The writer calls it after releasing its lock, in
     * commit order (it is the only caller), so readers are not held up by the fan-out.
     */
    public void publish(List<Event> committed) {
        if (!committed.isEmpty()) {
            fanOut.publish(committed);
        }
    }

    /** Forgets sealed events that did not commit, so the next seal continues the durable chain. */
    public void rewind(long sequence, ByteString hash) {
        lastSequence = sequence;
        lastHash = hash;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public ByteString lastHash() {
        return lastHash;
    }
}
