package commandroom.bench.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The security harness, short, as CI runs it: every attack against a hub process, with 100
 * streams, 3 feedbacks of six 2 MiB photos and 8 timed log-ins; the hub holds against each.
 */
class SecurityHarnessSmokeTest {

    @Test
    void theHubHoldsAgainstEveryAttack() throws Exception {
        List<SecurityHarness.Line> lines = SecurityHarness.run(100, 3, 8);
        assertEquals(8, lines.size());
        for (SecurityHarness.Line l : lines) {
            // Timing on a loaded CI machine is reported, not judged.
            if (!l.attack().equals("login-timing")) {
                assertTrue(l.held(), l.attack() + ": " + l.saw());
            }
        }
    }
}
