package commandroom.bench;

import commandroom.server.HubConfig;
import commandroom.server.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a hub under load keeps its log: the embedded H2 file in its data directory, or a fresh
 * database made for the run on a PostgreSQL server and dropped afterwards, so every run starts
 * from an empty log. Not thread-safe; close once, after the hub.
 */
public final class DatabaseTarget implements AutoCloseable {

    private final String label;
    private final String adminUrl;
    private final String url;
    private final String user;
    private final String password;
    private final String database;

    private DatabaseTarget(String label, String adminUrl, String url, String user, String password, String database) {
        this.label = label;
        this.adminUrl = adminUrl;
        this.url = url;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    /** The H2 file of HubConfig.embedded. */
    public static DatabaseTarget h2() {
        return new DatabaseTarget("H2 (file)", null, null, null, null, null);
    }

    /** A new empty database on the server that url points at (its database is used to run CREATE DATABASE). */
    public static DatabaseTarget freshPostgres(String url, String user, String password) throws SQLException {
        String name = "bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', Math.max(slash, 0));
        String server = slash < 0 ? url : url.substring(0, slash);
        String fresh = server + "/" + name + (query < 0 ? "" : url.substring(query));
        return new DatabaseTarget("PostgreSQL", url, fresh, user, password, name);
    }

    public String label() {
        return label;
    }

    /** The same database as the hub command's options (--jdbc ...), none for the H2 file; for a hub in its own process. */
    public List<String> hubOptions() {
        return url == null ? List.of()
                : List.of("--jdbc", url, "--db-user", user, "--db-password", password == null ? "" : password);
    }

    /** The database as the tests' fixtures name one, for a hub started as a process; null for the H2 file. */
    public PostgresServer.Db asDb() {
        return url == null ? null : new PostgresServer.Db(url, user, password);
    }

    /** The config with this database (unchanged for the H2 file). */
    public HubConfig apply(HubConfig config) {
        return url == null ? config : config.withDatabase(url, user, password);
    }

    @Override
    public void close() throws SQLException {
        if (database != null) {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
