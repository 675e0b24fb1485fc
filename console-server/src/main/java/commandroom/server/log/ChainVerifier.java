package commandroom.server.log;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import commandroom.server.store.StoredEvent;
import commandroom.v1.Event;

/**
 * Walks the audit chain one stored event at a time, from the first: each must carry the next
 * sequence, point at the previous event's hash, and hash to what it says (in its body and in its
 * row). The hub checks its whole log this way at start-up, {@code commandroom-hub verify} on
 * demand, and backup and restore on the way. Not thread-safe: one walk per instance.
 */
public final class ChainVerifier {

    private long lastSequence;
    private ByteString lastHash;

    /** A walk from the first event. */
    public ChainVerifier() {
        this(0, EventHashes.GENESIS);
    }

    /** A walk that continues after an event already checked (a replica reading what others wrote). */
    public ChainVerifier(long lastSequence, ByteString lastHash) {
        this.lastSequence = lastSequence;
        this.lastHash = lastHash;
    }

    /**
     * Checks the next stored event and returns it parsed. Throws {@link ChainBrokenException}
     * naming the first event that does not fit: altered (its hash), deleted (a missing sequence)
     * or reordered (a sequence out of place).
     */
    public Event next(StoredEvent stored) {
        Event event = parse(stored);
        check(event, stored.sequence(), ByteString.copyFrom(stored.hash()));
        return event;
    }

    /** The same for an event read from elsewhere (a backup file), whose row is the event itself. */
    public Event next(Event event) {
        check(event, event.getSequence(), event.getHash());
        return event;
    }

    private void check(Event event, long rowSequence, ByteString rowHash) {
        long expected = lastSequence + 1;
        if (rowSequence != expected || event.getSequence() != expected) {
            throw new ChainBrokenException(expected, "expected sequence " + expected + " but found "
                    + (rowSequence != expected ? rowSequence : event.getSequence()));
        }
        if (!event.getPrevHash().equals(lastHash)) {
            throw new ChainBrokenException(expected, "does not follow event " + lastSequence);
        }
        if (!EventHashes.compute(event).equals(event.getHash()) || !rowHash.equals(event.getHash())) {
            throw new ChainBrokenException(expected, "hash does not match its content");
        }
        lastSequence = expected;
        lastHash = event.getHash();
    }

    /** The last event that verified; 0 before the first. */
    public long lastSequence() {
        return lastSequence;
    }

    /** The hash of the last event that verified (the genesis hash before the first). */
    public ByteString lastHash() {
        return lastHash;
    }

    static Event parse(StoredEvent stored) {
        try {
            return Event.parseFrom(stored.body());
        } catch (InvalidProtocolBufferException e) {
            throw new ChainBrokenException(stored.sequence(), "body is not an event");
        }
    }
}
