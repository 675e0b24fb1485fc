package commandroom.app.wall;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The last seconds of one camera's video as the camera sent it: compressed packets, never decoded,
 * grouped from keyframe to keyframe (a replay or a clip must start at a keyframe). It keeps whole
 * groups back to the first keyframe at least {@code keepMillis} old, so "the last 30 s" is always
 * there in full once the ring has run that long. A new stream format (the recorder opened the
 * camera again) starts the ring over: packets of two encodings cannot be played as one. Thread-safe.
 */
final class PacketRing {

    /** One compressed video packet: timestamps in the stream's time base, arrival on the wall clock. */
    record Packet(byte[] data, long pts, long dts, boolean key, long wallMillis) {}

    /** Packets from a keyframe to the next one. */
    private static final class Group {
        final List<Packet> packets = new ArrayList<>();
        final long startMillis;

        Group(long startMillis) {
            this.startMillis = startMillis;
        }
    }

    /** What a replay or a clip needs: the stream's format and the packets from a keyframe on. */
    record Slice(StreamFormat format, List<Packet> packets) {
        long fromMillis() {
            return packets.get(0).wallMillis();
        }

        long toMillis() {
            return packets.get(packets.size() - 1).wallMillis();
        }
    }

    private final long keepMillis;
    private final Deque<Group> groups = new ArrayDeque<>();
    private StreamFormat format;
    private long bytes;

    PacketRing(long keepMillis) {
        this.keepMillis = keepMillis;
    }

    /** The stream was opened (again): what follows is in this format; what came before is dropped. */
    synchronized void begin(StreamFormat f) {
        groups.clear();
        bytes = 0;
        format = f;
    }

    /** Adds a packet; packets before the first keyframe cannot be played and are dropped. */
    synchronized void add(Packet p) {
        if (format == null) {
            return;
        }
        if (p.key()) {
            groups.addLast(new Group(p.wallMillis()));
        } else if (groups.isEmpty()) {
            return;
        }
        groups.getLast().packets.add(p);
        bytes += p.data().length;
        trim(p.wallMillis());
    }

    /** Drops the oldest group while the next one alone already reaches back keepMillis. */
    private void trim(long now) {
        while (groups.size() >= 2) {
            Group first = groups.pollFirst();
            if (groups.peekFirst().startMillis > now - keepMillis) {
                groups.addFirst(first);
                return;
            }
            first.packets.forEach(x -> bytes -= x.data().length);
        }
    }

    /**
     * The packets from the last keyframe at or before fromMillis (or the oldest one kept) up to
     * toMillis; empty while the ring holds no keyframe.
     */
    synchronized Optional<Slice> slice(long fromMillis, long toMillis) {
        if (format == null || groups.isEmpty()) {
            return Optional.empty();
        }
        List<Packet> out = new ArrayList<>();
        boolean started = false;
        Group[] all = groups.toArray(new Group[0]);
        for (int i = 0; i < all.length; i++) {
            boolean nextStartsLater = i + 1 == all.length || all[i + 1].startMillis > fromMillis;
            if (!started && !nextStartsLater) {
                continue;
            }
            started = true;
            for (Packet p : all[i].packets) {
                if (p.wallMillis() > toMillis) {
                    return out.isEmpty() ? Optional.empty() : Optional.of(new Slice(format, out));
                }
                out.add(p);
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(new Slice(format, out));
    }

    /** How far back the ring reaches, in milliseconds of wall clock (0 when empty). */
    synchronized long reachMillis() {
        if (groups.isEmpty()) {
            return 0;
        }
        List<Packet> last = groups.getLast().packets;
        return last.get(last.size() - 1).wallMillis() - groups.getFirst().startMillis;
    }

    /** Bytes of packet data held: the ring's memory, near enough. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized void clear() {
        groups.clear();
        bytes = 0;
        format = null;
    }
}
