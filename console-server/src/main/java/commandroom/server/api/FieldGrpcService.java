package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.log.FanOut;
import commandroom.server.loop.FieldRules;
import commandroom.server.loop.Hub;
import commandroom.v1.Event;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.FieldTaskResponse;
import commandroom.v1.InstructionsRequest;
import commandroom.v1.ListMyTasksRequest;
import commandroom.v1.ListMyTasksResponse;
import commandroom.v1.ReportPositionRequest;
import commandroom.v1.ReportPositionResponse;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.Task;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * FieldService: what a unit's terminal asks of the hub. The unit is the caller's (from the token);
 * a unit only ever touches tasks it holds. Thread-safe.
 */
public final class FieldGrpcService extends FieldServiceGrpc.FieldServiceImplBase {

    private final Hub hub;
    private final FanOut fanOut;
    private final ImageBytes images;
    private final StreamLeases streams;
    private final double fastestMps;

    FieldGrpcService(Hub hub, FanOut fanOut, ImageBytes images, StreamLeases streams, double fastestMps) {
        this.fastestMps = fastestMps;
        this.hub = hub;
        this.fanOut = fanOut;
        this.images = images;
        this.streams = streams;
    }

    @Override
    public void instructions(InstructionsRequest r, StreamObserver<Event> out) {
        Caller caller = Caller.current();
        String unitId = caller.unitId();
        var refused = ResumePoint.refusal(r.getFromSequence(), fanOut, hub);
        if (refused != null) {
            out.onError(refused);
            return;
        }
        List<String> known = hub.read(s -> s.tasks().stream()
                .filter(t -> t.getAssigneeUnitIdsList().contains(unitId)).map(Task::getId).toList());
        fanOut.subscribeUnit(unitId, r.getFromSequence(), new UnitEventFilter(unitId, known),
                StreamViews::forUnits, (ServerCallStreamObserver<Event>) out, streams.of(caller));
    }

    @Override
    public void reportProgress(ReportProgressRequest r, StreamObserver<FieldTaskResponse> out) {
        if (CommandGrpcService.checked(() -> RequestChecks.check(r, hub.clock().instant()), out)) {
            Caller c = Caller.current();
            reply(hub.submit(c.actor(), r.getIdempotencyKey(), Event.KindCase.TASK_PROGRESSED,
                    FieldRules.progress(r, c.unitId())), out);
        }
    }

    @Override
    public void submitFeedback(SubmitFeedbackRequest r, StreamObserver<FieldTaskResponse> out) {
        if (CommandGrpcService.checked(() -> RequestChecks.check(r), out)) {
            Caller c = Caller.current();
            // The bytes go to the image store first; the event names each photo by its hash.
            SubmitFeedbackRequest described = Replies.orAnswer(
                    () -> r.toBuilder().clearPhotos().addAllPhotos(images.keep(r.getPhotosList())).build(), out);
            if (described != null) {
                reply(hub.submit(c.actor(), r.getIdempotencyKey(), Event.KindCase.FEEDBACK_SUBMITTED,
                        FieldRules.feedback(described, c.unitId())), out);
            }
        }
    }

    @Override
    public void reportPosition(ReportPositionRequest r, StreamObserver<ReportPositionResponse> out) {
        if (CommandGrpcService.checked(() -> RequestChecks.check(r), out)) {
            Caller c = Caller.current();
            Replies.answer(hub.submit(c.actor(), "", Event.KindCase.UNIT_POSITION_REPORTED,
                            FieldRules.position(r, c.unitId(), fastestMps)),
                    res -> ReportPositionResponse.newBuilder().setLogged(res.written()).build(), out);
        }
    }

    @Override
    public void pressEmergency(commandroom.v1.PressEmergencyRequest r,
                               StreamObserver<commandroom.v1.PressEmergencyResponse> out) {
        if (CommandGrpcService.checked(() -> RequestChecks.check(r), out)) {
            Caller c = Caller.current();
            commandroom.v1.EmergencyPressed.Builder pressed = commandroom.v1.EmergencyPressed.newBuilder()
                    .setUnitId(c.unitId());
            if (r.hasPosition()) {
                pressed.setPosition(r.getPosition());
            }
            Replies.answer(hub.submit(c.actor(), r.getIdempotencyKey(), Event.KindCase.EMERGENCY_PRESSED,
                            (s, now) -> Event.newBuilder().setEmergencyPressed(pressed)),
                    res -> commandroom.v1.PressEmergencyResponse.newBuilder().setSequence(res.sequence()).build(), out);
        }
    }

    @Override
    public void listMyTasks(ListMyTasksRequest r, StreamObserver<ListMyTasksResponse> out) {
        String unitId = Caller.current().unitId();
        Replies.call(() -> hub.read(s -> {
            List<Task> mine = new ArrayList<>();
            for (String id : s.openTasksOf(unitId)) {
                mine.add(s.task(id).orElseThrow().toBuilder().clearTimeline().build());
            }
            mine.sort(java.util.Comparator.comparing(Task::getId));
            return ListMyTasksResponse.newBuilder().addAllTasks(mine).setAsOfSequence(s.appliedSequence()).build();
        }), out);
    }

    private static void reply(java.util.concurrent.CompletableFuture<Hub.Result> f,
                              StreamObserver<FieldTaskResponse> out) {
        Replies.answer(f, res -> FieldTaskResponse.newBuilder().setTask((Task) res.entity())
                .setSequence(res.sequence()).build(), out);
    }
}
