package commandroom.bench.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The board harness in quick mode: every figure measured, and the board right at the end. */
class BoardHarnessSmokeTest {

    @AfterAll
    static void stopToolkit() {
        Platform.exit();
    }

    @Test
    void quickRunMeasuresEveryFigureAndEndsShowingTheStreamsTasks() throws Exception {
        BoardHarness.Options quick = BoardHarness.Options.parse(new String[] {"--quick"});
        BoardReport r = BoardHarness.run(quick);

        assertEquals(quick.tasks(), r.tasks);
        assertTrue(r.snapshotBytes > 0 && r.snapshotApplyMs > 0 && r.snapshotLayoutMs > 0 && r.snapshotCpuMs > 0);

        assertEquals(quick.filterChanges(), r.filters.total.count());
        assertTrue(r.filters.total.p50() > 0 && r.filters.total.p99() > 0 && r.filters.total.max() > 0);
        assertTrue(r.filters.model.p50() > 0 && r.filters.layout.p50() > 0 && r.filters.cpu.p50() > 0);
        assertEquals(FilterBench.KINDS.length, r.anatomy.size());
        r.anatomy.forEach(a -> assertTrue(a.set() > 0 && a.predicate() > 0 && a.layout() > 0, a.kind()));

        assertEquals(quick.bursts() + quick.flashBursts(), r.bursts.size());
        for (BurstBench.Burst b : r.bursts) {
            assertFalse(b.pulses().isEmpty(), "burst " + b.index() + " reached the FX thread");
            assertEquals(quick.burstSize(), b.pulses().stream().mapToInt(BurstBench.Pulse::events).sum());
            assertTrue(b.totalMs() > 0 && b.cpuMs() > 0 && b.worst().nanos() > 0);
        }
        assertTrue(r.worstPulseMs() > 0);
        assertTrue(r.tick.p50() > 0 && r.tickCpu.p50() > 0);
        assertTrue(r.heapEmptyBoard > 0 && r.heapDeltaMb() > 0, "the board's heap was measured");

        assertEquals(BoardScene.columnIds(), r.columns.stream().map(BoardReport.ColumnCheck::id).toList());
        r.columns.forEach(c -> assertTrue(c.ok(), () -> c.id() + ": expected " + c.expected() + ", list has "
                + c.items() + ", header says " + c.header()));
        int onBoard = r.columns.stream().filter(c -> !c.id().equals("NEW")).mapToInt(BoardReport.ColumnCheck::items).sum();
        assertTrue(r.tasksAtEnd > quick.tasks(), "the bursts dispatched new tasks");
        assertEquals(r.tasksAtEnd, onBoard, "every task of the stream is on the board, in one column");
        assertTrue(r.render(true).contains("| NEW |"));
    }
}
