package commandroom.bench.soak;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The soak, short, as CI runs it: 10 consoles, 50 units and a real console against a hub process on
 * H2, four 6-second windows at 5 dispatches a second. Every dispatch reaches every console and its
 * unit once, nothing fails, and every window has its latencies and memory figures.
 */
class SoakHarnessSmokeTest {

    @Test
    void shortSoakDeliversEveryDispatchAndMeasuresEveryWindow() throws Exception {
        SoakOptions o = SoakOptions.parse("--consoles", "10", "--units", "50", "--rate", "5", "--minutes", "0.4",
                "--window-minutes", "0.1", "--warm-up", "100", "--incidents", "20");
        SoakReport report = SoakHarness.run(o);
        String markdown = report.toMarkdown();

        assertEquals(4, report.windows().size(), markdown);
        for (SoakReport.Window w : report.windows()) {
            int k = w.dispatches();
            assertAll("window " + w.number() + "\n" + markdown,
                    () -> assertEquals(30, k, "dispatches in a 6-second window at 5/s"),
                    () -> assertEquals(0, w.missing(), "deliveries missing at consoles and units"),
                    () -> assertEquals(0, w.extra(), "deliveries twice or to the wrong unit"),
                    () -> assertEquals(0, w.errors(), "failed calls, ended streams, gaps"),
                    () -> assertEquals(k, w.answered().count(), "dispatches answered"),
                    () -> assertEquals(10L * k, w.toConsole().count(), "console deliveries timed"),
                    () -> assertEquals(k, w.toLastConsole().count(), "dispatches that reached all consoles"),
                    () -> assertEquals(k, w.toUnit().count(), "unit deliveries timed"),
                    () -> assertTrue(w.toConsole().p99() >= w.toConsole().p50() && w.toConsole().p50() > 0),
                    () -> assertTrue(w.hubRssStart() > 0 && w.hubRssEnd() > 0, "hub RSS read"),
                    () -> assertTrue(w.consoleRssStart() > 0 && w.consoleRssEnd() > 0, "real console RSS read"),
                    () -> assertTrue(w.clientsRssEnd() > 0, "harness RSS read"));
        }
        assertTrue(report.everythingDelivered(), markdown);
        // Two steps (sign for, arrive) for every dispatch, warm-up included, most of them done by now.
        assertTrue(report.progress() >= 100, markdown);
        assertTrue(!Double.isNaN(report.hubGrowthPercent()) && !Double.isNaN(report.consoleGrowthPercent()), markdown);
        assertTrue(markdown.contains("Hub RSS growth") && markdown.contains("p99 stable"), markdown);
    }
}
