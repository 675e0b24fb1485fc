package commandroom.app.connection;

import commandroom.app.model.ConnectionState.Refusal;
import io.grpc.Status;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a feed failure that passes by itself (the hub unreachable, restarting, slow) from a
 * refusal that someone has to act on (the hub's snapshot larger than this console accepts, the
 * user not allowed, the log-in revoked). Any thread; no state.
 */
final class FeedFailures {

    /** grpc-java's own words when a message from the hub is over the channel's inbound limit. */
    private static final Pattern TOO_LARGE = Pattern.compile("exceeds maximum size (\\d+): (\\d+)");

    private FeedFailures() {}

    /** True for what passes by itself: the feed retries soon and the console says "reconnecting". */
    static boolean isTransient(Status s) {
        return switch (s.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED, CANCELLED -> true;
            default -> false;
        };
    }

    /**
     * What a refusal means to the console, or null for a transient failure.
     *
     * @param snapshot whether the refused call was the snapshot (else the event stream)
     */
    static Refusal refusal(Status s, boolean snapshot) {
        if (isTransient(s)) {
            return null;
        }
        String words = words(s);
        return switch (s.getCode()) {
            case RESOURCE_EXHAUSTED -> {
                Matcher m = TOO_LARGE.matcher(String.valueOf(s.getDescription()));
                if (m.find()) {
                    yield new Refusal(snapshot ? Refusal.Kind.SNAPSHOT_TOO_LARGE : Refusal.Kind.EVENT_TOO_LARGE,
                            Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), words);
                }
                // Said by the hub itself: too many streams for this user or for the hub.
                yield new Refusal(Refusal.Kind.TOO_MANY_STREAMS, 0, 0, words);
            }
            case PERMISSION_DENIED -> new Refusal(Refusal.Kind.DENIED, 0, 0, words);
            case UNAUTHENTICATED -> new Refusal(Refusal.Kind.SIGNED_OUT, 0, 0, words);
            default -> new Refusal(Refusal.Kind.OTHER, 0, 0, words);
        };
    }

    /** The status as one line: code, and the description when there is one. */
    static String words(Status s) {
        return s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription());
    }
}
