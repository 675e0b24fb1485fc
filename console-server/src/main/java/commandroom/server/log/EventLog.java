package commandroom.server.log;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import commandroom.server.privacy.PersonalFields;
import commandroom.server.store.EventStore;
import commandroom.server.store.StoredEvent;
import commandroom.v1.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only event log: gives each new event the next sequence and its chain hash, makes a
 * batch durable in one transaction, then hands it to the fan-out. Replicas sharing one database
 * each have such a log: a batch first reads what the others appended ({@link #begin}), so the
 * sequence and the chain are one for all of them. Only the hub's single writer thread may call
 * {@link #begin}, {@link #catchUp}, {@link #seal} and {@link #rewind}; reads are thread-safe.
 */
public final class EventLog {

    private final EventStore store;
    private final FanOut fanOut;
    private final PersonalFields personal;
    private long lastSequence;
    private ByteString lastHash = EventHashes.GENESIS;

    /** A log that writes every field as it is (tools that only read or copy the log). */
    public EventLog(EventStore store, FanOut fanOut) {
        this(store, fanOut, null);
    }

    /** A log that seals the personal fields of each new event before hashing it (the hub's). */
    public EventLog(EventStore store, FanOut fanOut, PersonalFields personal) {
        this.store = store;
        this.fanOut = fanOut;
        this.personal = personal;
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
        if (personal != null) {
            personal.seal(builder);
        }
        Event unhashed = builder.build();
        Event sealed = unhashed.toBuilder().setHash(EventHashes.compute(unhashed)).build();
        lastSequence = sealed.getSequence();
        lastHash = sealed.getHash();
        return sealed;
    }

    /**
     * Opens a write transaction and reads, chain-checked, what other replicas appended since this
     * one last looked; the writer applies those to its projections before deciding anything, and
     * the log continues the chain after them. On one hub alone the list is empty.
     */
    public Batch begin() {
        EventStore.Writer writer = store.openWriter();
        try {
            return new Batch(writer, follow(writer.readAfter(lastSequence)));
        } catch (RuntimeException ex) {
            writer.close();
            throw ex;
        }
    }

    /** Reads what other replicas appended, without writing (when told they did). */
    public List<Event> catchUp() {
        return follow(store.read(lastSequence + 1, Long.MAX_VALUE, Integer.MAX_VALUE));
    }

    private List<Event> follow(List<StoredEvent> newer) {
        if (newer.isEmpty()) {
            return List.of();
        }
        ChainVerifier chain = new ChainVerifier(lastSequence, lastHash);
        List<Event> events = new ArrayList<>(newer.size());
        for (StoredEvent stored : newer) {
            events.add(chain.next(stored));
        }
        lastSequence = chain.lastSequence();
        lastHash = chain.lastHash();
        return events;
    }

    /** One write: what others appended first, then the events this writer seals and commits. */
    public final class Batch implements AutoCloseable {
        private final EventStore.Writer writer;
        private final List<Event> foreign;

        private Batch(EventStore.Writer writer, List<Event> foreign) {
            this.writer = writer;
            this.foreign = foreign;
        }

        /** Events other replicas committed before this batch, in order. */
        public List<Event> foreign() {
            return foreign;
        }

        /** Makes the sealed events durable. Throws StoreException on failure. */
        public void commit(List<Event> sealed) {
            if (!sealed.isEmpty()) {
                writer.append(sealed);
                writer.commit();
            }
        }

        /** Ends the transaction; uncommitted, it is rolled back and the log's lock released. */
        @Override
        public void close() {
            writer.close();
        }
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
