package commandroom.bench.cameras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The camera source harness, small: every channel registered and seen, every command and alarm timed. */
class CameraSourceHarnessSmokeTest {

    @Test
    void everyChannelCommandAndAlarmIsAccountedFor() throws Exception {
        CameraSourceHarness.Result r = CameraSourceHarness.run(450, 20, 3);
        String said = String.join("\n", r.render());
        assertEquals(450, r.report().getAdded() + r.report().getUnplaced(), said);
        assertEquals(3, r.report().getDevices(), said);
        assertEquals(450, r.ledgerAdded(), said);
        assertEquals(20, r.ptz().count(), said);
        assertEquals(3, r.alarms().count(), said);
        assertTrue(r.currentSeconds() >= r.syncSeconds() * 0.5 && r.ledgerSeconds() > 0, said);
    }
}
