package commandroom.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process's resident set size as Linux tells it (/proc/PID/status, VmRSS): what the process
 * really holds in memory, heap and everything else (metaspace, code cache, thread stacks, direct
 * buffers, mapped files in use). Stateless.
 */
public final class ProcessMemory {

    private ProcessMemory() {}

    /** VmRSS of the process in KiB, or -1 if it is gone or this is not Linux. */
    public static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
        return -1;
    }

    /** The pid of the child process of this JVM whose command line (/proc/PID/cmdline) names mainClass. */
    static Optional<Long> childRunning(String mainClass) {
        return ProcessHandle.current().children().map(ProcessHandle::pid)
                .filter(pid -> commandLine(pid).contains(mainClass)).findFirst();
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException gone) {
            return "";
        }
    }
}
