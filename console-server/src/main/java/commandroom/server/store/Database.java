package commandroom.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The hub's database: an H2 file (the embedded default) or PostgreSQL (production), with the
 * same Flyway migrations for both. Thread-safe; connections come from a small pool.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(8);
        config.setPoolName("hub-db");
        config.setAutoCommit(true);
        this.dataSource = new HikariDataSource(config);
        this.postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    /** Opens (and migrates) the database at a JDBC URL. */
    public static Database open(String jdbcUrl, String user, String password) {
        return new Database(jdbcUrl, user, password);
    }

    /**
     * The embedded default: an H2 file in a directory. WRITE_DELAY=0 makes every commit reach the
     * file before it returns, so an acknowledged event survives the process being killed. The
     * directory and H2's files in it are the hub user's only (0700, 0600): H2 makes its files with
     * the process's umask, so the directory is what keeps others out of those it makes later.
     */
    public static Database openH2(Path directory) {
        try {
            PrivateFiles.directory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + directory, e);
        }
        String url = "jdbc:h2:file:" + directory.resolve("hub").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        Database db = new Database(url, "sa", "");
        try {
            PrivateFiles.restrictFiles(directory, "hub.");
        } catch (UncheckedIOException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True on PostgreSQL, where a few statements differ. */
    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
