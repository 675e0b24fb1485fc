package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.loop.HandoverRules;
import commandroom.server.loop.Hub;
import commandroom.v1.Event;
import commandroom.v1.Handover;
import commandroom.v1.HandoverResponse;
import commandroom.v1.ListHandoversRequest;
import commandroom.v1.ListHandoversResponse;
import commandroom.v1.ShiftServiceGrpc;
import commandroom.v1.SignHandoverRequest;
import commandroom.v1.StartHandoverRequest;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** ShiftService: the duty officers' handover, kept in the log. Thread-safe. */
public final class ShiftGrpcService extends ShiftServiceGrpc.ShiftServiceImplBase {

    private final Hub hub;

    public ShiftGrpcService(Hub hub) {
        this.hub = hub;
    }

    @Override
    public void startHandover(StartHandoverRequest r, StreamObserver<HandoverResponse> out) {
        if (CommandGrpcService.checked(() -> new Violations().ids("offline_camera_ids", r.getOfflineCameraIdsList(), 0, 5000)
                .text("note", r.getNote(), 0, 2000).key("idempotency_key", r.getIdempotencyKey()).throwIfAny(), out)) {
            Caller c = Caller.current();
            reply(hub.submit(c.actor(), r.getIdempotencyKey(), Event.KindCase.HANDOVER_STARTED,
                    HandoverRules.start(r, c.actor())), out);
        }
    }

    @Override
    public void signHandover(SignHandoverRequest r, StreamObserver<HandoverResponse> out) {
        if (CommandGrpcService.checked(() -> new Violations().id("handover_id", r.getHandoverId())
                .key("idempotency_key", r.getIdempotencyKey()).throwIfAny(), out)) {
            Caller c = Caller.current();
            reply(hub.submit(c.actor(), r.getIdempotencyKey(), Event.KindCase.HANDOVER_SIGNED,
                    HandoverRules.sign(r, c.actor())), out);
        }
    }

    @Override
    public void listHandovers(ListHandoversRequest r, StreamObserver<ListHandoversResponse> out) {
        Replies.call(() -> {
            // uint32 arrives in Java as a signed int: past 2^31 it is negative (found by fuzzing).
            long asked = Integer.toUnsignedLong(r.getLimit());
            if (asked > 1000) {
                new Violations().add("limit", "at most 1000").throwIfAny();
            }
            int limit = asked == 0 ? 50 : (int) asked;
            return hub.read(s -> {
                List<Handover> newestFirst = new ArrayList<>(s.handovers());
                Collections.reverse(newestFirst);
                return ListHandoversResponse.newBuilder()
                        .addAllHandovers(newestFirst.subList(0, Math.min(limit, newestFirst.size()))).build();
            });
        }, out);
    }

    private static void reply(java.util.concurrent.CompletableFuture<Hub.Result> f, StreamObserver<HandoverResponse> out) {
        Replies.answer(f, res -> HandoverResponse.newBuilder().setHandover((Handover) res.entity())
                .setSequence(res.sequence()).build(), out);
    }
}
