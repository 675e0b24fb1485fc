package commandroom.bench;

import com.google.protobuf.Empty;
import commandroom.server.tls.SelfSignedCertificate;
import commandroom.v1.Event;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Part 2, the baseline: the bare fan-out server with N subscribers on the same kind of channels as
 * the hub's consoles, and the same phases as the hub run with the hub's own TaskDispatched event as
 * the payload: max(K, 1000) warm-up publishes, K publishes at R per second in slices (the window),
 * K with F in flight. Measures from just before each publish call to each subscriber receiving it.
 * Driven by one thread; close once.
 */
final class BareLoad implements FanOutSession {

    /**
     * What the baseline measured.
     *
     * @param toSubscriber  publish → each subscriber, over all deliveries
     * @param toLast        publish → the last subscriber to get the message
     * @param publishAck    publish call → its answer
     * @param window        the window as a whole (time = sum of slices; missing, duplicate deliveries)
     * @param publishErrors failed publish calls
     * @param cpu           CPU used in the window's slices (server: gRPC's threads only)
     * @param burst         the burst (last delivery to all N)
     * @param subscribers   N
     */
    record Figures(LatencyRecorder.Summary toSubscriber, LatencyRecorder.Summary toLast,
                   LatencyRecorder.Summary publishAck, DeliveryTracker.Window window, long publishErrors,
                   CpuMeter.Usage cpu, DeliveryTracker.Window burst, int subscribers) {

        double serverMicrosPerDelivery() {
            long deliveries = (long) window.messages() * subscribers - window.missing();
            return deliveries <= 0 ? 0 : cpu.serverNanos() / 1e3 / deliveries;
        }
    }

    private final BenchOptions options;
    private final BareFanOutServer server;
    private final ClientTransport transport;
    private final Map<Phase, DeliveryTracker.SendTimes> sent;
    private final EventStreams.Trackers trackers;
    private final EventStreams.Health health = new EventStreams.Health();
    private final LatencyRecorder ack;
    private final Publisher publisher;
    private CpuMeter.Usage cpu = CpuMeter.Usage.NONE;
    private long windowNanos;

    private BareLoad(BenchOptions o, BareFanOutServer server, Path certificate, Event sample) {
        this.options = o;
        this.server = server;
        this.transport = new ClientTransport(certificate, server.port());
        this.sent = FanOutSession.sendTimes(o.dispatches());
        this.trackers = new EventStreams.Trackers(o.consoles(), true, sent);
        this.ack = new LatencyRecorder(o.dispatches());
        this.publisher = new Publisher(transport.newChannel(), sample, sent);
    }

    /** Starts the server, subscribes N clients and warms up, publishing copies of sample. */
    static BareLoad start(BenchOptions o, Path workDir, Event sample) throws IOException, InterruptedException {
        SelfSignedCertificate.KeyFiles tls = SelfSignedCertificate.ensure(workDir.resolve("tls"));
        BareFanOutServer server = BareFanOutServer.start(tls.certificate(), tls.privateKey());
        BareLoad load = null;
        try {
            load = new BareLoad(o, server, tls.certificate(), sample);
            load.prepare();
            return load;
        } catch (InterruptedException | RuntimeException | Error e) {
            if (load != null) {
                load.close();
            } else {
                server.close();
            }
            throw e;
        }
    }

    private void prepare() throws InterruptedException {
        int n = options.consoles();
        List<ManagedChannel> channels = transport.newChannels(n, CLIENTS_PER_CHANNEL);
        for (int i = 0; i < n; i++) {
            ClientCalls.asyncServerStreamingCall(channels.get(i / CLIENTS_PER_CHANNEL).newCall(
                            BareFanOutServer.SUBSCRIBE, CallOptions.DEFAULT.withDeadlineAfter(1, TimeUnit.HOURS)),
                    Empty.getDefaultInstance(), new EventStreams.Console(i, 0, trackers, health));
        }
        FanOutSession.awaitTrue(() -> server.subscriberCount() == n, 60, "bare subscribers");
        int warmUps = FanOutSession.warmUps(options.dispatches());
        Pacer.inFlight(warmUps, WARM_UP_IN_FLIGHT, (i, done) -> publisher.send(Phase.WARM_UP, i, null, done));
        if (!trackers.of(Phase.WARM_UP).awaitComplete(0, warmUps, 300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("bare warm-up did not reach every subscriber within 300 s");
        }
    }

    @Override
    public void pacedSlice(int from, int to) throws InterruptedException {
        CpuMeter meter = CpuMeter.start();
        Pacer.atRate(to - from, options.rate(), i -> publisher.send(Phase.PACED, from + i, ack, () -> { }));
        DeliveryTracker paced = trackers.of(Phase.PACED);
        paced.awaitComplete(from, to, FanOutSession.completionTimeoutSeconds(options, to - from), TimeUnit.SECONDS);
        cpu = cpu.plus(meter.stop().onlyGroups(java.util.Set.of(CpuMeter.GRPC_TRANSPORT, CpuMeter.GRPC_EXECUTOR)));
        windowNanos += Math.max(0, paced.lastArrivalNanos() - sent.get(Phase.PACED).at(from));
    }

    @Override
    public void burst() throws InterruptedException {
        Pacer.inFlight(options.dispatches(), options.inFlight(), (i, done) -> publisher.send(Phase.BURST, i, null, done));
        trackers.of(Phase.BURST).awaitComplete(0, options.dispatches(), 300, TimeUnit.SECONDS);
    }

    Figures figures() {
        DeliveryTracker paced = trackers.of(Phase.PACED);
        return new Figures(paced.perDelivery(), paced.toLast(), ack.summary(), paced.window(windowNanos),
                publisher.errors.get(), cpu, trackers.of(Phase.BURST).window(), options.consoles());
    }

    @Override
    public void close() {
        health.closing = true;
        transport.close();
        server.close();
    }

    /** Publishes message i of a phase: the sample with the phase's key. Thread-safe. */
    private static final class Publisher {

        private final ManagedChannel channel;
        private final Event sample;
        private final Map<Phase, DeliveryTracker.SendTimes> sent;
        private final AtomicLong errors = new AtomicLong();

        Publisher(ManagedChannel channel, Event sample, Map<Phase, DeliveryTracker.SendTimes> sent) {
            this.channel = channel;
            this.sample = sample;
            this.sent = sent;
        }

        /** Sends the publish call; records its answer time in ack (if not null); runs done at its end. */
        void send(Phase phase, int i, LatencyRecorder ack, Runnable done) {
            Event message = sample.toBuilder().setIdempotencyKey(phase.key(i)).build();
            DeliveryTracker.SendTimes times = sent.get(phase);
            times.stamp(i);
            long start = times.at(i);
            ClientCalls.asyncUnaryCall(channel.newCall(BareFanOutServer.PUBLISH,
                    CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS)), message, new StreamObserver<>() {
                        @Override
                        public void onNext(Empty value) {
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
}
