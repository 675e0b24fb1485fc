package commandroom.server.testing;

import commandroom.server.HubBootstrap;
import commandroom.server.HubConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A real hub for a test: TLS on 127.0.0.1, the test county, on an H2 file or a fresh PostgreSQL
 * database. Restartable on the same storage (for crash and replay tests).
 */
public final class TestHub implements AutoCloseable {

    private final HubConfig config;
    private HubBootstrap hub;

    private TestHub(HubConfig config) {
        this.config = config;
        this.hub = HubBootstrap.start(config);
    }

    public static TestHub start(Backend backend) {
        return start(backend, c -> c);
    }

    public static TestHub start(Backend backend, UnaryOperator<HubConfig> tweak) {
        return new TestHub(tweak.apply(config(backend)));
    }

    /** The configuration a test hub would use (for tests that start the hub elsewhere). */
    public static HubConfig config(Backend backend) {
        Path dir;
        try {
            dir = Files.createTempDirectory("commandroom-hub");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HubConfig c = HubConfig.embedded(dir).withListener("127.0.0.1", 0).withSeed(TestCounty.seed())
                .withPasswordCost(4).asDemo();
        if (backend == Backend.POSTGRES) {
            PostgresServer.Db db = PostgresServer.get().newDatabase();
            c = c.withDatabase(db.url(), db.user(), db.password());
        }
        return c;
    }

    public HubBootstrap hub() {
        return hub;
    }

    public int port() {
        return hub.port();
    }

    public Path certificate() {
        return hub.certificate();
    }

    public HubConfig config() {
        return config;
    }

    /** A client that logs in as the user over TLS. */
    public HubClient login(String username) {
        return HubClient.login("127.0.0.1", port(), certificate(), username, TestCounty.PASSWORD);
    }

    /** Stops the hub gracefully and starts it again on the same storage and port-less config. */
    public void restart() {
        hub.close();
        hub = HubBootstrap.start(config);
    }

    @Override
    public void close() {
        hub.close();
    }
}
