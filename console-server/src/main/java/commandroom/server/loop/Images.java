package commandroom.server.loop;

import com.google.protobuf.ByteString;
import commandroom.v1.Photo;
import java.util.HexFormat;

/**
 * Images in the projections are descriptions only (name, type, hash, size): the bytes live in the
 * image store and are fetched by hash. An event from a log written before that still carries the
 * bytes; the projection then notes where, and keeps the description. Stateless.
 */
public final class Images {

    private Images() {}

    /** The photo without its bytes, its size set; notes an old event that holds the bytes. */
    static Photo described(HubState s, Photo p, long sequence) {
        if (p.getData().isEmpty()) {
            return p;
        }
        s.imagesInLog.putIfAbsent(hex(p.getSha256()), sequence);
        return withoutBytes(p);
    }

    /** A photo as events and snapshots carry it: its bytes left out, their size said. */
    public static Photo withoutBytes(Photo p) {
        return p.toBuilder().clearData().setSize(p.getData().isEmpty() ? p.getSize() : p.getData().size()).build();
    }

    public static String hex(ByteString sha256) {
        return HexFormat.of().formatHex(sha256.toByteArray());
    }
}
