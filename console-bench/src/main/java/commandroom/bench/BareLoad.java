package commandroom.bench;

import com.google.protobuf.Empty;
import commandroom.server.tls.SelfSignedCertificate;
import commandroom.v1.Event;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Part 2, the baseline: the bare fan-out server with N subscribers on the same kind of channels as
 * the hub's consoles, and the same phases as the hub run with the hub's own TaskDispatched event as
 * the payload: max(K, 1000) warm-up publishes, K publishes at R per second (the window), K with F in flight.
 * Measures from just before each publish call to each subscriber receiving it. One run per call;
 * not thread-safe.
 */
final class BareLoad {

    /**
     * What the baseline measured.
     *
     * @param toSubscriber  publish → each subscriber, over all deliveries
     * @param toLast        publish → the last subscriber to get the message
     * @param publishAck    publish call → its answer
     * @param window        the window as a whole (missing, duplicate deliveries)
     * @param publishErrors failed publish calls
     * @param cpu           CPU used in the window
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

    private BareLoad() {}

    /** Runs the baseline with the options' N, K, rate and in-flight count, publishing copies of sample. */
    static Figures run(BenchOptions o, Path workDir, Event sample) throws Exception {
        SelfSignedCertificate.KeyFiles tls = SelfSignedCertificate.ensure(workDir.resolve("tls"));
        try (BareFanOutServer server = BareFanOutServer.start(tls.certificate(), tls.privateKey());
             ClientTransport transport = new ClientTransport(tls.certificate(), server.port())) {
            int n = o.consoles();
            int k = o.dispatches();
            Map<Phase, DeliveryTracker.SendTimes> sent = HubLoad.sendTimes(k);
            EventStreams.Trackers trackers = new EventStreams.Trackers(n, true, sent);
            EventStreams.Health health = new EventStreams.Health();
            List<ManagedChannel> channels = transport.newChannels(n, HubLoad.CLIENTS_PER_CHANNEL);
            for (int i = 0; i < n; i++) {
                ClientCalls.asyncServerStreamingCall(
                        channels.get(i / HubLoad.CLIENTS_PER_CHANNEL).newCall(BareFanOutServer.SUBSCRIBE,
                                CallOptions.DEFAULT.withDeadlineAfter(1, TimeUnit.HOURS)),
                        Empty.getDefaultInstance(), new EventStreams.Console(i, 0, trackers, health));
            }
            HubLoad.awaitTrue(() -> server.subscriberCount() == n, 60, "bare subscribers");

            Publisher publisher = new Publisher(transport.newChannel(), sample, sent);
            Pacer.inFlight(HubLoad.warmUps(k), HubLoad.WARM_UP_IN_FLIGHT, (i, done) -> publisher.send(Phase.WARM_UP, i, null, done));
            if (!trackers.of(Phase.WARM_UP).awaitComplete(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("bare warm-up did not reach every subscriber within 300 s");
            }
            CpuMeter.awaitJitQuiet(30);

            LatencyRecorder ack = new LatencyRecorder(k);
            CpuMeter cpu = CpuMeter.start();
            Pacer.atRate(k, o.rate(), i -> publisher.send(Phase.PACED, i, ack, () -> { }));
            trackers.of(Phase.PACED).awaitComplete(HubLoad.completionTimeoutSeconds(o), TimeUnit.SECONDS);
            CpuMeter.Usage usage = cpu.stop();

            Pacer.inFlight(k, o.inFlight(), (i, done) -> publisher.send(Phase.BURST, i, null, done));
            trackers.of(Phase.BURST).awaitComplete(300, TimeUnit.SECONDS);
            health.closing = true;

            DeliveryTracker paced = trackers.of(Phase.PACED);
            return new Figures(paced.perDelivery(), paced.toLast(), ack.summary(), paced.window(),
                    publisher.errors.get(), usage, trackers.of(Phase.BURST).window(), n);
        }
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
