package commandroom.bench;

import commandroom.server.HubBootstrap;
import commandroom.server.HubConfig;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.Event;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.InstructionsRequest;
import commandroom.v1.SubscribeRequest;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Part 1: a real hub over TLS with N consoles subscribed and M units following their instructions,
 * each with its own log-in and stream, and a shift leader dispatching tasks, one unit each, round
 * robin. {@link #start} reports K incidents, then sends max(K, 1000) warm-up dispatches (16 in
 * flight) so the JIT has seen the path; the window is then run in slices ({@link #pacedSlice}, at
 * R per second), so that the harness can interleave them with the baseline's; {@link #burst} sends
 * K dispatches with F in flight to find the most the hub keeps up with. Every incident thus gets
 * three tasks or more. Step clocks are 12 hours, so no TaskOverdue joins the window. Driven by one
 * thread; close once.
 */
final class HubLoad implements FanOutSession {

    /**
     * What the hub run measured.
     *
     * @param toUnit         DispatchTask call → the unit's TaskDispatched
     * @param toConsole      DispatchTask call → each console's TaskDispatched, over all deliveries
     * @param toLastConsole  DispatchTask call → the last console to get it
     * @param dispatchAck    DispatchTask call → its answer (after the commit)
     * @param consoles       the window at the consoles (time = sum of slices, first send → last delivery)
     * @param units          the window at the units
     * @param sequenceGaps   times a console's sequence did not follow on (must be 0)
     * @param dispatchErrors failed DispatchTask calls
     * @param streamErrors   streams that ended during the run
     * @param eventsAppended events the hub appended in the window's slices
     * @param cpu            CPU used in the window's slices
     * @param burst          the burst at the consoles (last delivery to all N)
     * @param burstUnits     the burst at the units
     * @param consoleCount   N
     */
    record Figures(LatencyRecorder.Summary toUnit, LatencyRecorder.Summary toConsole,
                   LatencyRecorder.Summary toLastConsole, LatencyRecorder.Summary dispatchAck,
                   DeliveryTracker.Window consoles, DeliveryTracker.Window units, long sequenceGaps,
                   long dispatchErrors, long streamErrors, long eventsAppended, CpuMeter.Usage cpu,
                   DeliveryTracker.Window burst, DeliveryTracker.Window burstUnits, int consoleCount) {

        /** Every dispatch reached every console exactly once, with no event skipped. */
        boolean everyDispatchReachedEveryConsole() {
            return consoles.complete() && burst.complete() && sequenceGaps == 0 && streamErrors == 0;
        }

        /** Events appended per second over the window's slices (first dispatch → last delivery). */
        double eventsPerSecond() {
            return consoles.nanos() <= 0 ? 0 : eventsAppended * 1e9 / consoles.nanos();
        }

        /** Stream messages the hub sent in the window: each event to every console, plus one unit. */
        long deliveries() {
            return eventsAppended * (consoleCount + 1L);
        }

        double serverMicrosPerEvent() {
            return eventsAppended == 0 ? 0 : cpu.serverNanos() / 1e3 / eventsAppended;
        }

        double serverMicrosPerDelivery() {
            return deliveries() == 0 ? 0 : cpu.serverNanos() / 1e3 / deliveries();
        }

        double processMicrosPerEvent() {
            return eventsAppended == 0 ? 0 : cpu.processNanos() / 1e3 / eventsAppended;
        }
    }

    private final BenchOptions options;
    private final HubBootstrap hub;
    private final ClientTransport transport;
    private final EventStreams.Trackers atConsoles;
    private final EventStreams.Trackers atUnits;
    private final EventStreams.Health health = new EventStreams.Health();
    private final LatencyRecorder ack;
    private Dispatcher dispatcher;
    private CpuMeter.Usage cpu = CpuMeter.Usage.NONE;
    private long windowNanos;
    private long appended;

    private HubLoad(BenchOptions o, HubBootstrap hub, Map<Phase, DeliveryTracker.SendTimes> sent) {
        this.options = o;
        this.hub = hub;
        this.transport = new ClientTransport(hub.certificate(), hub.port());
        this.atConsoles = new EventStreams.Trackers(o.consoles(), true, sent);
        this.atUnits = new EventStreams.Trackers(o.units(), false, sent);
        this.ack = new LatencyRecorder(o.dispatches());
    }

    /** Starts the hub, logs everyone in, opens the streams, reports the incidents and warms up. */
    static HubLoad start(BenchOptions o, Path workDir, DatabaseTarget db) throws Exception {
        HubConfig config = db.apply(HubConfig.embedded(workDir).withListener("127.0.0.1", 0)
                .withSeed(BenchCounty.build(o.units(), o.consoles(), 1)).withPasswordCost(4)
                .withSla(BenchCounty.relaxedClocks()).asDemo());
        HubBootstrap hub = HubBootstrap.start(config);
        HubLoad load = null;
        try {
            load = new HubLoad(o, hub, FanOutSession.sendTimes(o.dispatches()));
            load.prepare();
            return load;
        } catch (Exception | Error e) {
            if (load != null) {
                load.close();
            } else {
                hub.close();
            }
            throw e;
        }
    }

    private void prepare() throws Exception {
        int n = options.consoles();
        int m = options.units();
        int k = options.dispatches();
        ManagedChannel control = transport.newChannel();
        List<String> users = new ArrayList<>(List.of(BenchCounty.LEADER, BenchCounty.intake(0)));
        for (int i = 0; i < n; i++) {
            users.add(BenchCounty.console(i));
        }
        for (int i = 0; i < m; i++) {
            users.add(BenchCounty.unit(i));
        }
        Map<String, String> tokens = ClientTransport.logIn(control, users, BenchCounty.PASSWORD);

        long from = hub.lastSequence() + 1;
        List<EventStreams.Console> consoles = new ArrayList<>();
        List<ManagedChannel> consoleChannels = transport.newChannels(n, CLIENTS_PER_CHANNEL);
        for (int i = 0; i < n; i++) {
            EventStreams.Console c = new EventStreams.Console(i, from, atConsoles, health);
            consoles.add(c);
            CommandServiceGrpc.newStub(consoleChannels.get(i / CLIENTS_PER_CHANNEL))
                    .withInterceptors(ClientTransport.bearer(tokens.get(BenchCounty.console(i))))
                    .withDeadlineAfter(1, TimeUnit.HOURS)
                    .subscribe(SubscribeRequest.newBuilder().setFromSequence(from).build(), c);
        }
        List<ManagedChannel> unitChannels = transport.newChannels(m, CLIENTS_PER_CHANNEL);
        for (int i = 0; i < m; i++) {
            FieldServiceGrpc.newStub(unitChannels.get(i / CLIENTS_PER_CHANNEL))
                    .withInterceptors(ClientTransport.bearer(tokens.get(BenchCounty.unit(i))))
                    .withDeadlineAfter(1, TimeUnit.HOURS)
                    .instructions(InstructionsRequest.newBuilder().setFromSequence(from).build(),
                            new EventStreams.Terminal(i, atUnits, health));
        }
        FanOutSession.awaitTrue(() -> hub.subscriberCount() == n + m, 120, "hub subscriptions");

        Incidents.Reported incidents = Incidents.reportAll(CommandServiceGrpc.newStub(control)
                .withInterceptors(ClientTransport.bearer(tokens.get(BenchCounty.intake(0)))), k, m, "bench-i-",
                WARM_UP_IN_FLIGHT);
        FanOutSession.awaitTrue(() -> consoles.stream().allMatch(c -> c.lastSequence() >= incidents.lastSequence()),
                300, "consoles catching up with the incidents");
        dispatcher = new Dispatcher(CommandServiceGrpc.newStub(control)
                .withInterceptors(ClientTransport.bearer(tokens.get(BenchCounty.LEADER))), incidents, m,
                atConsoles.sendTimes());
        Pacer.inFlight(FanOutSession.warmUps(k), WARM_UP_IN_FLIGHT,
                (i, done) -> dispatcher.send(Phase.WARM_UP, i, null, done));
        if (!awaitPhase(Phase.WARM_UP, 0, FanOutSession.warmUps(k), 300)) {
            throw new IllegalStateException("warm-up dispatches did not reach every console and unit within 300 s");
        }
    }

    /** A TaskDispatched event as the consoles got it (the baseline's payload). */
    Event sample() {
        return health.sample.get();
    }

    @Override
    public void pacedSlice(int from, int to) throws InterruptedException {
        long sequenceBefore = hub.lastSequence();
        CpuMeter meter = CpuMeter.start();
        Pacer.atRate(to - from, options.rate(), i -> dispatcher.send(Phase.PACED, from + i, ack, () -> { }));
        awaitPhase(Phase.PACED, from, to, FanOutSession.completionTimeoutSeconds(options, to - from));
        cpu = cpu.plus(meter.stop());
        appended += hub.lastSequence() - sequenceBefore;
        long last = Math.max(atConsoles.of(Phase.PACED).lastArrivalNanos(), atUnits.of(Phase.PACED).lastArrivalNanos());
        windowNanos += Math.max(0, last - atConsoles.sendTimes().get(Phase.PACED).at(from));
    }

    @Override
    public void burst() throws InterruptedException {
        Pacer.inFlight(options.dispatches(), options.inFlight(), (i, done) -> dispatcher.send(Phase.BURST, i, null, done));
        awaitPhase(Phase.BURST, 0, options.dispatches(), 300);
    }

    Figures figures() {
        DeliveryTracker c = atConsoles.of(Phase.PACED);
        DeliveryTracker u = atUnits.of(Phase.PACED);
        return new Figures(u.perDelivery(), c.perDelivery(), c.toLast(), ack.summary(), c.window(windowNanos),
                u.window(windowNanos), health.gaps.get(), dispatcher == null ? 0 : dispatcher.errors(),
                health.errors.get(), appended, cpu, atConsoles.of(Phase.BURST).window(),
                atUnits.of(Phase.BURST).window(), options.consoles());
    }

    /** Waits for messages [from, to) of a phase to reach every console and unit; false on timeout. */
    private boolean awaitPhase(Phase phase, int from, int to, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        return atConsoles.of(phase).awaitComplete(from, to, timeoutSeconds, TimeUnit.SECONDS)
                && atUnits.of(phase).awaitComplete(from, to, Math.max(0, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        health.closing = true;
        transport.close();
        hub.close();
    }
}
