package commandroom.bench.replicas;

import commandroom.server.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A new empty database made for one part of a run on the PostgreSQL server that the harness was
 * pointed at (CREATE DATABASE through the given URL's database), dropped on close, so each run
 * starts from an empty log. Not thread-safe; close once, after every hub on it has stopped.
 */
final class FreshDatabase implements AutoCloseable {

    private final String adminUrl;
    private final String name;
    private final PostgresServer.Db db;

    private FreshDatabase(String adminUrl, String name, PostgresServer.Db db) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.db = db;
    }

    static FreshDatabase create(String url, String user, String password) throws SQLException {
        String name = "replicas_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', Math.max(slash, 0));
        String server = slash < 0 ? url : url.substring(0, slash);
        String fresh = server + "/" + name + (query < 0 ? "" : url.substring(query));
        return new FreshDatabase(url, name, new PostgresServer.Db(fresh, user, password));
    }

    /** Where the database is, and as whom to connect. */
    PostgresServer.Db db() {
        return db;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
