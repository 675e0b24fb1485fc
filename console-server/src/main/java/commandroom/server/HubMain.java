package commandroom.server;

import com.google.protobuf.util.JsonFormat;
import commandroom.v1.CountySeed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a hub as its own process (the server install, and the crash tests that kill it). Prints
 * one line "HUB READY port=... cert=..." on standard output once it serves, then runs until
 * killed or interrupted.
 */
public final class HubMain {

    private HubMain() {}

    public static void main(String[] args) throws Exception {
        HubConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            usage(System.err);
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        HubBootstrap hub = HubBootstrap.start(config);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stop.countDown();
        }, "hub-shutdown"));
        // Standard output is this command's interface: the parent process waits for this line.
        System.out.println("HUB READY port=" + hub.port() + " cert=" + hub.certificate());
        System.out.flush();
        stop.await();
    }

    static HubConfig parse(String[] args) throws IOException {
        Path data = Path.of(System.getProperty("user.home"), ".local", "share", "commandroom", "hub");
        HubConfig c = null;
        String jdbc = null;
        String user = null;
        String password = null;
        String host = "127.0.0.1";
        int port = 50443;
        Path cert = null;
        Path key = null;
        CountySeed seed = null;
        int cost = 10;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help")) {
                usage(System.out);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--data" -> data = Path.of(v);
                case "--jdbc" -> jdbc = v;
                case "--db-user" -> user = v;
                case "--db-password" -> password = v;
                case "--bind" -> host = v;
                case "--port" -> port = Integer.parseInt(v);
                case "--cert" -> cert = Path.of(v);
                case "--key" -> key = Path.of(v);
                case "--seed" -> {
                    CountySeed.Builder b = CountySeed.newBuilder();
                    JsonFormat.parser().merge(Files.readString(Path.of(v), StandardCharsets.UTF_8), b);
                    seed = b.build();
                }
                case "--password-cost" -> cost = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("--cert and --key go together");
        }
        c = HubConfig.embedded(data).withListener(host, port).withPasswordCost(cost);
        if (jdbc != null) {
            c = c.withDatabase(jdbc, user, password);
        }
        if (cert != null) {
            c = c.withCertificate(cert, key);
        }
        if (seed != null) {
            c = c.withSeed(seed);
        }
        return c;
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage: hub [options]
                  --data DIR           local state: H2 database, self-signed certificate (default ~/.local/share/commandroom/hub)
                  --jdbc URL           PostgreSQL JDBC URL instead of the H2 file, e.g. jdbc:postgresql://db:5432/commandroom
                  --db-user NAME       database user (with --jdbc)
                  --db-password PASS   database password (with --jdbc)
                  --bind HOST          address to listen on (default 127.0.0.1)
                  --port N             TLS port (default 50443; 0 picks a free one)
                  --cert FILE --key FILE   PEM certificate chain and PKCS#8 key (default: self-signed in DIR/tls)
                  --seed FILE          county (CountySeed JSON) to load into an empty hub
                  --password-cost N    bcrypt cost for seeded passwords (default 10)
                """);
    }
}
