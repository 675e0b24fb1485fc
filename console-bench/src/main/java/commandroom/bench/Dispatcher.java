package commandroom.bench;

import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskResponse;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shift leader of a hub run: task i of a phase is about incident i mod K and goes to unit
 * i mod M, with the phase's idempotency key. Stamps the send time just before the call.
 * Thread-safe.
 */
final class Dispatcher {

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

    /** Failed DispatchTask calls so far. */
    long errors() {
        return errors.get();
    }
}
