package commandroom.bench.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The map harness in quick mode times frames of the three maps: some frames, positive times, pulses counted. */
class MapHarnessSmokeTest {

    @Test
    void quickRunTimesTheCanvasMapAndTheNodeBaseline() throws Exception {
        String report = MapHarness.run(new String[] {"--quick"});
        List<String> rows = Arrays.stream(report.split("\n"))
                .filter(l -> l.startsWith("| the console's map") || l.startsWith("| baseline")).toList();
        assertEquals(3, rows.size(), "the map, the map with a base map, the baseline: " + report);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            assertTrue(Double.parseDouble(cells[2].trim()) > 0, "frame time measured: " + row);
            assertTrue(Double.parseDouble(cells[5].trim()) > 0, "pulses counted: " + row);
            assertTrue(Integer.parseInt(cells[6].trim()) > 10, "frames timed: " + row);
        }
    }
}
