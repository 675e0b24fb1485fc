package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.wall.TileHealth.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A tile's state from its decoded-frame counter, on a clock the test moves. */
class TileHealthTest {

    private static final long MS = 1_000_000L;
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    private final TileHealth health = new TileHealth();
    private long frames;

    @Test
    void aShortBlipIsStalledNotOfflineAndALongOneIsOfflineSinceTheLastFrame() {
        health.started(0);
        assertEquals(Status.CONNECTING, at(0).status());
        frames = 10;
        assertEquals(Status.LIVE, at(700).status());
        assertEquals(Status.STALLED, at(1800).status(), "a second without frames");
        frames = 30;
        assertEquals(Status.LIVE, at(2000).status(), "a blip: back without ever being offline");
        assertEquals(Status.STALLED, at(3100).status());
        TileHealth.Reading off = at(4600);
        assertEquals(Status.OFFLINE, off.status());
        assertEquals(T0.plusMillis(2000), off.offlineSince(), "offline since the last frame");
        assertTrue(health.retryDue(4600 * MS), "retried at once");
        health.started(4600 * MS);
        assertEquals(Status.OFFLINE, at(4700).status(), "a restart does not hide that it is offline");
        assertFalse(health.retryDue(5000 * MS), "then after a pause");
        assertTrue(health.retryDue(5700 * MS));
        assertFalse(health.retryDue(7000 * MS), "the pause grows");
        frames = 31;
        TileHealth.Reading back = at(7200);
        assertEquals(Status.LIVE, back.status());
        assertNull(back.offlineSince());
    }

    @Test
    void aStreamThatNeverStartsIsOfflineAfterTheConnectTimeout() {
        health.started(0);
        assertEquals(Status.CONNECTING, at(4000).status());
        TileHealth.Reading r = at(5000);
        assertEquals(Status.OFFLINE, r.status());
        assertEquals(T0, r.offlineSince());
    }

    private TileHealth.Reading at(long ms) {
        return health.observe(frames, ms * MS, T0.plusMillis(ms));
    }
}
