package commandroom.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * The launcher's command line. It takes no password: one typed there shows in every user's
 * {@code ps}; it comes from a file ({@code --password-file}) or the log-in window asks for it.
 */
record Options(Path data, int port, double speed, double minutes, boolean noUi, String server, Path cert,
               String user, Path passwordFile, String language, boolean help, boolean userGiven, String baseMap,
               boolean google, String googleKey, double callsPerHour, boolean noHistory) {

    static final String USAGE = """
            console [options]
              (no options)        embedded default: hub over the demo county, simulated units, logged in as leader1
              --demo              the embedded default, said explicitly (the same as no options)
              --user NAME         log in as NAME (demo users: duty1, leader1, chief1)
              --password-file FILE  the password: the file's first line (keep the file readable by you
                                  only). Without it, --server opens the log-in window, which asks for
                                  it; the embedded default logs in with the demo county's by itself
              --server HOST:PORT  connect to a hub elsewhere instead: a log-in window asks for the rest;
                                  several replicas of one hub as HOST:PORT,HOST:PORT (the console
                                  moves to another when the one it uses fails)
              --cert FILE         PEM certificate of that hub
              --data DIR          embedded hub's data directory (default: XDG data home / %APPDATA%)
              --port N            embedded hub's TLS port (default 50443; 0 = any free)
              --speed F           simulated units move and work F times faster (default 20)
              --no-history        embedded default: do not write the station's last two years into a
                                  fresh log on the first start (about a minute quicker; the chief's
                                  statistics then start from nothing)
              --calls-per-hour N  embedded default with a window: 110 calls a day's mean hour brings
                                  (default 6; more by day and in the evening, fewer at night; other
                                  incidents in proportion; 0 = only the ones you take in)
              --no-ui             no window: the simulated county also reports, dispatches and reviews;
                                  each closed loop is printed
              --minutes M         with --no-ui, stop after M minutes
              --lang en|zh        language (default: the system's if the user chose English, else Chinese)
              --basemap SPEC      the map's base map: mbtiles:FILE, xyz:FOLDER or an intranet tile URL
                                  http://host/{z}/{x}/{y}.png (cached on disk); gcj02: in front for
                                  tiles drawn in GCJ-02. Default: the demo county's with the embedded
                                  hub, none with --server (the map then draws the roads it knows)
              --map google        draw the map with Google Maps (needs the internet and --google-key;
                                  never on a police network)
              --google-key KEY    Google Maps JavaScript API key
            """;

    static Options parse(String[] args) {
        Path data = defaultDataDir();
        int port = 50443;
        double speed = 20;
        double minutes = 0;
        boolean noUi = false;
        String server = null;
        Path cert = null;
        String user = "leader1";
        Path passwordFile = null;
        String language = null;
        boolean help = false;
        boolean userGiven = false;
        String baseMap = null;
        boolean demo = false;
        boolean google = false;
        String googleKey = null;
        double callsPerHour = 6;
        boolean noHistory = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--speed" -> speed = Double.parseDouble(args[++i]);
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--no-ui" -> noUi = true;
                case "--server" -> server = args[++i];
                case "--cert" -> cert = Path.of(args[++i]);
                case "--user" -> {
                    user = args[++i];
                    userGiven = true;
                }
                case "--password-file" -> passwordFile = Path.of(args[++i]);
                case "--password" -> throw new IllegalArgumentException("--password is not accepted: a password on"
                        + " the command line shows in ps. Use --password-file FILE, or leave it out and the log-in"
                        + " window asks for it\n" + USAGE);
                case "--lang" -> language = args[++i];
                case "--help" -> help = true;
                case "--demo" -> demo = true;
                case "--basemap" -> baseMap = args[++i];
                case "--map" -> {
                    String provider = args[++i];
                    if (!provider.equals("google") && !provider.equals("console")) {
                        throw new IllegalArgumentException("--map is google or console, not " + provider + "\n" + USAGE);
                    }
                    google = provider.equals("google");
                }
                case "--google-key" -> googleKey = args[++i];
                case "--no-history" -> noHistory = true;
                case "--calls-per-hour" -> {
                    callsPerHour = Double.parseDouble(args[++i]);
                    if (!(callsPerHour >= 0 && callsPerHour <= 3600)) {
                        throw new IllegalArgumentException("--calls-per-hour is 0..3600, not " + args[i] + "\n" + USAGE);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (demo && server != null) {
            throw new IllegalArgumentException("--demo runs the embedded hub; --server connects to another: choose one\n" + USAGE);
        }
        return new Options(data, port, speed, minutes, noUi, server, cert, user, passwordFile, language, help, userGiven,
                baseMap, google, googleKey, callsPerHour, noHistory);
    }

    /**
     * The password in a file: its first line, without the line's end (a file written by
     * {@code echo} ends with one). An unreadable or empty file is a mistake said in words.
     */
    static String readPassword(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("the password file " + file + " is empty: its first line is the password");
            }
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException("the password file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** True when a password file can be read by others than its owner (on a system that says). */
    static boolean readableByOthers(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view == null) {
                return false;
            }
            Set<PosixFilePermission> p = view.readAttributes().permissions();
            return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException e) {
            return false;
        }
    }

    /** Where window layouts are kept: XDG config home on Linux, %APPDATA% on Windows. */
    static Path layoutDir() {
        return userDir(System.getenv(), "XDG_CONFIG_HOME", ".config").resolve("layouts");
    }

    /** Where downloaded map tiles are kept: XDG cache home on Linux, %APPDATA% on Windows. */
    static Path cacheDir() {
        return userDir(System.getenv(), "XDG_CACHE_HOME", ".cache");
    }

    /** Where the console writes its log: XDG state home on Linux, %APPDATA% on Windows. */
    static Path logDir() {
        return userDir(System.getenv(), "XDG_STATE_HOME", ".local/state").resolve("logs");
    }

    /** XDG data home on Linux, %APPDATA% on Windows. */
    static Path defaultDataDir() {
        return userDir(System.getenv(), "XDG_DATA_HOME", ".local/share");
    }

    /**
     * The console's folder under %APPDATA% on Windows, else under the XDG variable or its default
     * in the home folder (the XDG Base Directory rules: an empty variable counts as unset).
     */
    static Path userDir(Map<String, String> env, String xdgVariable, String xdgDefault) {
        String appData = env.get("APPDATA");
        if (appData != null && !appData.isBlank()) {
            return Path.of(appData, "CommandRoom");
        }
        String xdg = env.get(xdgVariable);
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), xdgDefault);
        return base.resolve("commandroom");
    }
}
