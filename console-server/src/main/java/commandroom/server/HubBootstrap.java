package commandroom.server;

import commandroom.server.api.AuthGrpcService;
import commandroom.server.api.AuthInterceptor;
import commandroom.server.api.CaseGrpcService;
import commandroom.server.api.Services;
import commandroom.server.api.LinkageGrpcService;
import commandroom.server.auth.PasswordHasher;
import commandroom.server.auth.PublishedPasswords;
import commandroom.server.auth.TokenKeys;
import commandroom.server.auth.TokenService;
import commandroom.server.auth.UserDirectory;
import commandroom.server.clock.FollowUpWatcher;
import commandroom.server.clock.OverdueWatcher;
import commandroom.server.log.ChainSealer;
import commandroom.server.log.EventLog;
import commandroom.server.log.SealKey;
import commandroom.server.privacy.PersonalFields;
import commandroom.server.privacy.PersonalKey;
import commandroom.server.log.FanOut;
import commandroom.server.loop.CaseRules;
import commandroom.server.loop.Hub;
import commandroom.server.loop.TaskRules;
import commandroom.server.ops.HealthEndpoint;
import commandroom.server.ops.HealthMonitor;
import commandroom.server.linkage.LinkSettings;
import commandroom.server.linkage.Linkage;
import commandroom.server.store.Database;
import commandroom.server.store.EventStore;
import commandroom.server.store.ImageStore;
import commandroom.server.store.SealStore;
import commandroom.server.store.ReplicaNotifications;
import commandroom.server.store.SettingsStore;
import commandroom.server.store.UserStore;
import commandroom.server.tls.SelfSignedCertificate;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a whole hub from a {@link HubConfig}: database and migrations, the event log replayed
 * into the projections, the county seed on an empty hub, the step clocks, and the gRPC services
 * over TLS. The one entry point the app and the tests
 * use. {@link #close} stops everything in reverse order.
 */
public final class HubBootstrap implements AutoCloseable {

    /** Largest request accepted: six 2 MiB photos and their text fit with room to spare. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HubBootstrap.class);
    private static final String LEGACY_TOKEN_KEY = "token_key";

    private final HubConfig config;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Database database;
    private FanOut fanOut;
    private Hub hub;
    private Server network;
    private Path certificate;
    private HealthEndpoint healthEndpoint;
    private commandroom.server.api.PersonalDataInterceptor personalData;
    private commandroom.server.roads.HubRoads roads;

    private HubBootstrap(HubConfig config) {
        this.config = config;
    }

    /** Starts a hub; throws if it cannot (the caller's process should then exit). */
    public static HubBootstrap start(HubConfig config) {
        HubBootstrap b = new HubBootstrap(config);
        try {
            b.startAll();
        } catch (IOException e) {
            b.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    private void startAll() throws IOException {
        database = config.jdbcUrl() == null ? Database.openH2(config.dataDir())
                : Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword());
        closeables.add(database);
        EventStore events = new EventStore(database);
        fanOut = new FanOut(events, config.ringCapacity(), config.stallTimeout(), 2, config.guard().streamsPerUser(),
                config.guard().streamsInAll());
        closeables.add(fanOut);
        // Personal data (key persons, the fraud list) is sealed in the log with a key the database
        // does not hold; the interceptor below opens or masks it per caller.
        PersonalKey personalKey = PersonalKey.open(config.personalKeyFile());
        EventLog log = new EventLog(events, fanOut, new PersonalFields(personalKey));
        personalData = new commandroom.server.api.PersonalDataInterceptor(personalKey);
        hub = new Hub(log, config.clock());
        hub.start();
        closeables.add(hub);

        PasswordHasher passwords = new PasswordHasher(config.passwordCost());
        UserStore userStore = new UserStore(database);
        SettingsStore settings = new SettingsStore(database);
        refuseDemoDataOutsideTheDemo(settings);
        if (config.seed() != null) {
            List<String> problems = PublishedPasswords.problems(config.seed(), config.guard().demo());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the county seed's accounts cannot be used" + (config.guard().demo() ? ""
                        : " outside the demo (--demo)") + ": " + String.join("; ", problems)
                        + ". A real install adds its users with 'commandroom-hub user add'.");
            }
            Seeder.seed(hub, userStore, passwords, config.seed());
        }
        // The audit chain is sealed with a key the database does not hold, and each sealed head is
        // published in a file outside it (see ChainSealer).
        ChainSealer sealer = new ChainSealer(events, new SealStore(database), SealKey.open(config.sealKeyFile()),
                config.publishedHeadsFile(), config.clock());
        sealer.start(Duration.ofSeconds(10));
        closeables.add(sealer);
        closeables.add(new OverdueWatcher(hub, config.overduePeriod()));
        if (config.alarms().raising()) {
            closeables.add(new commandroom.server.clock.AlarmWatcher(hub, config.alarms()));
        }
        TaskRules taskRules = new TaskRules(config.sla());
        CaseRules caseRules = new CaseRules(config.followUps(), taskRules);
        closeables.add(new FollowUpWatcher(hub, caseRules, config.overduePeriod()));
        closeables.add(new commandroom.server.clock.ShiftPlanWatcher(hub, config.overduePeriod()));
        if (config.recurringLists() != null) {
            closeables.add(new commandroom.server.clock.RecurringListWatcher(hub, config.recurringLists(), taskRules,
                    config.overduePeriod()));
        }

        // The signing keys live in a file of the service user, not in the database they protect;
        // a database from before holds its key, which moves into the file and out of the database.
        TokenKeys keys = TokenKeys.open(config.tokenKeyFile(), () -> settings.find(LEGACY_TOKEN_KEY).orElse(null));
        settings.remove(LEGACY_TOKEN_KEY);
        TokenService tokens = new TokenService(settings, keys, config.clock(),
                config.accessTtl(), config.refreshTtl());
        if (database.isPostgres()) {
            // Replicas may share this database: follow what they append and whom they log out.
            closeables.add(new ReplicaNotifications(database, events, hub::catchUp, tokens::revokedElsewhere, () -> {
                hub.catchUp();
                tokens.reloadRevoked();
            }));
        }
        // Two seconds: an account's change reaches the calls and open streams within five.
        UserDirectory users = new UserDirectory(userStore, Duration.ofSeconds(2));
        // Account changes (the seed's, the administrator's commands') become events of the chain.
        closeables.add(new commandroom.server.clock.AccountWatcher(hub, users::all, Duration.ofSeconds(2)));
        Linkage linkage = new Linkage(config.linkage(), hub);
        closeables.add(linkage);
        // The platforms' sessions and catalogs: the hub's, so that consoles never hold their credentials.
        commandroom.server.cameras.CameraSources cameraSources = new commandroom.server.cameras.CameraSources(
                config.cameraSources(), hub, config.clock());
        closeables.add(cameraSources);
        AuthInterceptor auth = new AuthInterceptor(tokens, users);
        HealthStatusManager health = new HealthStatusManager();
        // The standard addresses: a book apart from the log, in memory for type-ahead.
        commandroom.server.store.AddressStore addressStore = new commandroom.server.store.AddressStore(database);
        commandroom.server.address.AddressBook addressBook = new commandroom.server.address.AddressBook(addressStore,
                () -> hub.read(s -> s.lastAddressImport()));
        closeables.add(addressBook);
        Services api = new Services(hub, fanOut, new ImageStore(database),
                new commandroom.server.store.ClipStore(database), events, tokens, users);
        roads = config.roadsFile() == null ? commandroom.server.roads.HubRoads.none()
                : commandroom.server.roads.HubRoads.load(config.roadsFile(), config.roadsCacheDir());
        closeables.add(roads);
        List<io.grpc.ServerServiceDefinition> services = List.of(
                strict(new AuthGrpcService(users, passwords, tokens,
                        new commandroom.server.auth.LoginThrottle(config.clock()), hub, config.guard().demo(),
                        config.linkage().stations().stream().map(LinkSettings.Peer::id).toList(),
                        config.linkage().county() != null), auth),
                strict(api.command(taskRules), auth),
                strict(new CaseGrpcService(hub, caseRules), auth),
                strict(new commandroom.server.api.ShiftGrpcService(hub), auth),
                strict(new commandroom.server.api.KeyPersonGrpcService(hub), auth),
                strict(new commandroom.server.api.FraudGrpcService(hub, taskRules), auth),
                strict(api.field(config.guard().fastestMps()), auth),
                strict(new LinkageGrpcService(hub, linkage), auth),
                strict(new commandroom.server.api.RegistryGrpcService(hub), auth),
                strict(api.cameras(cameraSources), auth),
                strict(new commandroom.server.api.AddressGrpcService(hub, addressBook, addressStore), auth),
                strict(new commandroom.server.api.TravelGrpcService(roads), auth),
                strict(new commandroom.server.api.AccountGrpcService(new commandroom.server.admin.UserAdmin(userStore,
                        passwords, config.clock()), users, hub), auth),
                commandroom.server.api.StrictRequests.wrap(health.getHealthService().bindService()),
                ProtoReflectionServiceV1.newInstance().bindService());

        Path cert = config.certFile();
        Path key = config.keyFile();
        if (cert == null) {
            var files = SelfSignedCertificate.ensure(config.dataDir().resolve("tls"));
            cert = files.certificate();
            key = files.privateKey();
        }
        certificate = cert;
        NettyServerBuilder nb = NettyServerBuilder.forAddress(
                new InetSocketAddress(config.bindHost(), config.port()),
                TlsServerCredentials.create(cert.toFile(), key.toFile()))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .permitKeepAliveTime(10, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .keepAliveTime(30, TimeUnit.SECONDS);
        services.forEach(nb::addService);
        network = nb.build().start();
        // Followed once this hub serves: a station and its county may start in either order.
        linkage.start();
        cameraSources.start();
        HealthMonitor monitor = new HealthMonitor(database.dataSource(), health, fanOut::head,
                fanOut::subscriberCount, config.clock());
        closeables.add(monitor);
        monitor.start(Duration.ofSeconds(10));
        if (config.healthPort() >= 0) {
            healthEndpoint = HealthEndpoint.start(config.healthHost(), config.healthPort(), monitor);
            closeables.add(healthEndpoint);
        }
        LOG.info("hub serving on {}:{} (TLS), {} database, {} events in the log, health {}", config.bindHost(), port(),
                database.isPostgres() ? "PostgreSQL" : "H2", fanOut.head(),
                healthEndpoint == null ? "over gRPC" : "on http://" + config.healthHost() + ":" + healthEndpoint.port()
                        + "/health");
    }

    /**
     * A database the demo made holds accounts with the demo county's published passwords: as the
     * demo it is marked so, and outside the demo it is refused.
     */
    private void refuseDemoDataOutsideTheDemo(SettingsStore settings) {
        if (config.guard().demo()) {
            if (config.seed() != null) {
                settings.getOrCreate("made_by_demo", () -> "true");
            }
        } else if (settings.find("made_by_demo").isPresent()) {
            throw new IllegalStateException("this database was made by the demo (its accounts have published passwords);"
                    + " start it with --demo, or give a real install its own database");
        }
    }

    /** The health endpoint's HTTP port, or -1 without one. */
    public int healthPort() {
        return healthEndpoint == null ? -1 : healthEndpoint.port();
    }

    /** The hub's road network (loading in the background when the hub was given a roads file). */
    public commandroom.server.roads.HubRoads roads() {
        return roads;
    }

    /** The TCP port the hub listens on (TLS). */
    public int port() {
        return network.getPort();
    }

    /** The certificate clients should trust (the self-signed one in the embedded default). */
    public Path certificate() {
        return certificate;
    }

    /** The last durable sequence (for tests and health). */
    public long lastSequence() {
        return fanOut.head();
    }

    /** Number of live event subscriptions (consoles and terminals). */
    public int subscriberCount() {
        return fanOut.subscriberCount();
    }

    @Override
    public void close() {
        if (network != null) {
            network.shutdown();
        }
        // Ending the streams first lets the server's graceful shutdown finish without waiting on them.
        if (fanOut != null) {
            fanOut.close();
        }
        if (network != null) {
            try {
                if (!network.awaitTermination(3, TimeUnit.SECONDS)) {
                    network.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", closeables.get(i), e);
            }
        }
        closeables.clear();
    }

    /** One of the hub's services: its calls need a token, and requests that do not parse are refused as such. */
    private io.grpc.ServerServiceDefinition strict(io.grpc.BindableService service, AuthInterceptor auth) {
        // The last interceptor runs first: the caller is known before personal data is opened for it.
        return ServerInterceptors.intercept(commandroom.server.api.StrictRequests.wrap(service.bindService()),
                personalData, auth);
    }
}
