package commandroom.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What one run of the load harness does, from its command line. {@code --quick} picks the small
 * smoke sizes first; any size given explicitly still wins over them. Immutable.
 *
 * @param consoles       console users, each with its own log-in and its own Subscribe stream
 * @param units          field units, each with its own log-in and Instructions stream
 * @param dispatches     dispatches in the measured window (and publishes in the baseline)
 * @param rate           dispatches (and baseline publishes) per second
 * @param db             where the fan-out run's hub keeps its log: "h2" or "postgres"
 * @param pgUrl          PostgreSQL server (a database on it the harness may CREATE DATABASE from), or null
 * @param pgUser         PostgreSQL user
 * @param pgPassword     PostgreSQL password
 * @param out            markdown file to append the report to, or null
 * @param durableSeconds length of each durable-append measurement
 * @param inFlight       requests in flight in the durable-append measurement
 * @param quick          the smoke sizes were asked for
 */
record BenchOptions(int consoles, int units, int dispatches, double rate, String db, String pgUrl,
                    String pgUser, String pgPassword, Path out, int durableSeconds, int inFlight,
                    boolean quick) {

    static final String USAGE = """
            LoadHarness [--quick] [--consoles N] [--units M] [--dispatches K] [--rate R]
                        [--db h2|postgres] [--pg-url JDBC_URL --pg-user USER --pg-password PASSWORD]
                        [--durable-seconds S] [--in-flight F] [--out FILE]
              defaults: 100 consoles, 500 units, 2000 dispatches at 100/s, h2, 10 s durable, 64 in flight
              --quick:  10 consoles, 50 units, 200 dispatches, 3 s durable""";

    BenchOptions {
        require(consoles >= 1, "--consoles must be at least 1");
        require(units >= 1, "--units must be at least 1");
        require(dispatches >= 1, "--dispatches must be at least 1");
        require(rate > 0 && Double.isFinite(rate), "--rate must be a positive number");
        require(db.equals("h2") || db.equals("postgres"), "--db must be h2 or postgres");
        require(!db.equals("postgres") || pgUrl != null, "--db postgres needs --pg-url");
        require(pgUrl == null || pgUrl.startsWith("jdbc:postgresql://"), "--pg-url must be a jdbc:postgresql:// URL");
        require(durableSeconds >= 1, "--durable-seconds must be at least 1");
        require(inFlight >= 1, "--in-flight must be at least 1");
    }

    /** Reads the command line; throws IllegalArgumentException with the usage on a bad one. */
    static BenchOptions parse(String... args) {
        boolean quick = java.util.Arrays.asList(args).contains("--quick");
        int consoles = quick ? 10 : 100;
        int units = quick ? 50 : 500;
        int dispatches = quick ? 200 : 2000;
        double rate = 100;
        String db = "h2";
        String pgUrl = null;
        String pgUser = "postgres";
        String pgPassword = "";
        Path out = null;
        int durableSeconds = quick ? 3 : 10;
        int inFlight = 64;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quick")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw bad("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--consoles" -> consoles = integer(a, v);
                case "--units" -> units = integer(a, v);
                case "--dispatches" -> dispatches = integer(a, v);
                case "--rate" -> rate = number(a, v);
                case "--db" -> db = v.toLowerCase(Locale.ROOT);
                case "--pg-url" -> pgUrl = v;
                case "--pg-user" -> pgUser = v;
                case "--pg-password" -> pgPassword = v;
                case "--out" -> out = Path.of(v);
                case "--durable-seconds" -> durableSeconds = integer(a, v);
                case "--in-flight" -> inFlight = integer(a, v);
                default -> throw bad("unknown argument " + a);
            }
        }
        try {
            return new BenchOptions(consoles, units, dispatches, rate, db, pgUrl, pgUser, pgPassword, out,
                    durableSeconds, inFlight, quick);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    /** The command line that gives these options (for the report). */
    String describe() {
        return String.format(Locale.ROOT, "%d consoles, %d units, %d dispatches at %s/s, fan-out run on %s, "
                        + "durable runs %d s with %d in flight", consoles, units, dispatches,
                rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate), db,
                durableSeconds, inFlight);
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(name + " wants a whole number, got " + v);
        }
    }

    private static double number(String name, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(name + " wants a number, got " + v);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static IllegalArgumentException bad(String why) {
        return new IllegalArgumentException(why + "\n" + USAGE);
    }
}
