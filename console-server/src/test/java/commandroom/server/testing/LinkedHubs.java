package commandroom.server.testing;

import commandroom.server.linkage.LinkSettings;
import commandroom.server.tls.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A county hub and its station hubs (H2, loopback TLS, one certificate for all), each linked to the
 * others as their settings would say: the county follows every station, each station follows the
 * county. Ports are chosen before anything starts, so they may start in any order. The links log in
 * as leader1. Closing stops every hub started. Not thread-safe.
 */
public final class LinkedHubs implements AutoCloseable {

    private final SelfSignedCertificate.KeyFiles tls;
    private final int countyPort = FreePort.next();
    private final List<LinkSettings.Peer> stations = new ArrayList<>();
    private final List<TestHub> started = new ArrayList<>();
    private TestHub county;
    private final TestHub[] stationHubs;

    private LinkedHubs(List<String> stationIds) {
        try {
            tls = SelfSignedCertificate.ensure(Files.createTempDirectory("linked-hubs-tls"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String id : stationIds) {
            stations.add(new LinkSettings.Peer(id, "127.0.0.1", FreePort.next()));
        }
        stationHubs = new TestHub[stationIds.size()];
    }

    /** Picks the ports and makes the certificate; starts nothing. */
    public static LinkedHubs prepare(List<String> stationIds) {
        return new LinkedHubs(stationIds);
    }

    /** Starts the county hub, following every station. */
    public TestHub startCounty() {
        county = start(countyPort, new LinkSettings("", null, stations, "leader1", TestCounty.PASSWORD,
                tls.certificate()));
        return county;
    }

    /** Starts station i, following the county. */
    public TestHub startStation(int i) {
        stationHubs[i] = start(stations.get(i).port(), new LinkSettings(stations.get(i).id(),
                new LinkSettings.Peer("county", "127.0.0.1", countyPort), List.of(), "leader1", TestCounty.PASSWORD,
                tls.certificate()));
        return stationHubs[i];
    }

    /** Starts the county and every station. */
    public LinkedHubs startAll() {
        startCounty();
        for (int i = 0; i < stationHubs.length; i++) {
            startStation(i);
        }
        return this;
    }

    public TestHub county() {
        return county;
    }

    public TestHub station(int i) {
        return stationHubs[i];
    }

    public int stationCount() {
        return stationHubs.length;
    }

    /** The certificate every hub serves (and the links trust). */
    public Path certificate() {
        return tls.certificate();
    }

    private TestHub start(int port, LinkSettings links) {
        TestHub hub = TestHub.start(Backend.H2, c -> c.withCertificate(tls.certificate(), tls.privateKey())
                .withListener("127.0.0.1", port).withLinkage(links));
        started.add(hub);
        return hub;
    }

    @Override
    public void close() {
        started.forEach(TestHub::close);
    }
}
