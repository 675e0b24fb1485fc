package commandroom.bench;

import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReportIncidentResponse;
import commandroom.v1.Reporter;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Incidents for load runs: a realistic ReportIncident request for the zone of unit i, and reporting
 * a batch of them with a bounded number in flight. Stateless; the batch call blocks its caller.
 */
public final class Incidents {

    /** Ids of the incidents reported and the highest sequence their events got. */
    public record Reported(AtomicReferenceArray<String> ids, long lastSequence) {}

    private static final IncidentType[] TYPES = {IncidentType.INCIDENT_TYPE_CALL_110, IncidentType.INCIDENT_TYPE_DISPUTE,
        IncidentType.INCIDENT_TYPE_PATROL_FINDING, IncidentType.INCIDENT_TYPE_INFO_COLLECTION};

    private Incidents() {}

    /** Incident number i, in the zone of unit i mod units, with the idempotency key prefix + i. */
    static ReportIncidentRequest request(long i, int units, String keyPrefix) {
        int unit = (int) (i % units);
        return ReportIncidentRequest.newBuilder()
                .setType(TYPES[(int) (i % TYPES.length)])
                .setPriority(i % 10 == 0 ? Priority.PRIORITY_URGENT : Priority.PRIORITY_NORMAL)
                .setPosition(BenchCounty.centreOfUnitZone(unit))
                .setAddress("负载测试路 " + (i % 999 + 1) + " 号")
                .setZoneId(BenchCounty.zoneOfUnit(unit))
                .setReporter(Reporter.newBuilder().setName("报警人 " + i).setPhone("1380000" + String.format("%04d", i % 10_000)))
                .setSummary("负载测试警情 #" + i + "：群众报称楼下有人争吵，请派员到场核实处置。")
                .setIdempotencyKey(keyPrefix + i)
                .build();
    }

    /** Reports count incidents (0..count-1), inFlight at a time; throws if any fails. */
    public static Reported reportAll(CommandServiceGrpc.CommandServiceStub intake, int count, int units, String keyPrefix,
                              int inFlight) throws InterruptedException {
        AtomicReferenceArray<String> ids = new AtomicReferenceArray<>(count);
        AtomicLong last = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Semaphore permits = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            int n = i;
            permits.acquire();
            intake.withDeadlineAfter(60, TimeUnit.SECONDS).reportIncident(request(n, units, keyPrefix),
                    new StreamObserver<>() {
                        @Override
                        public void onNext(ReportIncidentResponse r) {
                            ids.set(n, r.getIncident().getId());
                            last.accumulateAndGet(r.getSequence(), Math::max);
                        }

                        @Override
                        public void onError(Throwable t) {
                            failure.compareAndSet(null, t);
                            permits.release();
                            done.countDown();
                        }

                        @Override
                        public void onCompleted() {
                            permits.release();
                            done.countDown();
                        }
                    });
        }
        if (!done.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("reporting " + count + " incidents took more than 300 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an incident report failed", failure.get());
        }
        return new Reported(ids, last.get());
    }
}
