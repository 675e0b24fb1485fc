package commandroom.bench.wall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The wall in a JVM of its own ({@link ChaosWall}), as the chaos harness runs it: what its tiles
 * show goes into one {@link TileLog} each, its FX pulses per second into a list; if libVLC crashes
 * it, the process ends without being asked and the harness sees the exit status and the JVM's
 * fatal error log. The JVM's standard error goes to a file beside that log. One owner thread, plus
 * the reader of the wall's output.
 */
final class WallProcess {

    private final Process process;
    private final Path dir;
    private final List<Integer> pulses = new ArrayList<>();
    private volatile boolean ready;
    private volatile String problem;

    private WallProcess(Process process, Path dir, TileLog[] logs) {
        this.process = process;
        this.dir = dir;
        Thread reader = new Thread(() -> read(logs), "wall-process-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a wall of the streams in a new JVM on this JVM's class path; its files go into dir. */
    static WallProcess start(List<String> urls, TileLog[] logs, Path dir, int generation) throws IOException {
        long now = System.nanoTime();
        for (TileLog log : logs) {
            log.reset(now);
        }
        // Under Surefire this JVM's class path is one manifest jar; the real one is in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"), "-cp", classPath, ChaosWall.class.getName()));
        cmd.addAll(urls);
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("wall-" + generation + ".log").toFile()).start();
        return new WallProcess(p, dir, logs);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Whether the wall has put every camera on its tile. */
    boolean ready() {
        return ready;
    }

    /** Why the wall cannot play, when it said so (libVLC missing), or null. */
    String problem() {
        return problem;
    }

    int exitStatus() {
        return process.exitValue();
    }

    /** The JVM's fatal error log, if it wrote one (it crashed). */
    Optional<Path> crashLog() {
        return Optional.of(dir.resolve("hs_err_pid" + process.pid() + ".log")).filter(Files::exists);
    }

    /** FX pulses per second, one a second since the wall started. */
    List<Integer> pulses() {
        synchronized (pulses) {
            return List.copyOf(pulses);
        }
    }

    /** The wall JVM's resident memory in MB, or -1 once it is gone. */
    long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended between the check and the read.
        }
        return -1;
    }

    /**
     * Asks the wall to stop (end of its input) and waits; answers its exit status, or -1 if it had
     * to be killed after the timeout.
     */
    int stop(long seconds) throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException gone) {
            // Already dead: its exit status says how.
        }
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    /** Kills the wall at once, as the harness's last resort. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    private void read(TileLog[] logs) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                long now = System.nanoTime();
                String[] w = line.split(" ", 3);
                switch (w[0]) {
                    case "@S" -> logs[Integer.parseInt(w[1])].state(now, w[2]);
                    case "@M" -> logs[Integer.parseInt(w[1])].moving(now, true);
                    case "@Z" -> logs[Integer.parseInt(w[1])].moving(now, false);
                    case "@P" -> logs[Integer.parseInt(w[1])].held(now, w[2].equals("1"));
                    case "@L" -> logs[Integer.parseInt(w[1])].line(w.length > 2 ? w[2] : "");
                    case "@H" -> {
                        synchronized (pulses) {
                            pulses.add(Integer.parseInt(w[1]));
                        }
                    }
                    case "@ready" -> ready = true;
                    case "@problem" -> problem = line.substring("@problem ".length());
                    default -> { } // libVLC or the toolkit printing: not ours
                }
            }
        } catch (IOException | RuntimeException ended) {
            // The wall's output closed: it ended (the harness looks at how).
        }
    }
}
