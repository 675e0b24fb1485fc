package commandroom.server.cli;

import com.google.protobuf.util.JsonFormat;
import commandroom.server.HubConfig;
import commandroom.server.linkage.LinkSettings;
import commandroom.v1.CountySeed;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The hub's options: from a configuration file ({@code --config FILE}, {@code name = value} lines,
 * the same names as the command line's) and then the command line, which wins. Every command
 * (serve, user, backup, restore, verify) reads the same options, so they all find the same
 * database. {@link #SERVICE} is the one list of them; the usage text and the documented example
 * file are checked against it.
 */
final class HubOptions {

    /** One option: its name (without --), what its value looks like, and what it does. */
    record Option(String name, String value, String help) {}

    static final List<Option> SERVICE = List.of(
            new Option("data", "DIR", "local state: the H2 database, the self-signed certificate"
                    + " (default $XDG_DATA_HOME/commandroom/hub, i.e. ~/.local/share/commandroom/hub)"),
            new Option("jdbc", "URL", "PostgreSQL instead of the H2 file, e.g. jdbc:postgresql://db:5432/commandroom"),
            new Option("db-user", "NAME", "database user (with jdbc)"),
            new Option("db-password", "PASS", "database password (with jdbc)"),
            new Option("bind", "HOST", "address the gRPC service listens on (default 127.0.0.1; 0.0.0.0 for all)"),
            new Option("port", "N", "its TLS port (default 50443; 0 picks a free one)"),
            new Option("cert", "FILE", "PEM certificate chain (default: a self-signed one made in DIR/tls)"),
            new Option("key", "FILE", "PEM PKCS#8 private key, with cert"),
            new Option("seed", "FILE", "county (CountySeed JSON) loaded into an empty hub: zones, units, cameras,"
                    + " roads, first users"),
            new Option("roads", "FILE", "the county's roads, an OpenStreetMap extract (.osm.pbf or .osm): imported"
                    + " once (kept in DIR/roads by the file's SHA-256) for travel times, rings and coverage gaps;"
                    + " without it they are straight lines"),
            new Option("demo", "", "run as the demo: accounts with the demo county's published passwords are"
                    + " allowed (a real install refuses them, and a database the demo made)"),
            new Option("token-keys", "FILE", "the token signing keys, kept apart from the database (default"
                    + " DIR/secrets/token-keys, made on first start; replicas share one file; 'commandroom-hub"
                    + " rotate-token-key' rotates)"),
            new Option("seal-key", "FILE", "the key that seals the audit chain, kept apart from the database"
                    + " (default DIR/secrets/seal-key, made on first start; replicas share one; keep a copy apart"
                    + " from the backups)"),
            new Option("personal-key", "FILE", "the key that seals personal data (key persons, the fraud list) in"
                    + " the log (default DIR/secrets/personal-key, made on first start; replicas share one; keep a"
                    + " copy apart from the backups, or what it sealed cannot be read again)"),
            new Option("streams-per-user", "N", "most event streams one user may hold open (default 8)"),
            new Option("streams", "N", "most event streams the hub holds open (default 10000)"),
            new Option("password-cost", "N", "bcrypt cost of the passwords the hub hashes (default 10)"),
            new Option("recurring-lists", "on|off", "hand out the officers' daily, weekly and monthly task lists"
                    + " (patrol routes, address and population checks, key-person visits) to each zone (default off)"),
            new Option("alarm-wait-urgent", "SECONDS", "an urgent alarm (urgent incident, its overdue steps, a"
                    + " unit's emergency button) nobody acknowledges goes up a level after this: the duty officers, then"
                    + " the shift leaders too, then the chief too (default 30; 0: it does not escalate)"),
            new Option("alarm-wait-high", "SECONDS", "the same for a high one (high incident, a camera's alarm, the"
                    + " county's instruction) (default 120; 0: it does not escalate); normal and low ones wait in the"
                    + " queue"),
            new Option("follow-up-visits", "PLAN", "when settled disputes are visited again, by risk grade"
                    + " (default A=in-person:3,7,30; B=in-person:3,7,30; C=phone:7,30; D=phone:7,30; grades not"
                    + " written keep theirs)"),
            new Option("station-id", "ID", "this station's id as its county hub names it (a station hub)"),
            new Option("county", "HOST:PORT", "the county hub this station follows for the county's instructions"),
            new Option("stations", "ID@HOST:PORT,...", "the station hubs this county hub follows for its"
                    + " county-wide board"),
            new Option("link-user", "NAME", "the account the links log in with on the other hubs (a shift"
                    + " leader's role there)"),
            new Option("link-password", "PASS", "its password"),
            new Option("link-cert", "FILE", "PEM certificate the other hubs' TLS must chain to (default: cert)"),
            new Option("wvp", "URL", "a GB/T 28181 platform (wvp-GB28181-pro) whose cameras the hub keeps in the"
                    + " registry and plays for the consoles, e.g. http://10.12.0.5:18080"),
            new Option("wvp-user", "NAME", "the platform account the hub logs in with (with wvp-password)"),
            new Option("wvp-password", "PASS", "its password as typed (the hub sends wvp its MD5)"),
            new Option("wvp-api-key", "KEY", "an API key made in wvp's user settings, instead of an account"),
            new Option("wvp-kind", "skynet|xueliang", "what the platform's cameras are: 天网 (default) or 雪亮"),
            new Option("wvp-sync", "MINUTES", "how often the platform's catalog is read again (default 10)"),
            new Option("wvp-alarm-incidents", "TYPE,...", "the platform's alarm types (wvp's AlarmType names) that"
                    + " are reported as incidents too (default IntrusionDetection,TripwireDetection; none: no"
                    + " incidents, the alarms still go to the walls)"),
            new Option("onvif-devices", "FILE", "ONVIF devices whose cameras the hub keeps in the registry and turns"
                    + " for the consoles: a CSV of name,address,user,password,latitude,longitude ('commandroom-hub"
                    + " onvif discover' writes its first lines)"),
            new Option("health-bind", "HOST", "address of the plain-HTTP health endpoint (default 127.0.0.1)"),
            new Option("health-port", "N", "GET http://HOST:N/health answers 200 or 503 with a JSON report"
                    + " (default: none; -1 none)"),
            new Option("log-format", "text|json", "log lines for people (text, the default) or one JSON object"
                    + " per line (json)"),
            new Option("log-file", "FILE", "write the log to FILE, rotated at 10 MB, 5 kept (default: standard error)"),
            new Option("log-level", "LEVEL", "error, warn, info (default), debug or trace"));

    /** Options that may stand alone on the command line (meaning on). */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("demo", "apply", "retire-missing");

    private final Map<String, String> values;
    private final List<String> arguments;

    private HubOptions(Map<String, String> values, List<String> arguments) {
        this.values = values;
        this.arguments = arguments;
    }

    /**
     * Reads args: options ({@code --name value} or {@code --name=value}) among the command's own
     * arguments. commandOptions are the command's extra option names (e.g. role for user add).
     */
    static HubOptions parse(List<String> args, List<String> commandOptions) {
        Map<String, String> fromArgs = new LinkedHashMap<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                arguments.add(a);
                continue;
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (FLAGS.contains(name) && (i + 1 >= args.size() || args.get(i + 1).startsWith("--"))) {
                value = "on";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!name.equals("config") && !known(name) && !commandOptions.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            fromArgs.put(name, value);
        }
        Map<String, String> values = new LinkedHashMap<>();
        String config = fromArgs.remove("config");
        if (config != null) {
            values.putAll(readFile(Path.of(config)));
        }
        values.putAll(fromArgs);
        return new HubOptions(values, arguments);
    }

    /** The settings in a configuration file; unknown names are refused with the file's name. */
    static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration file " + file, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (!known(name)) {
                throw new IllegalArgumentException(file + ": unknown setting " + name);
            }
            String v = p.getProperty(name).trim();
            if (!v.isEmpty()) {
                out.put(name, v);
            }
        }
        return out;
    }

    private static boolean known(String name) {
        return SERVICE.stream().anyMatch(o -> o.name().equals(name));
    }

    /** The command's own arguments (not options), in order. */
    List<String> arguments() {
        return arguments;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a number, not " + v);
        }
    }

    /** The hub these options describe. */
    HubConfig hubConfig() {
        String cert = values.get("cert");
        String key = values.get("key");
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("cert and key go together");
        }
        HubConfig c = HubConfig.embedded(dataDir())
                .withListener(get("bind", "127.0.0.1"), integer("port", 50443))
                .withPasswordCost(integer("password-cost", 10))
                .withHealthEndpoint(get("health-bind", "127.0.0.1"), integer("health-port", -1));
        String recurring = get("recurring-lists", "off");
        if (!recurring.equals("on") && !recurring.equals("off")) {
            throw new IllegalArgumentException("recurring-lists is on or off, not " + recurring);
        }
        if (recurring.equals("on")) {
            c = c.withRecurringLists(commandroom.server.loop.RecurringLists.defaults());
        }
        int urgent = integer("alarm-wait-urgent", 30);
        int high = integer("alarm-wait-high", 120);
        if (urgent < 0 || high < 0) {
            throw new IllegalArgumentException("alarm-wait-urgent and alarm-wait-high are seconds, 0 or more");
        }
        c = c.withAlarms(new commandroom.server.loop.AlarmPolicy(urgent == 0 ? null : java.time.Duration.ofSeconds(urgent),
                high == 0 ? null : java.time.Duration.ofSeconds(high), true));
        if (values.containsKey("follow-up-visits")) {
            c = c.withFollowUps(commandroom.server.loop.FollowUpPolicy.parse(values.get("follow-up-visits")));
        }
        if (values.containsKey("jdbc")) {
            c = c.withDatabase(values.get("jdbc"), values.get("db-user"), values.get("db-password"));
        }
        if (cert != null) {
            c = c.withCertificate(Path.of(cert), Path.of(key));
        }
        if (values.containsKey("seed")) {
            c = c.withSeed(seed(Path.of(values.get("seed"))));
        }
        if (values.containsKey("roads")) {
            c = c.withRoads(Path.of(values.get("roads")));
        }
        String demo = get("demo", "off");
        if (!demo.equals("on") && !demo.equals("off")) {
            throw new IllegalArgumentException("demo is on or off, not " + demo);
        }
        c = c.withGuard(new HubConfig.Guard(integer("streams-per-user", 8), integer("streams", 10_000), demo.equals("on"),
                100, null, null, null));
        if (values.containsKey("token-keys")) {
            c = c.withTokenKeyFile(Path.of(values.get("token-keys")));
        }
        if (values.containsKey("seal-key")) {
            c = c.withSealKeyFile(Path.of(values.get("seal-key")));
        }
        if (values.containsKey("personal-key")) {
            c = c.withPersonalKeyFile(Path.of(values.get("personal-key")));
        }
        return c.withLinkage(linkage(cert)).withCameraSources(cameraSources());
    }

    private List<commandroom.server.cameras.SourceSettings> cameraSources() {
        List<commandroom.server.cameras.SourceSettings> out = new ArrayList<>(wvpSources());
        if (values.containsKey("onvif-devices")) {
            try {
                out.add(commandroom.server.cameras.OnvifSettings.read(Path.of(values.get("onvif-devices"))));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read onvif-devices " + values.get("onvif-devices") + ": " + e, e);
            }
        }
        return out;
    }

    private List<commandroom.server.cameras.SourceSettings> wvpSources() {
        if (!values.containsKey("wvp")) {
            for (String o : List.of("wvp-user", "wvp-password", "wvp-api-key", "wvp-kind", "wvp-sync", "wvp-alarm-incidents")) {
                if (values.containsKey(o)) {
                    throw new IllegalArgumentException(o + " needs wvp, the platform's address");
                }
            }
            return List.of();
        }
        java.net.URI base;
        try {
            base = new java.net.URI(values.get("wvp"));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("wvp is the platform's address, http://host:port, not " + values.get("wvp"), e);
        }
        commandroom.v1.CameraKind kind = switch (get("wvp-kind", "skynet")) {
            case "skynet" -> commandroom.v1.CameraKind.CAMERA_KIND_SKYNET;
            case "xueliang" -> commandroom.v1.CameraKind.CAMERA_KIND_XUELIANG;
            default -> throw new IllegalArgumentException("wvp-kind is skynet or xueliang, not " + values.get("wvp-kind"));
        };
        int minutes = integer("wvp-sync", 10);
        if (minutes < 1 || minutes > 1440) {
            throw new IllegalArgumentException("wvp-sync is 1..1440 minutes, not " + minutes);
        }
        return List.of(new commandroom.server.cameras.WvpSettings("wvp", base, values.get("wvp-user"),
                values.get("wvp-password"), values.get("wvp-api-key"), kind, java.time.Duration.ofMinutes(minutes),
                java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(1), alarmIncidents()));
    }

    private java.util.Set<String> alarmIncidents() {
        String v = values.get("wvp-alarm-incidents");
        if (v == null) {
            return commandroom.server.cameras.WvpSettings.DEFAULT_ALARM_INCIDENTS;
        }
        if (v.strip().equals("none")) {
            return java.util.Set.of();
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String t : v.split(",")) {
            if (!t.strip().matches("[A-Za-z]{1,40}")) {
                throw new IllegalArgumentException("wvp-alarm-incidents lists wvp's alarm type names (e.g."
                        + " IntrusionDetection), not " + t.strip());
            }
            out.add(t.strip());
        }
        return out;
    }

    private LinkSettings linkage(String cert) {
        LinkSettings.Peer county = values.containsKey("county") ? LinkSettings.county(values.get("county")) : null;
        List<LinkSettings.Peer> stations = values.containsKey("stations")
                ? LinkSettings.stations(values.get("stations")) : List.of();
        if (county == null && stations.isEmpty()) {
            return LinkSettings.none();
        }
        if (county != null && !values.containsKey("station-id")) {
            throw new IllegalArgumentException("county needs station-id: the county names its instructions by station");
        }
        String trusted = get("link-cert", cert);
        if (trusted == null || !values.containsKey("link-user") || !values.containsKey("link-password")) {
            throw new IllegalArgumentException("county and stations need link-user, link-password and link-cert"
                    + " (or cert)");
        }
        return new LinkSettings(get("station-id", ""), county, stations, values.get("link-user"),
                values.get("link-password"), Path.of(trusted));
    }

    private Path dataDir() {
        String data = values.get("data");
        if (data != null) {
            return Path.of(data);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("commandroom").resolve("hub");
    }

    private static CountySeed seed(Path file) {
        try {
            CountySeed.Builder b = CountySeed.newBuilder();
            JsonFormat.parser().merge(Files.readString(file, StandardCharsets.UTF_8), b);
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the county seed " + file, e);
        }
    }

    /** The options' part of the usage text. */
    static String usage() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("  %-26s %s%n", "--config FILE", "read these options from FILE (name = value lines);"
                + " the command line wins"));
        for (Option o : SERVICE) {
            b.append(String.format("  %-26s %s%n", "--" + o.name() + " " + o.value(), o.help()));
        }
        return b.toString();
    }
}
