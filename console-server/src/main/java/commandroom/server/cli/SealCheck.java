package commandroom.server.cli;

import commandroom.server.log.ChainSealer;
import commandroom.server.log.SealKey;
import commandroom.server.store.SealStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What verify checks besides the chain's own hashes: every seal in the database, every head
 * published in the file outside it, and a head given by hand (--head SEQ:HASH, e.g. from a
 * handover packet or the county's board). A head the log no longer reaches means it was cut
 * short; a head whose hash the log no longer has means it was rewritten; a seal that is not the
 * seal key's means seals were forged. Not thread-safe.
 */
final class SealCheck {

    private record Head(String from, SealStore.Seal seal, boolean signed) {}

    private final List<Head> heads = new ArrayList<>();
    private final SealKey key;
    private final Path keyFile;

    SealCheck(SealStore stored, Path keyFile, Path headsFile, String givenHead) throws IOException {
        this.keyFile = keyFile;
        this.key = Files.isReadable(keyFile) ? SealKey.read(keyFile) : null;
        stored.all().forEach(s -> heads.add(new Head("the database's seal", s, true)));
        ChainSealer.readHeads(headsFile).forEach(s -> heads.add(new Head("the published head in " + headsFile, s, true)));
        if (givenHead != null) {
            String[] p = givenHead.split(":");
            if (p.length != 2 || !p[0].matches("\\d{1,19}") || !p[1].matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("--head is SEQUENCE:HASH (64 hex digits), not " + givenHead);
            }
            heads.add(new Head("the head given", new SealStore.Seal(Long.parseLong(p[0]), HexFormat.of().parseHex(p[1]),
                    new byte[0], java.time.Instant.EPOCH), false));
        }
    }

    /** The sequences whose hashes the check needs from the chain. */
    Set<Long> sequences() {
        Set<Long> out = new TreeSet<>();
        heads.forEach(h -> out.add(h.seal().sequence()));
        return out;
    }

    /** What does not agree, given the verified chain's length and its hashes at {@link #sequences}. */
    List<String> problems(long last, Map<Long, byte[]> hashes) {
        List<String> out = new ArrayList<>();
        for (Head h : heads) {
            long seq = h.seal().sequence();
            if (seq > last) {
                out.add("the log ends at event " + last + ", but " + h.from() + " of " + h.seal().sealedAt()
                        + " is at event " + seq + ": the log was cut short");
            } else if (!Arrays.equals(hashes.get(seq), h.seal().hash())) {
                out.add("event " + seq + " is not the one " + h.from() + " of " + h.seal().sealedAt()
                        + " names: events up to it were rewritten");
            } else if (h.signed() && key != null && !key.sealed(seq, h.seal().hash(), h.seal().mac())) {
                out.add(h.from() + " at event " + seq + " is not sealed with this hub's seal key: forged");
            }
        }
        return out;
    }

    String summary() {
        long signed = heads.stream().filter(Head::signed).count();
        return signed + " seals and published heads agree" + (key == null ? " (their signatures not checked: no seal key at "
                + keyFile + ")" : ", signatures checked");
    }
}
