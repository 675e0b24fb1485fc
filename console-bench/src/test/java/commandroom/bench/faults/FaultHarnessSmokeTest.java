package commandroom.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The fault harness, short, as CI runs it: three SIGKILLs during 120 dispatches on H2 and on
 * PostgreSQL; nothing acknowledged is lost, no key makes two tasks, the subscriber sees every event
 * exactly once across the restarts.
 */
class FaultHarnessSmokeTest {

    @Test
    void threeKillsLoseNothingOnH2() throws Exception {
        check(FaultHarness.run(3, 120, false, 7));
    }

    @Test
    void threeKillsLoseNothingOnPostgres() throws Exception {
        check(FaultHarness.run(3, 120, true, 11));
    }

    private static void check(FaultHarness.Result r) {
        assertTrue(r.acknowledged() >= 120, r.render());
        assertEquals(3, r.restartMs().size(), r.render());
        assertEquals(0, r.lost(), r.render());
        assertEquals(0, r.duplicateTasks(), r.render());
        assertEquals(0, r.gaps(), r.render());
        assertEquals(0, r.duplicateEvents(), r.render());
        assertTrue(r.lastSequence() > 120, r.render());
    }
}
