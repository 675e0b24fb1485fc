package commandroom.bench;

import commandroom.server.HubConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a hub under load keeps its log: the embedded H2 file in its data directory, or a fresh
 * database made for the run on a PostgreSQL server and dropped afterwards, so every run starts
 * from an empty log. Not thread-safe; close once, after the hub.
 */
final class DatabaseTarget implements AutoCloseable {

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
    static DatabaseTarget h2() {
        return new DatabaseTarget("H2 (file)", null, null, null, null, null);
    }

    /** A new empty database on the server that url points at (its database is used to run CREATE DATABASE). */
    static DatabaseTarget freshPostgres(String url, String user, String password) throws SQLException {
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

    String label() {
        return label;
    }

    HubConfig apply(HubConfig config) {
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
