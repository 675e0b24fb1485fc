package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ring keeps whole keyframe groups back to its reach, and slices start at a keyframe. */
class PacketRingTest {

    private static final StreamFormat H264 = new StreamFormat(27, 1920, 1080, new byte[0], 1, 90000);

    /** 25 packets a second, a keyframe every second, for the given seconds; 1 kB each. */
    private static void feed(PacketRing ring, long startMillis, int seconds) {
        for (int i = 0; i < seconds * 25; i++) {
            long at = startMillis + i * 40L;
            ring.add(new PacketRing.Packet(new byte[1000], at * 90, at * 90, i % 25 == 0, at));
        }
    }

    @Test
    void keepsWholeGroupsBackToItsReachAndNoMore() {
        PacketRing ring = new PacketRing(30_000);
        ring.begin(H264);
        feed(ring, 0, 60);
        // The newest packet is at 59,960 ms: the oldest group kept starts at or before 29,960.
        assertEquals(30_960, ring.reachMillis());
        assertEquals(31 * 25 * 1000, ring.bytes(), "31 groups of 25 packets of 1 kB");
    }

    @Test
    void packetsBeforeTheFirstKeyframeOrTheFormatAreDropped() {
        PacketRing ring = new PacketRing(30_000);
        ring.add(new PacketRing.Packet(new byte[10], 0, 0, true, 0));
        assertEquals(0, ring.bytes(), "no format yet");
        ring.begin(H264);
        ring.add(new PacketRing.Packet(new byte[10], 0, 0, false, 0));
        assertEquals(0, ring.bytes(), "no keyframe yet");
        assertTrue(ring.slice(0, Long.MAX_VALUE).isEmpty());
    }

    @Test
    void aSliceStartsAtTheLastKeyframeBeforeItsStartAndEndsAtItsEnd() {
        PacketRing ring = new PacketRing(30_000);
        ring.begin(H264);
        feed(ring, 100_000, 40);
        PacketRing.Slice s = ring.slice(125_500, 130_000).orElseThrow();
        assertTrue(s.packets().get(0).key());
        assertEquals(125_000, s.fromMillis(), "the keyframe at or before 125.5 s");
        assertEquals(130_000, s.toMillis());
        List<PacketRing.Packet> p = s.packets();
        assertEquals(5 * 25 + 1, p.size());
        // Asked from before the oldest kept: from the oldest keyframe.
        assertEquals(109_000, ring.slice(0, Long.MAX_VALUE).orElseThrow().fromMillis());
        ring.begin(H264);
        assertEquals(0, ring.bytes(), "a new format starts the ring over");
    }
}
