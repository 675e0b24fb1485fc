package commandroom.bench.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real console, as an officer runs it: console-app's launcher in a JVM of its own, logged in to
 * the hub as a duty officer (its own log-in, snapshot and event stream, its own default layout of
 * windows), with JavaFX headless (Monocle, software pipeline) so that it needs no display. It has
 * no -Xmx, as the installed console has none. Its settings, log and caches go to a folder of the run.
 * Not thread-safe; close once.
 */
final class RealConsole implements AutoCloseable {

    private static final String READY = "console ready";
    private static final long START_TIMEOUT_SECONDS = 180;

    private final Process process;
    private boolean ready;

    private RealConsole(Process process) {
        this.process = process;
    }

    /** Starts the console and waits for its "console ready" line (its windows shown, the first frame next). */
    static RealConsole start(Path dir, int port, Path certificate, String user, String password) throws IOException {
        Files.createDirectories(dir);
        // The console takes no password on its command line (it would show in ps): a file of ours only.
        Path passwordFile = dir.resolve("password");
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, password + "\n");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Dheadless.geometry=1920x1080-32", "-Dtestfx.headless=true",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "commandroom.app.Launcher",
                "--server", "127.0.0.1:" + port, "--cert", certificate.toString(), "--user", user,
                "--password-file", passwordFile.toString());
        ProcessBuilder b = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(
                dir.resolve("console.log").toFile()));
        Map<String, String> env = b.environment();
        for (String v : List.of("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME")) {
            env.put(v, dir.resolve(v.toLowerCase(Locale.ROOT)).toString());
        }
        env.remove("APPDATA");
        Process p = b.start();
        RealConsole console = new RealConsole(p);
        try {
            console.awaitReady(dir);
            return console;
        } catch (IOException | RuntimeException e) {
            console.close();
            throw e;
        }
    }

    private void awaitReady(Path dir) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    // Not ready in time: ending it ends the read below.
                    synchronized (this) {
                        if (!ready) {
                            process.destroyForcibly();
                        }
                    }
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "real-console-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(READY)) {
                synchronized (this) {
                    ready = true;
                }
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException ignored) {
                        // The process ended; nothing more to read.
                    }
                }, "real-console-stdout");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IOException("the real console did not become ready within " + START_TIMEOUT_SECONDS + " s; see "
                + dir.resolve("console.log"));
    }

    /** Its resident set, KiB (-1 once it is gone). */
    long rssKib() {
        return ProcessMemory.rssKib(process.pid());
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
