package commandroom.bench.soak;

import com.google.protobuf.util.JsonFormat;
import commandroom.bench.BenchCounty;
import commandroom.bench.DatabaseTarget;
import commandroom.server.testing.HubProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub under soak: the hub's own command (HubMain) in a JVM of its own, started as the fault
 * harness starts it ({@link HubProcess}), on the synthetic county of the load harness (M units, N
 * console users and one more for the real console, a shift leader, an intake officer), so that its
 * resident memory can be read alone. The hub keeps its default step clocks: the soak's units sign for
 * and arrive, as terminals do. Not thread-safe; close once.
 */
final class SoakHub implements AutoCloseable {

    private static final String MAIN = "commandroom.server.HubMain";

    private final HubProcess process;
    private final long pid;

    private SoakHub(HubProcess process, long pid) {
        this.process = process;
        this.pid = pid;
    }

    /** Writes the county, starts the hub on the database and waits until it serves. */
    static SoakHub start(Path dir, SoakOptions o, DatabaseTarget db) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path seed = dir.resolve("soak-county.json");
        Files.writeString(seed, JsonFormat.printer().print(BenchCounty.build(o.units(), o.consoles() + 1, 1)),
                StandardCharsets.UTF_8);
        // HubProcess writes the test county and names it; a later --seed wins (the hub's options: last one counts).
        List<String> more = new ArrayList<>(List.of("--seed", seed.toString()));
        more.addAll(db.hubOptions());
        HubProcess hub = HubProcess.prepare(dir, null, more.toArray(String[]::new));
        try {
            hub.start();
            long pid = ProcessMemory.childRunning(MAIN)
                    .orElseThrow(() -> new IllegalStateException("the hub process is not among this JVM's children"));
            return new SoakHub(hub, pid);
        } catch (IOException | RuntimeException e) {
            hub.close();
            throw e;
        }
    }

    int port() {
        return process.port();
    }

    Path certificate() {
        return process.certificate();
    }

    /** The hub's resident set, KiB (-1 once it is gone). */
    long rssKib() {
        return ProcessMemory.rssKib(pid);
    }

    Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
