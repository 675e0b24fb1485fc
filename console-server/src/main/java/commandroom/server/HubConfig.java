package commandroom.server;

import commandroom.server.loop.SlaPolicy;
import commandroom.v1.CountySeed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything a hub is started with. The defaults are the embedded default: an H2 file in the data
 * directory, a self-signed certificate, TLS on 127.0.0.1. Immutable; change with the with* methods.
 *
 * @param dataDir        H2 file, certificate and other local state
 * @param jdbcUrl        PostgreSQL (or other) JDBC URL; null for the H2 file in dataDir
 * @param dbUser         database user, with jdbcUrl
 * @param dbPassword     database password, with jdbcUrl
 * @param bindHost       address to listen on; TLS is always on
 * @param port           TCP port; 0 picks a free one; -1 starts no network listener
 * @param certFile       PEM certificate chain; null makes a self-signed one in dataDir/tls
 * @param keyFile        PEM PKCS#8 private key, with certFile
 * @param inProcessName  name of an in-process server to start as well, or null
 * @param seed           county to load into an empty hub, or null
 * @param sla            step clocks
 * @param clock          the hub's clock (tests move it)
 * @param accessTtl      life of an access token
 * @param refreshTtl     life of a refresh token (a shift and then some)
 * @param passwordCost   bcrypt cost for passwords the hub hashes
 * @param overduePeriod  how often step clocks are checked
 * @param ringCapacity   events kept in memory for subscribers
 * @param stallTimeout   how long a subscriber may stay unready before it is cut off
 */
public record HubConfig(Path dataDir, String jdbcUrl, String dbUser, String dbPassword, String bindHost, int port,
                        Path certFile, Path keyFile, String inProcessName, CountySeed seed, SlaPolicy sla,
                        Clock clock, Duration accessTtl, Duration refreshTtl, int passwordCost,
                        Duration overduePeriod, int ringCapacity, Duration stallTimeout) {

    /** The embedded default in a data directory. */
    public static HubConfig embedded(Path dataDir) {
        return new HubConfig(dataDir, null, null, null, "127.0.0.1", 0, null, null, null, null,
                SlaPolicy.defaults(), Clock.systemUTC(), Duration.ofMinutes(15), Duration.ofHours(14), 10,
                Duration.ofSeconds(1), 65_536, Duration.ofSeconds(15));
    }

    public HubConfig withDatabase(String url, String user, String password) {
        return new HubConfig(dataDir, url, user, password, bindHost, port, certFile, keyFile, inProcessName, seed,
                sla, clock, accessTtl, refreshTtl, passwordCost, overduePeriod, ringCapacity, stallTimeout);
    }

    public HubConfig withListener(String host, int tcpPort) {
        return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, host, tcpPort, certFile, keyFile, inProcessName,
                seed, sla, clock, accessTtl, refreshTtl, passwordCost, overduePeriod, ringCapacity, stallTimeout);
    }

    public HubConfig withCertificate(Path cert, Path key) {
        return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, bindHost, port, cert, key, inProcessName, seed,
                sla, clock, accessTtl, refreshTtl, passwordCost, overduePeriod, ringCapacity, stallTimeout);
    }

    public HubConfig withInProcessName(String name) {
        return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, bindHost, port, certFile, keyFile, name, seed,
                sla, clock, accessTtl, refreshTtl, passwordCost, overduePeriod, ringCapacity, stallTimeout);
    }

    public HubConfig withSeed(CountySeed county) {
        return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, bindHost, port, certFile, keyFile, inProcessName,
                county, sla, clock, accessTtl, refreshTtl, passwordCost, overduePeriod, ringCapacity, stallTimeout);
    }

    public HubConfig withSla(SlaPolicy policy) {
        return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, bindHost, port, certFile, keyFile, inProcessName,
                seed, policy, clock, accessTtl, refreshTtl, passwordCost, overduePeriod, ringCapacity, stallTimeout);
    }

    public HubConfig withClock(Clock c) {
        return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, bindHost, port, certFile, keyFile, inProcessName,
                seed, sla, c, accessTtl, refreshTtl, passwordCost, overduePeriod, ringCapacity, stallTimeout);
    }

    public HubConfig withTokens(Duration access, Duration refresh) {
        return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, bindHost, port, certFile, keyFile, inProcessName,
                seed, sla, clock, access, refresh, passwordCost, overduePeriod, ringCapacity, stallTimeout);
    }

    public HubConfig withPasswordCost(int cost) {
        return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, bindHost, port, certFile, keyFile, inProcessName,
                seed, sla, clock, accessTtl, refreshTtl, cost, overduePeriod, ringCapacity, stallTimeout);
    }

    public HubConfig withFanOut(int ring, Duration stall) {
        return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, bindHost, port, certFile, keyFile, inProcessName,
                seed, sla, clock, accessTtl, refreshTtl, passwordCost, overduePeriod, ring, stall);
    }
}
