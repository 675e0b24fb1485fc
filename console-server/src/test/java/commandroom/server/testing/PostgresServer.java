package commandroom.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for the tests. CI starts one and says where with COMMANDROOM_TEST_PG_URL
 * (plus _USER, _PASSWORD); without it, the fixture starts its own cluster from the installed
 * PostgreSQL binaries (as the postgres user when run as root, since initdb refuses root). If
 * neither works the tests fail: a PostgreSQL test is never skipped. Each test gets a fresh
 * database. Thread-safe; one server per JVM.
 */
public final class PostgresServer {

    /** Where a database is, and as whom to connect. */
    public record Db(String url, String user, String password) {}

    private static PostgresServer instance;

    private final String baseUrl;
    private final String user;
    private final String password;

    private PostgresServer(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            String url = System.getenv("COMMANDROOM_TEST_PG_URL");
            instance = url != null && !url.isBlank()
                    ? new PostgresServer(url, env("COMMANDROOM_TEST_PG_USER", "postgres"), env("COMMANDROOM_TEST_PG_PASSWORD", ""))
                    : startOwn();
        }
        return instance;
    }

    /** A new empty database on the server. */
    public Db newDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(baseUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + baseUrl + " refused CREATE DATABASE", e);
        }
        return new Db(baseUrl.substring(0, baseUrl.lastIndexOf('/') + 1) + name, user, password);
    }

    private static PostgresServer startOwn() {
        try {
            Path bin = Files.list(Path.of("/usr/lib/postgresql")).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql"))
                    .resolve("bin");
            Path dir = Files.createTempDirectory("commandroom-pg");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres", dir.toString()));
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            run(asPostgres(root, List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                    "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C")));
            run(asPostgres(root, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=on",
                    "-l", dir.resolve("log").toString(), "-w", "start")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(asPostgres(root, List.of(bin.resolve("pg_ctl").toString(), "-D",
                            dir.resolve("data").toString(), "-m", "immediate", "stop")));
                } catch (IOException | InterruptedException ignored) {
                    // The JVM is exiting; the temporary cluster dies with the machine's tmp.
                }
            }));
            return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not start PostgreSQL for the tests; install postgresql"
                    + " or set COMMANDROOM_TEST_PG_URL", e);
        }
    }

    private static List<String> asPostgres(boolean root, List<String> cmd) {
        if (!root) {
            return cmd;
        }
        var all = new java.util.ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(cmd);
        return all;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        // From /: the postgres user may not be allowed into the checkout's directory.
        Process p = new ProcessBuilder(cmd).directory(new java.io.File("/")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null ? dflt : v;
    }
}
