package commandroom.bench.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A short chaos run on a 4-tile wall: cameras killed and restored for 45 s, down 1–8 s. The wall's
 * JVM never crashed and exited cleanly, every restore came back live within a generous bound (the
 * target is 5 s; CI machines are busy), and every tile is live at the end.
 */
class StreamChaosHarnessSmokeTest {

    private static final long GENEROUS_MS = 10_000;

    @Test
    @Timeout(150)
    void killedCamerasComeBackLiveAndTheWallSurvives() throws Exception {
        long started = System.nanoTime();
        StreamChaosHarness.Result r = StreamChaosHarness.run(
                new String[] {"--tiles", "4", "--seconds", "45", "--max-down", "8", "--seed", "8"});
        long tookSeconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertEquals(0, r.crashes(), r.report());
        assertEquals(0, r.exitStatus(), "the wall's JVM exits cleanly: " + r.report());
        assertTrue(r.restores() >= 4, "a few kills: " + r.report());
        assertEquals(0, r.neverLive(), r.report());
        assertTrue(Arrays.stream(r.backToLiveMs()).allMatch(ms -> ms <= GENEROUS_MS), r.report());
        assertEquals(4, r.liveOrHeldAtEnd(), r.report());
        assertTrue(tookSeconds < 90, "took " + tookSeconds + " s");
    }
}
