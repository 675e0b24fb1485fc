package commandroom.server;

import commandroom.server.linkage.LinkSettings;
import commandroom.server.loop.FollowUpPolicy;
import commandroom.server.loop.RecurringLists;
import commandroom.server.loop.SlaPolicy;
import commandroom.v1.CountySeed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything a hub is started with. The defaults are the embedded default: an H2 file in the data
 * directory, a self-signed certificate, TLS on 127.0.0.1. Immutable; change with the with* methods,
 * which copy it through one {@link Copy}.
 *
 * @param dataDir        H2 file, certificate and other local state
 * @param jdbcUrl        PostgreSQL (or other) JDBC URL; null for the H2 file in dataDir
 * @param dbUser         database user, with jdbcUrl
 * @param dbPassword     database password, with jdbcUrl
 * @param bindHost       address to listen on; TLS is always on
 * @param port           TCP port; 0 picks a free one
 * @param certFile       PEM certificate chain; null makes a self-signed one in dataDir/tls
 * @param keyFile        PEM PKCS#8 private key, with certFile
 * @param seed           county to load into an empty hub, or null
 * @param sla            step clocks
 * @param clock          the hub's clock (tests move it)
 * @param accessTtl      life of an access token
 * @param refreshTtl     life of a refresh token (a shift and then some)
 * @param passwordCost   bcrypt cost for passwords the hub hashes
 * @param overduePeriod  how often step clocks are checked
 * @param ringCapacity   events kept in memory for subscribers
 * @param stallTimeout   how long a subscriber may stay unready before it is cut off
 * @param healthHost     address of the plain-HTTP health endpoint
 * @param healthPort     its port; -1 for none, 0 picks a free one
 * @param recurringLists the officers' daily, weekly and monthly lists to hand out, or null for none
 * @param followUps      when settled disputes are visited again
 * @param linkage        the stations this hub follows (a county hub) or its county (a station hub)
 * @param guard          limits against a hostile client, and whether this is the demo
 * @param roadsFile      the county's roads (OpenStreetMap .osm.pbf or .osm) to route on, or null for
 *                       straight lines
 * @param cameraSources  the camera sources whose cameras the hub keeps in the registry (GB/T 28181
 *                       platforms, ONVIF devices); empty for none
 * @param alarms         the alarm queue: whether the hub raises alarms and when they escalate
 *                       (none unless told: the station's in the product, see withAlarms)
 */
public record HubConfig(Path dataDir, String jdbcUrl, String dbUser, String dbPassword, String bindHost, int port,
                        Path certFile, Path keyFile, CountySeed seed, SlaPolicy sla,
                        Clock clock, Duration accessTtl, Duration refreshTtl, int passwordCost,
                        Duration overduePeriod, int ringCapacity, Duration stallTimeout,
                        String healthHost, int healthPort, RecurringLists recurringLists, FollowUpPolicy followUps,
                        LinkSettings linkage, Guard guard, Path roadsFile,
                        java.util.List<commandroom.server.cameras.SourceSettings> cameraSources,
                        commandroom.server.loop.AlarmPolicy alarms) {

    public HubConfig {
        alarms = alarms == null ? commandroom.server.loop.AlarmPolicy.none() : alarms;
        cameraSources = cameraSources == null ? java.util.List.of() : java.util.List.copyOf(cameraSources);
    }

    /**
     * Limits against a hostile or broken client, and whether the hub runs as the demo.
     *
     * @param streamsPerUser most event streams one user may hold open (a console holds one or two)
     * @param streamsInAll   most event streams the hub holds open
     * @param demo           the demo (the embedded default, or --demo): accounts with the demo
     *                       county's published passwords are allowed; a real install refuses them
     * @param fastestMps     a unit's position report implying a faster move is flagged implausible
     *                       (100 m/s: faster than any police vehicle; a simulation in fast time
     *                       moves its units faster)
     * @param tokenKeyFile   the token signing keys (see TokenKeys); null: DATA/secrets/token-keys.
     *                       Replicas on one database must share one file
     * @param sealKeyFile    the key that seals the audit chain (see SealKey); null:
     *                       DATA/secrets/seal-key. Replicas on one database share one
     * @param personalKeyFile the key that seals personal data in the log (see PersonalKey); null:
     *                       DATA/secrets/personal-key. Replicas on one database share one
     */
    public record Guard(int streamsPerUser, int streamsInAll, boolean demo, double fastestMps, Path tokenKeyFile,
                        Path sealKeyFile, Path personalKeyFile) {
        public Guard(int streamsPerUser, int streamsInAll, boolean demo) {
            this(streamsPerUser, streamsInAll, demo, 100, null, null, null);
        }

        Guard with(java.util.function.UnaryOperator<GuardCopy> change) {
            return change.apply(new GuardCopy(this)).build();
        }

        public static Guard defaults() {
            return new Guard(8, 10_000, false);
        }
    }

    /** A mutable copy of a Guard, for the with* methods. */
    static final class GuardCopy {
        int streamsPerUser;
        int streamsInAll;
        boolean demo;
        double fastestMps;
        Path tokenKeyFile;
        Path sealKeyFile;
        Path personalKeyFile;

        GuardCopy(Guard g) {
            streamsPerUser = g.streamsPerUser();
            streamsInAll = g.streamsInAll();
            demo = g.demo();
            fastestMps = g.fastestMps();
            tokenKeyFile = g.tokenKeyFile();
            sealKeyFile = g.sealKeyFile();
            personalKeyFile = g.personalKeyFile();
        }

        Guard build() {
            return new Guard(streamsPerUser, streamsInAll, demo, fastestMps, tokenKeyFile, sealKeyFile,
                    personalKeyFile);
        }
    }

    /** The embedded default in a data directory. */
    public static HubConfig embedded(Path dataDir) {
        return new HubConfig(dataDir, null, null, null, "127.0.0.1", 0, null, null, null, SlaPolicy.defaults(),
                Clock.systemUTC(), Duration.ofMinutes(15), Duration.ofHours(14), 10, Duration.ofSeconds(1), 65_536,
                Duration.ofSeconds(15), "127.0.0.1", -1, null, FollowUpPolicy.defaults(), LinkSettings.none(),
                Guard.defaults(), null, java.util.List.of(), null);
    }

    public HubConfig withDatabase(String url, String user, String password) {
        return copy(c -> {
            c.jdbcUrl = url;
            c.dbUser = user;
            c.dbPassword = password;
        });
    }

    public HubConfig withListener(String host, int tcpPort) {
        return copy(c -> {
            c.bindHost = host;
            c.port = tcpPort;
        });
    }

    public HubConfig withCertificate(Path cert, Path key) {
        return copy(c -> {
            c.certFile = cert;
            c.keyFile = key;
        });
    }

    public HubConfig withSeed(CountySeed county) {
        return copy(c -> c.seed = county);
    }

    public HubConfig withSla(SlaPolicy policy) {
        return copy(c -> c.sla = policy);
    }

    public HubConfig withClock(Clock clock) {
        return copy(c -> c.clock = clock);
    }

    public HubConfig withTokens(Duration access, Duration refresh) {
        return copy(c -> {
            c.accessTtl = access;
            c.refreshTtl = refresh;
        });
    }

    /** Serves GET /health over plain HTTP on host:port (-1: no endpoint), for monitoring and load balancers. */
    public HubConfig withHealthEndpoint(String host, int httpPort) {
        return copy(c -> {
            c.healthHost = host;
            c.healthPort = httpPort;
        });
    }

    /** Raises alarms by this policy (AlarmPolicy.station() in the product; none unless told). */
    public HubConfig withAlarms(commandroom.server.loop.AlarmPolicy policy) {
        return copy(c -> c.alarms = policy);
    }

    /** Hands out these recurring lists (null: none, the default). */
    public HubConfig withRecurringLists(RecurringLists lists) {
        return copy(c -> c.recurringLists = lists);
    }

    /**
     * How often the hub's clocks (step clocks, follow-up visits, recurring lists) look at the time; a
     * second unless told. A history played in simulated time needs them to look often.
     */
    public HubConfig withClockPeriod(Duration period) {
        return copy(c -> c.overduePeriod = period);
    }

    /** Visits settled disputes by this plan instead of the station's usual one. */
    public HubConfig withFollowUps(FollowUpPolicy policy) {
        return copy(c -> c.followUps = policy);
    }

    public HubConfig withPasswordCost(int cost) {
        return copy(c -> c.passwordCost = cost);
    }

    public HubConfig withFanOut(int ring, Duration stall) {
        return copy(c -> {
            c.ringCapacity = ring;
            c.stallTimeout = stall;
        });
    }

    public HubConfig withCameraSources(java.util.List<? extends commandroom.server.cameras.SourceSettings> sources) {
        return copy(c -> c.cameraSources = java.util.List.copyOf(sources));
    }

    public HubConfig withLinkage(LinkSettings links) {
        return copy(c -> c.linkage = links);
    }

    public HubConfig withGuard(Guard limits) {
        return copy(c -> c.guard = limits);
    }

    /** Runs as the demo: the demo county's published passwords are allowed. */
    public HubConfig asDemo() {
        return copy(c -> c.guard = c.guard.with(g -> {
            g.demo = true;
            return g;
        }));
    }

    /** The token signing keys' file (replicas on one database share one). */
    public HubConfig withTokenKeyFile(Path file) {
        return copy(c -> c.guard = c.guard.with(g -> {
            g.tokenKeyFile = file;
            return g;
        }));
    }

    /** The key that seals the audit chain (replicas on one database share one). */
    public HubConfig withSealKeyFile(Path file) {
        return copy(c -> c.guard = c.guard.with(g -> {
            g.sealKeyFile = file;
            return g;
        }));
    }

    /** Where the seal key is: the file set, or DATA/secrets/seal-key. */
    public Path sealKeyFile() {
        return guard.sealKeyFile() != null ? guard.sealKeyFile() : dataDir.resolve("secrets").resolve("seal-key");
    }

    /** The key that seals personal data in the log (replicas on one database share one). */
    public HubConfig withPersonalKeyFile(Path file) {
        return copy(c -> c.guard = c.guard.with(g -> {
            g.personalKeyFile = file;
            return g;
        }));
    }

    /** Where the personal-data key is: the file set, or DATA/secrets/personal-key. */
    public Path personalKeyFile() {
        return guard.personalKeyFile() != null ? guard.personalKeyFile()
                : dataDir.resolve("secrets").resolve("personal-key");
    }

    /** Where this hub publishes the heads it sealed, outside the database: DATA/audit/chain-heads. */
    public Path publishedHeadsFile() {
        return dataDir.resolve("audit").resolve("chain-heads");
    }

    /** Where the token signing keys are: the file set, or DATA/secrets/token-keys. */
    public Path tokenKeyFile() {
        return guard.tokenKeyFile() != null ? guard.tokenKeyFile() : dataDir.resolve("secrets").resolve("token-keys");
    }

    /** Routes over the roads of an OpenStreetMap extract (.osm.pbf or .osm). */
    public HubConfig withRoads(Path osmFile) {
        return copy(c -> c.roadsFile = osmFile);
    }

    /** Where imported road graphs are kept, by their file's SHA-256: DATA/roads. */
    public Path roadsCacheDir() {
        return dataDir.resolve("roads");
    }

    /** Units may move this fast (metres per second of the hub's clock) before a report is flagged. */
    public HubConfig withFastestUnits(double mps) {
        return copy(c -> c.guard = c.guard.with(g -> {
            g.fastestMps = mps;
            return g;
        }));
    }

    private HubConfig copy(java.util.function.Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** The one place that lists every field twice: a mutable copy for the with* methods. */
    private static final class Copy {
        Path dataDir;
        String jdbcUrl;
        String dbUser;
        String dbPassword;
        String bindHost;
        int port;
        Path certFile;
        Path keyFile;
        CountySeed seed;
        SlaPolicy sla;
        Clock clock;
        Duration accessTtl;
        Duration refreshTtl;
        int passwordCost;
        Duration overduePeriod;
        int ringCapacity;
        Duration stallTimeout;
        String healthHost;
        int healthPort;
        RecurringLists recurringLists;
        FollowUpPolicy followUps;
        LinkSettings linkage;
        Guard guard;
        Path roadsFile;
        java.util.List<commandroom.server.cameras.SourceSettings> cameraSources;
        commandroom.server.loop.AlarmPolicy alarms;

        Copy(HubConfig h) {
            dataDir = h.dataDir;
            jdbcUrl = h.jdbcUrl;
            dbUser = h.dbUser;
            dbPassword = h.dbPassword;
            bindHost = h.bindHost;
            port = h.port;
            certFile = h.certFile;
            keyFile = h.keyFile;
            seed = h.seed;
            sla = h.sla;
            clock = h.clock;
            accessTtl = h.accessTtl;
            refreshTtl = h.refreshTtl;
            passwordCost = h.passwordCost;
            overduePeriod = h.overduePeriod;
            ringCapacity = h.ringCapacity;
            stallTimeout = h.stallTimeout;
            healthHost = h.healthHost;
            healthPort = h.healthPort;
            recurringLists = h.recurringLists;
            followUps = h.followUps;
            linkage = h.linkage;
            guard = h.guard;
            roadsFile = h.roadsFile;
            cameraSources = h.cameraSources;
            alarms = h.alarms;
        }

        HubConfig build() {
            return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, bindHost, port, certFile, keyFile, seed, sla,
                    clock, accessTtl, refreshTtl, passwordCost, overduePeriod, ringCapacity, stallTimeout, healthHost, healthPort, recurringLists,
                    followUps, linkage, guard, roadsFile, cameraSources, alarms);
        }
    }
}
