package commandroom.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs the harness in quick mode against a real hub over TLS and checks that it measured everything. */
class LoadHarnessSmokeTest {

    @Test
    void quickRunDeliversEveryDispatchToEveryConsoleAndMeasuresEveryFigure() throws Exception {
        BenchOptions options = BenchOptions.parse("--quick");
        Report report = LoadHarness.run(options);
        HubLoad.Figures hub = report.hub();
        BareLoad.Figures bare = report.bare();
        int k = options.dispatches();
        int n = options.consoles();

        assertAll("every dispatch reached every console and its unit",
                () -> assertEquals(0, hub.dispatchErrors(), "failed DispatchTask calls"),
                () -> assertEquals(k, hub.consoles().messages(), "dispatches in the window"),
                () -> assertEquals(0, hub.consoles().missing(), "console deliveries missing"),
                () -> assertEquals(0, hub.consoles().extra(), "console deliveries duplicated"),
                () -> assertEquals(0, hub.burst().missing(), "console deliveries missing in the burst"),
                () -> assertEquals(0, hub.sequenceGaps(), "times a console skipped a sequence"),
                () -> assertEquals(0, hub.streamErrors(), "streams that ended early"),
                () -> assertEquals((long) k * n, hub.toConsole().count(), "console deliveries timed"),
                () -> assertEquals(k, hub.toLastConsole().count(), "dispatches that reached all consoles"),
                () -> assertEquals(0, hub.units().missing(), "unit deliveries missing"),
                () -> assertEquals(0, hub.units().extra(), "deliveries to the wrong unit or twice"),
                () -> assertEquals(k, hub.toUnit().count(), "unit deliveries timed"),
                () -> assertEquals(k, hub.eventsAppended(), "events appended in the window"),
                () -> assertTrue(hub.everyDispatchReachedEveryConsole()));
        assertAll("the baseline delivered everything",
                () -> assertEquals(0, bare.window().missing()),
                () -> assertEquals(0, bare.window().extra()),
                () -> assertEquals(0, bare.burst().missing()),
                () -> assertEquals(0, bare.publishErrors()),
                () -> assertEquals((long) k * n, bare.toSubscriber().count()));
        assertAll("every figure is measured",
                () -> assertTrue(hub.toUnit().p50() > 0 && hub.toUnit().p99() >= hub.toUnit().p50()),
                () -> assertTrue(hub.toConsole().p50() > 0 && hub.toConsole().p99() >= hub.toConsole().p50()),
                () -> assertTrue(hub.dispatchAck().p99() > 0),
                () -> assertTrue(hub.eventsPerSecond() > 0),
                () -> assertTrue(hub.burst().messagesPerSecond() > 0),
                () -> assertTrue(bare.burst().messagesPerSecond() > 0),
                () -> assertTrue(hub.serverMicrosPerEvent() > 0),
                () -> assertTrue(hub.serverMicrosPerDelivery() > 0),
                () -> assertTrue(hub.processMicrosPerEvent() > 0),
                () -> assertTrue(bare.toSubscriber().p50() > 0 && bare.toSubscriber().p99() > 0),
                () -> assertTrue(bare.serverMicrosPerDelivery() > 0),
                () -> assertTrue(report.p99Ratio() > 0),
                () -> assertEquals(1, report.durable().size(), "H2 only without --pg-url"),
                () -> assertTrue(report.durable().get(0).eventsPerSecond() > 0),
                () -> assertEquals(0, report.durable().get(0).errors()),
                () -> assertTrue(report.durable().get(0).acked() > 0));

        String markdown = report.toMarkdown();
        assertTrue(markdown.contains("Hub p99 / bare p99") && markdown.contains("H2 (file)"), markdown);
    }
}
