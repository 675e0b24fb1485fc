package commandroom.bench;

import commandroom.server.HubBootstrap;
import commandroom.server.HubConfig;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.InstructionsRequest;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskResponse;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Part 1: a real hub over TLS with N consoles subscribed and M units following their instructions,
 * each with its own log-in and stream, and a shift leader dispatching tasks, one unit each, round
 * robin. K incidents are reported first; then max(K, 1000) warm-up dispatches (16 in flight) teach
 * the JIT the path; the window is K dispatches at R per second; last, K dispatches with F in flight
 * measure the most the hub keeps up with. Every incident thus gets three tasks or more. One run per
 * call; not thread-safe.
 */
final class HubLoad {

    /** Clients sharing one channel (one HTTP/2 connection), as a console PC or a gateway would. */
    static final int CLIENTS_PER_CHANNEL = 25;
    static final int WARM_UP_IN_FLIGHT = 16;
    /** Fewest warm-up messages: a quick run's K would leave the JIT compiling inside the window. */
    static final int MIN_WARM_UP = 1000;

    /**
     * What the hub run measured.
     *
     * @param toUnit         DispatchTask call → the unit's TaskDispatched
     * @param toConsole      DispatchTask call → each console's TaskDispatched, over all deliveries
     * @param toLastConsole  DispatchTask call → the last console to get it
     * @param dispatchAck    DispatchTask call → its answer (after the commit)
     * @param consoles       the window at the consoles (missing, duplicate deliveries)
     * @param units          the window at the units
     * @param sequenceGaps   times a console's sequence did not follow on (must be 0)
     * @param dispatchErrors failed DispatchTask calls
     * @param streamErrors   streams that ended during the run
     * @param eventsAppended events the hub appended in the window
     * @param cpu            CPU used in the window
     * @param burst          the burst at the consoles (last delivery to all N)
     * @param burstUnits     the burst at the units
     * @param consoleCount   N
     * @param sample         one TaskDispatched event as the consoles got it (the baseline's payload)
     */
    record Figures(LatencyRecorder.Summary toUnit, LatencyRecorder.Summary toConsole,
                   LatencyRecorder.Summary toLastConsole, LatencyRecorder.Summary dispatchAck,
                   DeliveryTracker.Window consoles, DeliveryTracker.Window units, long sequenceGaps,
                   long dispatchErrors, long streamErrors, long eventsAppended, CpuMeter.Usage cpu,
                   DeliveryTracker.Window burst, DeliveryTracker.Window burstUnits, int consoleCount,
                   Event sample) {

        /** Every dispatch reached every console exactly once, with no event skipped. */
        boolean everyDispatchReachedEveryConsole() {
            return consoles.complete() && burst.complete() && sequenceGaps == 0 && streamErrors == 0;
        }

        /** Events appended per second over the window (first dispatch → last delivery). */
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

    private HubLoad() {}

    static Figures run(BenchOptions o, Path workDir, DatabaseTarget db) throws Exception {
        int n = o.consoles();
        int m = o.units();
        int k = o.dispatches();
        HubConfig config = db.apply(HubConfig.embedded(workDir).withListener("127.0.0.1", 0)
                .withSeed(BenchCounty.build(m, n, 1)).withPasswordCost(4));
        try (HubBootstrap hub = HubBootstrap.start(config);
             ClientTransport transport = new ClientTransport(hub.certificate(), hub.port())) {
            ManagedChannel control = transport.newChannel();
            List<String> users = new ArrayList<>(List.of(BenchCounty.LEADER, BenchCounty.intake(0)));
            for (int i = 0; i < n; i++) {
                users.add(BenchCounty.console(i));
            }
            for (int i = 0; i < m; i++) {
                users.add(BenchCounty.unit(i));
            }
            Map<String, String> tokens = ClientTransport.logIn(control, users, BenchCounty.PASSWORD);

            Map<Phase, DeliveryTracker.SendTimes> sent = sendTimes(k);
            EventStreams.Trackers atConsoles = new EventStreams.Trackers(n, true, sent);
            EventStreams.Trackers atUnits = new EventStreams.Trackers(m, false, sent);
            EventStreams.Health health = new EventStreams.Health();
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
            awaitTrue(() -> hub.subscriberCount() == n + m, 120, "hub subscriptions");

            Incidents.Reported incidents = Incidents.reportAll(CommandServiceGrpc.newStub(control)
                    .withInterceptors(ClientTransport.bearer(tokens.get(BenchCounty.intake(0)))), k, m, "bench-i-",
                    WARM_UP_IN_FLIGHT);
            awaitTrue(() -> consoles.stream().allMatch(c -> c.lastSequence() >= incidents.lastSequence()), 300,
                    "consoles catching up with the incidents");
            Dispatcher dispatcher = new Dispatcher(CommandServiceGrpc.newStub(control)
                    .withInterceptors(ClientTransport.bearer(tokens.get(BenchCounty.LEADER))), incidents, m, sent);

            Pacer.inFlight(warmUps(k), WARM_UP_IN_FLIGHT, (i, done) -> dispatcher.send(Phase.WARM_UP, i, null, done));
            awaitComplete(atConsoles.of(Phase.WARM_UP), atUnits.of(Phase.WARM_UP), 300, "warm-up dispatches");
            CpuMeter.awaitJitQuiet(30);

            LatencyRecorder ack = new LatencyRecorder(k);
            long sequenceBefore = hub.lastSequence();
            CpuMeter cpu = CpuMeter.start();
            Pacer.atRate(k, o.rate(), i -> dispatcher.send(Phase.PACED, i, ack, () -> { }));
            awaitComplete(atConsoles.of(Phase.PACED), atUnits.of(Phase.PACED), completionTimeoutSeconds(o), null);
            CpuMeter.Usage usage = cpu.stop();
            long appended = hub.lastSequence() - sequenceBefore;

            Pacer.inFlight(k, o.inFlight(), (i, done) -> dispatcher.send(Phase.BURST, i, null, done));
            awaitComplete(atConsoles.of(Phase.BURST), atUnits.of(Phase.BURST), 300, null);
            health.closing = true;

            DeliveryTracker c = atConsoles.of(Phase.PACED);
            DeliveryTracker u = atUnits.of(Phase.PACED);
            return new Figures(u.perDelivery(), c.perDelivery(), c.toLast(), ack.summary(), c.window(), u.window(),
                    health.gaps.get(), dispatcher.errors.get(), health.errors.get(), appended, usage,
                    atConsoles.of(Phase.BURST).window(), atUnits.of(Phase.BURST).window(), n, health.sample.get());
        }
    }

    /** The shift leader: dispatches task i of a phase about incident i to unit i mod M. Thread-safe. */
    private static final class Dispatcher {

        private final CommandServiceGrpc.CommandServiceStub leader;
        private final Incidents.Reported incidents;
        private final int units;
        private final Map<Phase, DeliveryTracker.SendTimes> sent;
        private final AtomicLong errors = new AtomicLong();

        Dispatcher(CommandServiceGrpc.CommandServiceStub leader, Incidents.Reported incidents, int units,
                   Map<Phase, DeliveryTracker.SendTimes> sent) {
            this.leader = leader;
            this.incidents = incidents;
            this.units = units;
            this.sent = sent;
        }

        /** Sends the DispatchTask call; records its answer time in ack (if not null); runs done at its end. */
        void send(Phase phase, int i, LatencyRecorder ack, Runnable done) {
            DispatchTaskRequest request = DispatchTaskRequest.newBuilder()
                    .setIncidentId(incidents.ids().get(i % incidents.ids().length()))
                    .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds(BenchCounty.unit(i % units))
                    .setInstruction("请立即到场核实处置，并及时反馈。#" + i).setIdempotencyKey(phase.key(i)).build();
            DeliveryTracker.SendTimes times = sent.get(phase);
            times.stamp(i);
            long start = times.at(i);
            leader.withDeadlineAfter(30, TimeUnit.SECONDS).dispatchTask(request, new StreamObserver<>() {
                @Override
                public void onNext(TaskResponse r) {
                    if (ack != null) {
                        ack.record(System.nanoTime() - start);
                    }
                }

                @Override
                public void onError(Throwable t) {
                    errors.incrementAndGet();
                    done.run();
                }

                @Override
                public void onCompleted() {
                    done.run();
                }
            });
        }
    }

    /**
     * Waits for a phase to reach every console and unit. With a name, failing to is an error (the
     * run cannot go on); without, the figures report what is missing.
     */
    private static void awaitComplete(DeliveryTracker consoles, DeliveryTracker units, long timeoutSeconds,
                                      String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean done = consoles.awaitComplete(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
                && units.awaitComplete(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!done && name != null) {
            throw new IllegalStateException(name + " did not reach every console and unit within "
                    + timeoutSeconds + " s (missing " + consoles.missing() + " + " + units.missing() + ")");
        }
    }

    /** Warm-up messages for K measured ones. */
    static int warmUps(int k) {
        return Math.max(k, MIN_WARM_UP);
    }

    /** Send times of every phase: K for the window and the burst, more for the warm-up. */
    static Map<Phase, DeliveryTracker.SendTimes> sendTimes(int k) {
        Map<Phase, DeliveryTracker.SendTimes> sent = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            sent.put(p, new DeliveryTracker.SendTimes(p == Phase.WARM_UP ? warmUps(k) : k));
        }
        return sent;
    }

    /** How long to wait for the last delivery after the last send: generous, then report what is missing. */
    static long completionTimeoutSeconds(BenchOptions o) {
        return 30 + (long) (2 * o.dispatches() / o.rate());
    }

    /** Polls a condition every 10 ms; throws if it does not hold within the timeout. */
    static void awaitTrue(BooleanSupplier condition, long timeoutSeconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not done within " + timeoutSeconds + " s");
            }
            Thread.sleep(10);
        }
    }
}
