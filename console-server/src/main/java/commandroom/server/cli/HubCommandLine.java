package commandroom.server.cli;

import commandroom.server.HubConfig;
import commandroom.server.store.Database;
import commandroom.server.store.StoreException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.PrintStream;
import java.util.List;

/**
 * The hub's administration commands, for the station's IT officer: user administration, backup
 * and restore of the event log, the audit-chain verifier, the roads import. Each reads the hub's
 * options (the same --config file the service reads) and opens the database they name (the roads
 * import only its data directory), does one thing and says what it did.
 * Exit status: 0 done, 1 refused or found broken, 2 a mistake on the command line.
 */
public final class HubCommandLine {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final BufferedReader in;
    private final Console console;
    private final PrintStream out;
    private final PrintStream err;

    /** console: the terminal to read passwords from without echo, or null to read them from in. */
    public HubCommandLine(BufferedReader in, Console console, PrintStream out, PrintStream err) {
        this.in = in;
        this.console = console;
        this.out = out;
        this.err = err;
    }

    /** True when args start the service rather than a command. */
    public static boolean serves(List<String> args) {
        return args.isEmpty() || args.get(0).startsWith("--") || args.get(0).equals("serve");
    }

    /** The service's options, for HubMain. Throws IllegalArgumentException on a mistake. */
    public static ServiceOptions serviceOptions(List<String> args) {
        List<String> rest = args.isEmpty() || !args.get(0).equals("serve") ? args : args.subList(1, args.size());
        HubOptions o = HubOptions.parse(rest, List.of());
        if (!o.arguments().isEmpty()) {
            throw new IllegalArgumentException("unexpected " + o.arguments().get(0));
        }
        String logFile = o.get("log-file", null);
        return new ServiceOptions(o.hubConfig(), o.get("log-format", "text"),
                logFile == null ? null : java.nio.file.Path.of(logFile), o.get("log-level", "info"));
    }

    /** What serve needs besides the hub's own config: how to log. */
    public record ServiceOptions(HubConfig hub, String logFormat, java.nio.file.Path logFile, String logLevel) {}

    /** Runs one command to its end and returns the exit status. */
    public int run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("help") || args.contains("--help")) {
            out.print(usage());
            return OK;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (command) {
                case "user" -> new UserCommands(in, console, out).run(rest);
                case "backup", "restore", "verify" -> new LogCommands(in, console, out).run(command, rest);
                case "rotate-token-key" -> rotateTokenKey(rest);
                // Roads are a file the hub reads at start, not registry items: "import roads" is "roads".
                case "import" -> !rest.isEmpty() && rest.get(0).equals("roads")
                        ? new RoadsCommand(out).run(rest.subList(1, rest.size()))
                        : new ImportCommand(in, console, out).run(rest);
                case "roads" -> new RoadsCommand(out).run(rest);
                case "onvif" -> new OnvifCommand(out).run(rest);
                default -> throw new IllegalArgumentException("unknown command " + command);
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("commandroom-hub --help shows every command and option");
            return USAGE;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (StoreException | org.flywaydb.core.api.FlywayException e) {
            err.println("the database cannot be used: " + rootMessage(e));
            return FAILED;
        } catch (java.io.UncheckedIOException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (commandroom.server.log.ChainBrokenException e) {
            err.println("refused: " + e.getMessage() + " (commandroom-hub verify shows where)");
            return FAILED;
        } catch (RuntimeException e) {
            // Hikari's pool start-up failure (an H2 file held by a running hub, a refused log-in).
            err.println("the database cannot be used: " + rootMessage(e));
            return FAILED;
        }
    }

    /**
     * A new token signing key first in the key file, the one before kept: tokens it signed stay good
     * until they expire. A running hub takes the file in within seconds. Rotate again no sooner
     * than a shift (14 h) later, or the sessions signed two keys ago must log in again.
     */
    private int rotateTokenKey(List<String> args) {
        HubOptions o = HubOptions.parse(args, List.of());
        java.nio.file.Path file = o.hubConfig().tokenKeyFile();
        if (!java.nio.file.Files.exists(file)) {
            throw new IllegalStateException("no token key file at " + file + " (the hub makes it on its first start)");
        }
        try {
            String id = commandroom.server.auth.TokenKeys.rotate(file);
            out.println("token key " + id + " now signs; the one before it is still accepted (" + file + ")");
            return OK;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot rotate " + file, e);
        }
    }

    /** Opens the database the options name (and brings its schema up to date, as the hub would). */
    static Database open(HubConfig c) {
        return c.jdbcUrl() == null ? Database.openH2(c.dataDir())
                : Database.open(c.jdbcUrl(), c.dbUser(), c.dbPassword());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        if (m.contains("Database may be already in use")) {
            return "the H2 database is in use by a running hub; stop it first (systemctl stop commandroom-hub)";
        }
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    /** The whole usage text. */
    public static String usage() {
        return """
                Usage: commandroom-hub [serve] [options]      run the hub (what the service does)
                       commandroom-hub user list [options]
                       commandroom-hub user add NAME --role ROLE [--display-name TEXT] [--unit UNIT] [--station STATION] [options]
                       commandroom-hub user role NAME ROLE [options]
                       commandroom-hub user password NAME [options]   set a new password (asked for; one line on standard input without a terminal)
                       commandroom-hub user disable NAME [options]    the account stops working within seconds, also in a running hub
                       commandroom-hub user enable NAME [options]
                       commandroom-hub backup FILE [--passphrase-file F | --key-file F] [options]
                                                                 the event log, users and images into one encrypted file (PostgreSQL: while the hub runs);
                                                                 the passphrase is asked for without either
                       commandroom-hub restore FILE [--passphrase-file F | --key-file F] [options]
                                                                 into an empty database, the hub stopped
                       commandroom-hub verify [options]          check the audit chain; names the first altered, missing or moved event
                       commandroom-hub rotate-token-key [options]  a new token signing key; the one before stays accepted
                       commandroom-hub import zones|units|cameras|addresses FILE --user NAME [--password-file F] [--server HOST:PORT]
                                      [--trust CERT] [--retire-missing] [--apply]
                                                                 a zone map (GeoJSON), roster, camera ledger or address book (CSV, .xlsx) previewed by the
                                                                 running hub; --apply writes it in one batch (the same file twice: nothing)
                       commandroom-hub [import] roads FILE [options]  import the county's OpenStreetMap roads (.osm.pbf or .osm) for --roads;
                       commandroom-hub onvif discover [--probe HOST:PORT] [--wait S]  list the ONVIF devices on the network as lines of --onvif-devices;
                                                                 says what it found, or what is wrong with the file
                Roles: %s
                Options (every command; on the server: --config /etc/commandroom/hub.conf):
                """.formatted(commandroom.server.admin.UserAdmin.roleNames()) + HubOptions.usage();
    }
}
