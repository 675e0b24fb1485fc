package commandroom.bench.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The linkage harness, small: every report reached the board, every instruction came down once. */
class LinkageHarnessSmokeTest {

    @Test
    void everyReportReachesTheBoardAndEveryInstructionComesDownOnce() throws Exception {
        LinkageHarness.Result r = LinkageHarness.run(2, 20, 6, 100);
        assertEquals(20, r.toBoard().count(), r.render());
        assertEquals(6, r.instructionDown().count(), r.render());
        assertEquals(0, r.instructionsTakenTwice(), r.render());
        assertTrue(r.historyEvents() > 200 && r.refollowMs() > 0, r.render());
    }
}
