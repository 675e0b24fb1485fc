package commandroom.app.model;

import java.time.Instant;

/**
 * Whether the console is following the hub, and since when it is not. A console the hub refuses
 * (rather than one cut off from it) says why: {@link #refusal()}, null in every other state.
 */
public record ConnectionState(Status status, Instant since, long lastSequence, String detail, Refusal refusal) {

    /** The states a person needs to tell apart. */
    public enum Status {
        CONNECTING, LIVE,
        /** Cut off (network, hub restarting): it comes back by itself. */
        RECONNECTING,
        /** The hub answers but the console cannot follow it: someone has to act; retried slowly. */
        REFUSED
    }

    /**
     * Why the console cannot follow a hub that answers it.
     *
     * @param limitBytes the largest message this console accepts (for the too-large kinds, else 0)
     * @param sizeBytes  the size of the message it was sent (for the too-large kinds, else 0)
     * @param hubWords   the status and description as received, for the log and the curious
     */
    public record Refusal(Kind kind, long limitBytes, long sizeBytes, String hubWords) {
        /** What happened; each has a text in the bundle ("refused.&lt;kind&gt;"). */
        public enum Kind { SNAPSHOT_TOO_LARGE, EVENT_TOO_LARGE, DENIED, SIGNED_OUT, TOO_MANY_STREAMS, OTHER }
    }

    public ConnectionState(Status status, Instant since, long lastSequence, String detail) {
        this(status, since, lastSequence, detail, null);
    }

    public boolean isLive() {
        return status == Status.LIVE;
    }
}
