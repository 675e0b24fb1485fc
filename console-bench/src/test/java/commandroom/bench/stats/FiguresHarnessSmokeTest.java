package commandroom.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The figures harness in quick mode: the published year played, every time measured, the figures right. */
class FiguresHarnessSmokeTest {

    @Test
    void quickRunMeasuresTheFiguresOfThePublishedYear() {
        FiguresHarness.Result r = FiguresHarness.run(1, 5);
        assertTrue(r.events() > 10_000, "two years of dispute work: " + r.events() + " events");
        assertEquals(5, r.warmMs().size());
        assertTrue(r.percentile(50) > 0 && r.restartMs() > 0 && r.firstMs() > 0);
        assertEquals(410, r.figures().getDisputesRegistered().getValue());
        assertEquals(547, r.figures().getDisputesRegistered().getPrevious());
        assertTrue(r.render().contains("| hub restart"), r.render());
    }
}
