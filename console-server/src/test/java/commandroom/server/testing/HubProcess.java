package commandroom.server.testing;

import com.google.protobuf.util.JsonFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A hub in its own JVM (HubMain), so that a test can kill it with SIGKILL as a power cut or an
 * OOM killer would, and start it again on the same storage.
 */
public final class HubProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private Process process;
    private int port;
    private int healthPort = -1;
    private Path certificate;

    private HubProcess(List<String> command, Path log) {
        this.command = command;
        this.log = log;
    }

    /** Prepares (does not start) a hub process on a data directory and, optionally, PostgreSQL. */
    public static HubProcess prepare(Path dataDir, PostgresServer.Db db, String... moreOptions) throws IOException {
        Path seed = dataDir.resolve("seed.json");
        Files.createDirectories(dataDir);
        Files.writeString(seed, JsonFormat.printer().print(TestCounty.seed()), StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "commandroom.server.HubMain",
                "--data", dataDir.toString(), "--port", "0", "--seed", seed.toString(), "--password-cost", "4", "--demo"));
        if (db != null) {
            cmd.addAll(List.of("--jdbc", db.url(), "--db-user", db.user(), "--db-password", db.password()));
        }
        cmd.addAll(List.of(moreOptions));
        return new HubProcess(cmd, dataDir.resolve("hub.log"));
    }

    /** Starts the process and waits for its READY line. */
    public void start() throws IOException {
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("HUB READY ")) {
                for (String part : line.substring(10).split(" ")) {
                    if (part.startsWith("port=")) {
                        port = Integer.parseInt(part.substring(5));
                    } else if (part.startsWith("health=")) {
                        healthPort = Integer.parseInt(part.substring(7));
                    } else if (part.startsWith("cert=")) {
                        certificate = Path.of(part.substring(5));
                    }
                }
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // The process died; nothing more to read.
                    }
                }, "hub-process-stdout");
                drain.setDaemon(true);
                drain.start();
                return;
            }
            if (System.nanoTime() > end) {
                break;
            }
        }
        throw new IOException("hub process did not become ready; see " + log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int port() {
        return port;
    }

    /** The hub's process id (for its memory, read from /proc). */
    public long pid() {
        return process.pid();
    }

    /** The health endpoint's port, -1 without one. */
    public int healthPort() {
        return healthPort;
    }

    /** Where the process's standard error (its log) goes. */
    public Path logFile() {
        return log;
    }

    public Path certificate() {
        return certificate;
    }

    public HubClient login(String user) {
        return HubClient.login("127.0.0.1", port, certificate, user, TestCounty.PASSWORD);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
