package commandroom.app;

import commandroom.app.embedded.EmbeddedDefault;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the console. Until the workstation UI lands (issue 3), the embedded default runs the hub
 * over the demo county with simulated units and prints each loop as it closes.
 * Options: --data DIR, --port N, --speed F, --minutes M (stop after M minutes), --help.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path data = defaultDataDir();
        int port = 50443;
        double speed = 20;
        double minutes = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--speed" -> speed = Double.parseDouble(args[++i]);
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--help" -> {
                    System.out.println("console [--data DIR] [--port N] [--speed F] [--minutes M]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "; try --help");
                    System.exit(2);
                }
            }
        }
        // Standard output is this command's interface: one line per closed loop.
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        try (EmbeddedDefault embedded = EmbeddedDefault.start(data, port, speed, out)) {
            out.println("指挥室中心已启动 hub ready on 127.0.0.1:" + embedded.port() + " (TLS, certificate "
                    + embedded.certificate() + "); simulated county running; closed loops follow:");
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            if (minutes > 0) {
                stop.await((long) (minutes * 60_000), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
        }
    }

    /** XDG data home on Linux, %APPDATA% on Windows. */
    static Path defaultDataDir() {
        String appData = System.getenv("APPDATA");
        if (appData != null) {
            return Path.of(appData, "CommandRoom");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("commandroom");
    }
}
