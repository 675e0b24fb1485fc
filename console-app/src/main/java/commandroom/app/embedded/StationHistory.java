package commandroom.app.embedded;

import commandroom.server.HubBootstrap;
import commandroom.server.HubConfig;
import commandroom.sim.geo.Polygons;
import commandroom.sim.history.DisputeHistory;
import commandroom.sim.history.DisputeYear;
import commandroom.sim.rpc.Session;
import commandroom.v1.CaseServiceGrpc;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.CountySeed;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.Position;
import commandroom.v1.Zone;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.AbstractStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's two published years, written into a fresh embedded hub before it first serves: the
 * dispute work, mediations, repeat calls, follow-up visits and preventable cases of the two
 * calendar years before this one, played through the hub's public API as the room did them (the
 * history the figures tests play). So the chief's statistics show the station's figures on the
 * first start instead of a page of zeros.
 *
 * <p>It runs a hub of its own over the data directory, whose clock it moves through the two years,
 * and closes it; the embedded default's hub then opens the same log on the real clock. Played only
 * into a data directory that has no log yet: the log's times only go forward, and a log that runs
 * into this year cannot take two years before it.
 */
final class StationHistory {

    private static final Logger LOG = LoggerFactory.getLogger(StationHistory.class);
    private static final ZoneId STATION = ZoneId.of("Asia/Shanghai");
    /** Written when the history is in the log; its absence with a log present means none is played. */
    static final String MARKER = "station-history.played";
    /** The town: its community officer makes the visits, its disputes are the published ones. */
    private static final String TOWN = "z-chengdong";
    private static final String ELSEWHERE = "z-chengxi";
    private static final String OFFICER = "u-cd-co1";
    /** About how many events the two years write (19,284 measured): the progress shown is against it. */
    private static final double EVENTS = 19_300;

    private StationHistory() {}

    /** Whether a data directory is fresh: no hub has written a log into it yet. */
    static boolean isFresh(Path dataDir) {
        try (var files = Files.list(dataDir)) {
            return files.noneMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
        } catch (IOException e) {
            return !Files.exists(dataDir);
        }
    }

    /**
     * Plays the two years before this one into the fresh data directory. Takes about half a minute.
     *
     * @param config the embedded hub's settings (seed, demo); the clock, period and port are set here
     * @param progress told how far it is, 0..1, every quarter second (on a thread of its own)
     */
    static void play(Path dataDir, HubConfig config, CountySeed county, String password, DoubleConsumer progress) {
        int thisYear = LocalDate.now(STATION).getYear();
        Instant yearBefore = LocalDate.of(thisYear - 2, 1, 1).atStartOfDay(STATION).toInstant();
        Instant published = LocalDate.of(thisYear - 1, 1, 1).atStartOfDay(STATION).toInstant();
        SettableClock clock = new SettableClock(yearBefore.minus(Duration.ofDays(1)));
        long started = System.nanoTime();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "station-history");
            t.setDaemon(true);
            return t;
        });
        try (HubBootstrap hub = HubBootstrap.start(config.withListener("127.0.0.1", 0).withClock(clock)
                .withClockPeriod(Duration.ofMillis(2)).withTokens(Duration.ofDays(800), Duration.ofDays(800)))) {
            scheduler.scheduleAtFixedRate(() -> progress.accept(Math.min(1, hub.lastSequence() / EVENTS)), 0, 250,
                    TimeUnit.MILLISECONDS);
            ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", hub.port(),
                    TlsChannelCredentials.newBuilder().trustManager(hub.certificate().toFile()).build()).build();
            try {
                Session duty = login(channel, "duty1", password, scheduler);
                Session leader = login(channel, "leader1", password, scheduler);
                Session chief = login(channel, "chief1", password, scheduler);
                Session officer = login(channel, OFFICER, password, scheduler);
                DisputeHistory history = new DisputeHistory(new DisputeHistory.Room(
                        stub(CommandServiceGrpc.newBlockingStub(channel), duty),
                        stub(CaseServiceGrpc.newBlockingStub(channel), duty),
                        stub(CaseServiceGrpc.newBlockingStub(channel), leader),
                        stub(FieldServiceGrpc.newBlockingStub(channel), officer),
                        stub(CommandServiceGrpc.newBlockingStub(channel), chief)),
                        clock::set, inside(county, TOWN), inside(county, ELSEWHERE));
                history.play(DisputeYear.YEAR_BEFORE, yearBefore, String.valueOf(thisYear - 2));
                history.play(DisputeYear.PUBLISHED, published, String.valueOf(thisYear - 1));
                for (Session s : List.of(duty, leader, chief, officer)) {
                    s.close();
                }
            } finally {
                channel.shutdownNow();
            }
            Files.writeString(dataDir.resolve(MARKER), "years " + (thisYear - 2) + " and " + (thisYear - 1)
                    + ", played " + Instant.now() + "\n");
            LOG.info("station history: {} and {} played into the log ({} events) in {} ms", thisYear - 2,
                    thisYear - 1, hub.lastSequence(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static Session login(ManagedChannel channel, String user, String password,
                                 ScheduledExecutorService scheduler) {
        Session session = new Session(channel, user, password, scheduler);
        session.start().orTimeout(30, TimeUnit.SECONDS).join();
        return session;
    }

    private static <S extends AbstractStub<S>> Supplier<S> stub(S stub, Session session) {
        S withCredentials = stub.withCallCredentials(session.credentials());
        return () -> withCredentials.withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** A point inside a zone: its outline's vertex centroid, or a vertex's neighbourhood if that falls outside. */
    private static Position inside(CountySeed county, String zoneId) {
        Zone zone = county.getZonesList().stream().filter(z -> z.getId().equals(zoneId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo county has no zone " + zoneId));
        List<Position> ring = zone.getPolygonList();
        Position centre = Polygons.vertexCentroid(ring);
        if (!Polygons.contains(ring, centre)) {
            throw new IllegalStateException("zone " + zoneId + "'s centre lies outside it");
        }
        return centre;
    }

    /** The history's clock: where the history has moved it, never backwards. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void set(Instant t) {
            if (t.isAfter(now)) {
                now = t;
            }
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the history's clock is UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
