package commandroom.bench.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The wall harness in quick mode measures every figure: each scenario's row has both baselines and
 * the wall's CPU, tiles that presented pictures, pulses, RSS and first frames; and latency samples came.
 */
class WallHarnessSmokeTest {

    @Test
    void quickRunMeasuresEveryScenarioAndTheLatency() throws Exception {
        String report = WallHarness.run(new String[] {"--quick"});
        List<String> rows = Arrays.stream(report.split("\n"))
                .filter(l -> l.startsWith("| ") && (l.contains("sub-stream") || l.contains("main stream"))).toList();
        assertEquals(2, rows.size(), "a sub-stream and a main-stream scenario: " + report);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            // | scenario | decode-only, wall's options | decode-only, defaults | wall | two ratios | baseline
            // counter | wall counter | presented | pulses | RSS | first frame |
            double baseline = Double.parseDouble(cells[2].trim());
            double plain = Double.parseDouble(cells[3].trim());
            double wall = Double.parseDouble(cells[4].trim());
            double presented = Double.parseDouble(cells[9].trim().split(" ")[0]);
            double pulses = Double.parseDouble(cells[10].trim().split(" ")[0]);
            assertTrue(baseline > 0 && plain > 0 && wall > 0, "CPU measured: " + row);
            assertTrue(presented > 0, "pictures presented: " + row);
            assertTrue(pulses > 0, "pulses counted: " + row);
            assertTrue(!cells[12].contains("-1"), "every tile's first frame came: " + row);
        }
        Matcher latency = Pattern.compile("(\\d+) changes, p50 (\\d+) ms").matcher(report);
        assertTrue(latency.find(), report);
        assertTrue(Integer.parseInt(latency.group(1)) >= 5, "latency samples: " + latency.group());
        assertTrue(Integer.parseInt(latency.group(2)) > 0, latency.group());
    }
}
