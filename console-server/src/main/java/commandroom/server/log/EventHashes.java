package commandroom.server.log;

import com.google.protobuf.ByteString;
import commandroom.v1.Event;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The audit chain: each event's hash is SHA-256 over the previous hash and the event's own bytes
 * (with its hash field cleared). Altering, deleting or reordering any event breaks the chain.
 */
public final class EventHashes {

    /** The "previous hash" of the first event. */
    public static final ByteString GENESIS = ByteString.copyFrom(new byte[32]);

    private EventHashes() {}

    /** The hash the event must carry, given that its prev_hash is already set. */
    public static ByteString compute(Event event) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(event.getPrevHash().toByteArray());
            sha.update(event.toBuilder().clearHash().build().toByteArray());
            return ByteString.copyFrom(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** True if the event's hash matches its content and the previous hash. */
    public static boolean verify(Event event, ByteString expectedPrev) {
        return event.getPrevHash().equals(expectedPrev) && compute(event).equals(event.getHash());
    }
}
