package commandroom.bench.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The alarm harness in quick mode: every console got every call's alarm, and both figures were measured. */
class AlarmHarnessSmokeTest {

    @Test
    void quickRunMeasuresEveryConsolesAlarmAndTheBaseline() throws Exception {
        AlarmHarness.Result r = AlarmHarness.run(5, 3);
        assertEquals(0, r.missing(), r.render());
        assertEquals(15, r.alarmMs().size(), r.render());
        assertEquals(15, r.incidentMs().size(), r.render());
        assertTrue(r.alarm(50) >= r.incident(50), "the alarm follows the incident: " + r.render());
        assertTrue(r.render().contains("| the alarm in the console's queue"), r.render());
    }
}
