package commandroom.bench.soak;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What one soak run does, from its command line. Immutable.
 *
 * @param consoles      protocol-level consoles (each its own log-in, snapshot and Subscribe stream)
 * @param units         field units (each its own log-in and Instructions stream; they sign for and arrive)
 * @param rate          dispatches per second, steady for the whole run
 * @param minutes       length of the measured run (after set-up and warm-up)
 * @param windowMinutes length of one reporting window
 * @param warmUp        unmeasured dispatches before the first window, 16 in flight
 * @param incidents     incidents reported before the run; the dispatches go round them
 * @param realConsole   also start one real console (console-app, headless) against the hub
 * @param db            "h2" or "postgres"
 * @param pgUrl         PostgreSQL server (CREATE DATABASE is run on it), or null
 * @param pgUser        PostgreSQL user
 * @param pgPassword    PostgreSQL password
 * @param out           markdown file the report is appended to, or null
 */
public record SoakOptions(int consoles, int units, double rate, double minutes, double windowMinutes, int warmUp,
                          int incidents, boolean realConsole, String db, String pgUrl, String pgUser,
                          String pgPassword, Path out) {

    static final String USAGE = """
            SoakHarness [--consoles N] [--units M] [--rate R] [--minutes T] [--window-minutes W]
                        [--warm-up D] [--incidents I] [--no-real-console]
                        [--db h2|postgres] [--pg-url JDBC_URL --pg-user USER --pg-password PASSWORD] [--out FILE]
              defaults: 100 consoles, 1000 units, 5 dispatches/s for 30 minutes in 5-minute windows,
                        500 warm-up dispatches, 500 incidents, one real console, h2""";

    public SoakOptions {
        require(consoles >= 1, "--consoles must be at least 1");
        require(units >= 1, "--units must be at least 1");
        require(rate > 0 && Double.isFinite(rate), "--rate must be a positive number");
        require(minutes > 0 && windowMinutes > 0 && windowMinutes <= minutes,
                "--minutes and --window-minutes must be positive, the window no longer than the run");
        require(warmUp >= 0, "--warm-up must not be negative");
        require(incidents >= 1, "--incidents must be at least 1");
        require(db.equals("h2") || db.equals("postgres"), "--db must be h2 or postgres");
        require(!db.equals("postgres") || pgUrl != null, "--db postgres needs --pg-url");
    }

    /** Reads the command line; throws IllegalArgumentException with the usage on a bad one. */
    public static SoakOptions parse(String... args) {
        int consoles = 100;
        int units = 1000;
        double rate = 5;
        double minutes = 30;
        double window = 5;
        int warmUp = 500;
        int incidents = 500;
        boolean realConsole = true;
        String db = "h2";
        String pgUrl = null;
        String pgUser = "postgres";
        String pgPassword = "";
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-real-console")) {
                realConsole = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw bad("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--consoles" -> consoles = (int) number(a, v);
                case "--units" -> units = (int) number(a, v);
                case "--rate" -> rate = number(a, v);
                case "--minutes" -> minutes = number(a, v);
                case "--window-minutes" -> window = number(a, v);
                case "--warm-up" -> warmUp = (int) number(a, v);
                case "--incidents" -> incidents = (int) number(a, v);
                case "--db" -> db = v.toLowerCase(Locale.ROOT);
                case "--pg-url" -> pgUrl = v;
                case "--pg-user" -> pgUser = v;
                case "--pg-password" -> pgPassword = v;
                case "--out" -> out = Path.of(v);
                default -> throw bad("unknown argument " + a);
            }
        }
        try {
            return new SoakOptions(consoles, units, rate, minutes, window, warmUp, incidents, realConsole, db, pgUrl,
                    pgUser, pgPassword, out);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    /** Windows in the run: the last one may be shorter. */
    int windows() {
        return (int) Math.ceil(minutes / windowMinutes - 1e-9);
    }

    /** Dispatches in window w (0-based): the rate over the window's length. */
    int dispatchesIn(int w) {
        double start = w * windowMinutes;
        double end = Math.min(minutes, (w + 1) * windowMinutes);
        return Math.max(1, (int) Math.round((end - start) * 60 * rate));
    }

    /** The run in words, for the report. */
    String describe() {
        return String.format(Locale.ROOT, "%d consoles, %d units, %s dispatches/s for %s min in %s-min windows, "
                        + "%d warm-up dispatches, %d incidents, hub on %s, %s", consoles, units, plain(rate),
                plain(minutes), plain(windowMinutes), warmUp, incidents, db.equals("h2") ? "H2 (file)" : "PostgreSQL",
                realConsole ? "one real console (console-app, headless)" : "no real console");
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
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
