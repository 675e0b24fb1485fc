package commandroom.bench;

import commandroom.server.HubBootstrap;
import commandroom.server.HubConfig;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.ReportIncidentResponse;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Part 3: how many events per second the hub makes durable. F ReportIncident calls are kept in
 * flight (each answer starts the next) by several duty officers over two channels, against a hub
 * with no subscribers, for a warm-up and then the measured seconds. Each answered call is one
 * event committed (the hub answers only after its group commit). One measurement per call; not
 * thread-safe.
 */
final class DurableAppendLoad {

    private static final int INTAKE_USERS = 8;
    private static final int UNITS = 50;

    /**
     * What the durable run measured.
     *
     * @param database       where the log was
     * @param inFlight       calls kept in flight
     * @param acked          calls answered OK in the window (each one durable event)
     * @param eventsAppended the hub's own count of events appended in the window
     * @param errors         failed calls in the whole run
     * @param windowNanos    length of the measured window
     * @param latency        call → answer, for calls started in the window
     * @param cpu            CPU used in the window (PostgreSQL's own processes not included)
     */
    record Figures(String database, int inFlight, long acked, long eventsAppended, long errors, long windowNanos,
                   LatencyRecorder.Summary latency, CpuMeter.Usage cpu) {

        double eventsPerSecond() {
            return windowNanos <= 0 ? 0 : eventsAppended * 1e9 / windowNanos;
        }

        double processMicrosPerEvent() {
            return eventsAppended == 0 ? 0 : cpu.processNanos() / 1e3 / eventsAppended;
        }
    }

    private DurableAppendLoad() {}

    static Figures run(BenchOptions o, Path workDir, DatabaseTarget db) throws Exception {
        HubConfig config = db.apply(HubConfig.embedded(workDir).withListener("127.0.0.1", 0)
                .withSeed(BenchCounty.build(UNITS, 0, INTAKE_USERS)).withPasswordCost(4).asDemo());
        try (HubBootstrap hub = HubBootstrap.start(config);
             ClientTransport transport = new ClientTransport(hub.certificate(), hub.port())) {
            List<ManagedChannel> channels = List.of(transport.newChannel(), transport.newChannel());
            List<String> users = new ArrayList<>();
            for (int i = 0; i < INTAKE_USERS; i++) {
                users.add(BenchCounty.intake(i));
            }
            Map<String, String> tokens = ClientTransport.logIn(channels.get(0), users, BenchCounty.PASSWORD);
            List<CommandServiceGrpc.CommandServiceStub> stubs = new ArrayList<>();
            for (int i = 0; i < INTAKE_USERS; i++) {
                stubs.add(CommandServiceGrpc.newStub(channels.get(i % channels.size()))
                        .withInterceptors(ClientTransport.bearer(tokens.get(users.get(i)))));
            }

            long warmUpNanos = TimeUnit.SECONDS.toNanos(o.quick() ? 1 : 3);
            long measureNanos = TimeUnit.SECONDS.toNanos(o.durableSeconds());
            Semaphore permits = new Semaphore(o.inFlight());
            AtomicLong acked = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            LatencyRecorder latency = new LatencyRecorder(4096);
            long runStart = System.nanoTime();
            long windowStart = runStart + warmUpNanos;
            long windowEnd = windowStart + measureNanos;
            long[] atWindowStart = null;
            CpuMeter cpu = null;
            for (long i = 0; System.nanoTime() < windowEnd; i++) {
                if (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                long start = System.nanoTime();
                if (atWindowStart == null && start >= windowStart) {
                    atWindowStart = new long[] {acked.get(), hub.lastSequence(), start};
                    cpu = CpuMeter.start();
                }
                boolean measured = atWindowStart != null;
                stubs.get((int) (i % stubs.size())).withDeadlineAfter(30, TimeUnit.SECONDS).reportIncident(
                        Incidents.request(i, UNITS, "dur-"), new StreamObserver<>() {
                            @Override
                            public void onNext(ReportIncidentResponse r) {
                                acked.incrementAndGet();
                                if (measured) {
                                    latency.record(System.nanoTime() - start);
                                }
                            }

                            @Override
                            public void onError(Throwable t) {
                                errors.incrementAndGet();
                                permits.release();
                            }

                            @Override
                            public void onCompleted() {
                                permits.release();
                            }
                        });
            }
            if (atWindowStart == null) {
                throw new IllegalStateException("the durable run never reached its window");
            }
            long end = System.nanoTime();
            long ackedInWindow = acked.get() - atWindowStart[0];
            long appended = hub.lastSequence() - atWindowStart[1];
            CpuMeter.Usage usage = cpu.stop();
            if (!permits.tryAcquire(o.inFlight(), 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("calls still in flight 60 s after the durable run");
            }
            return new Figures(db.label(), o.inFlight(), ackedInWindow, appended, errors.get(),
                    end - atWindowStart[2], latency.summary(), usage);
        }
    }
}
