package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.linkage.Linkage;
import commandroom.server.loop.Hub;
import commandroom.server.loop.HubException;
import commandroom.server.loop.LinkageRules;
import commandroom.v1.CountyBoard;
import commandroom.v1.CountyInstruction;
import commandroom.v1.Event;
import commandroom.v1.GetCountyBoardRequest;
import commandroom.v1.HandUpRequest;
import commandroom.v1.HandUpResponse;
import commandroom.v1.Incident;
import commandroom.v1.InstructStationRequest;
import commandroom.v1.InstructStationResponse;
import commandroom.v1.LinkageServiceGrpc;
import io.grpc.stub.StreamObserver;

/**
 * LinkageService: a station hands incidents up; the county reads its board of the stations it
 * follows and instructs them. An instruction for a station this hub does not follow is NOT_FOUND
 * (naming station_id); one about an incident the station has not handed up is FAILED_PRECONDITION.
 * A hub that follows no station has an empty board. Thread-safe.
 */
public final class LinkageGrpcService extends LinkageServiceGrpc.LinkageServiceImplBase {

    private final Hub hub;
    private final Linkage linkage;

    public LinkageGrpcService(Hub hub, Linkage linkage) {
        this.hub = hub;
        this.linkage = linkage;
    }

    @Override
    public void handUp(HandUpRequest r, StreamObserver<HandUpResponse> out) {
        if (CommandGrpcService.checked(() -> new Violations().id("incident_id", r.getIncidentId())
                .text("note", r.getNote(), 1, 500).key("idempotency_key", r.getIdempotencyKey()).throwIfAny(), out)) {
            var actor = Caller.current().actor();
            Replies.answer(hub.submit(actor, r.getIdempotencyKey(), Event.KindCase.INCIDENT_HANDED_UP,
                            LinkageRules.handUp(r, actor)),
                    res -> HandUpResponse.newBuilder().setIncident((Incident) res.entity())
                            .setSequence(res.sequence()).build(), out);
        }
    }

    @Override
    public void instructStation(InstructStationRequest r, StreamObserver<InstructStationResponse> out) {
        if (CommandGrpcService.checked(() -> check(r), out)) {
            var actor = Caller.current().actor();
            Replies.answer(hub.submit(actor, r.getIdempotencyKey(), Event.KindCase.COUNTY_INSTRUCTION_ISSUED,
                            LinkageRules.issue(r, actor)),
                    res -> InstructStationResponse.newBuilder().setInstruction((CountyInstruction) res.entity())
                            .setSequence(res.sequence()).build(), out);
        }
    }

    @Override
    public void getCountyBoard(GetCountyBoardRequest r, StreamObserver<CountyBoard> out) {
        Replies.call(linkage::board, out);
    }

    private void check(InstructStationRequest r) {
        new Violations().id("station_id", r.getStationId()).id("incident_id", r.getIncidentId())
                .text("text", r.getText(), 1, 2000).key("idempotency_key", r.getIdempotencyKey()).throwIfAny();
        if (!linkage.followsStation(r.getStationId())) {
            throw HubException.notFound("station_id", "followed station", r.getStationId());
        }
        if (!linkage.handedUp(r.getStationId(), r.getIncidentId())) {
            throw HubException.precondition("station " + r.getStationId() + " has not handed incident "
                    + r.getIncidentId() + " up (or the county has not heard yet)");
        }
    }
}
