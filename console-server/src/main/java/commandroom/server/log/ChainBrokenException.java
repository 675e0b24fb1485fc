package commandroom.server.log;

/** The stored log does not chain: an event was altered, deleted or reordered. */
public final class ChainBrokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long sequence;

    public ChainBrokenException(long sequence, String what) {
        super("audit chain broken at event " + sequence + ": " + what);
        this.sequence = sequence;
    }

    /** The first event that does not fit. */
    public long sequence() {
        return sequence;
    }
}
