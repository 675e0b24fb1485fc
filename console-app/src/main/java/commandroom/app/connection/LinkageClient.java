package commandroom.app.connection;

import commandroom.app.model.CountyInstructionItem;
import commandroom.app.model.HandedUpItem;
import commandroom.app.model.StationBoardItem;
import commandroom.v1.CountyInstruction;
import commandroom.v1.GetCountyBoardRequest;
import commandroom.v1.HandUpRequest;
import commandroom.v1.Incident;
import commandroom.v1.InstructStationRequest;
import commandroom.v1.LinkageServiceGrpc;
import commandroom.v1.StationBoard;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The station–county linkage with the hub: a station hands an incident up; a county reads its
 * board of the stations it follows and instructs them. Calls run off the FX thread with a deadline;
 * refusals complete the future with a {@link CommandFailure}. Thread-safe.
 */
public final class LinkageClient {

    private final HubSession session;
    private final Executor executor;

    public LinkageClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    /** At a station: hands the incident up to the county, saying why. */
    public CompletableFuture<Void> handUp(String incidentId, String note) {
        return HubCalls.async(executor, () -> {
            stub().handUp(HandUpRequest.newBuilder().setIncidentId(incidentId).setNote(note)
                    .setIdempotencyKey(UUID.randomUUID().toString()).build());
            return null;
        });
    }

    /** At the county: every followed station. */
    public CompletableFuture<List<StationBoardItem>> board() {
        return HubCalls.async(executor, () -> stub().getCountyBoard(GetCountyBoardRequest.getDefaultInstance())
                .getStationsList().stream().map(LinkageClient::station).toList());
    }

    /** At the county: an instruction to a station about an incident it handed up. */
    public CompletableFuture<CountyInstructionItem> instruct(String stationId, String incidentId, String text) {
        return HubCalls.async(executor, () -> instruction(stub().instructStation(InstructStationRequest.newBuilder()
                .setStationId(stationId).setIncidentId(incidentId).setText(text)
                .setIdempotencyKey(UUID.randomUUID().toString()).build()).getInstruction()));
    }

    private LinkageServiceGrpc.LinkageServiceBlockingStub stub() {
        return LinkageServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static StationBoardItem station(StationBoard b) {
        return new StationBoardItem(b.getStationId(), b.getConnected(), b.getProblem(), b.getLastSequence(),
                b.getOpenIncidents(), b.getOpenTasks(), b.getOverdueTasks(),
                b.getHandedUpList().stream().map(i -> handedUp(b.getStationId(), i)).toList());
    }

    private static HandedUpItem handedUp(String stationId, Incident i) {
        return new HandedUpItem(stationId, i.getId(), ProtoMapper.strip(i.getType().name(), "INCIDENT_TYPE_"),
                ProtoMapper.strip(i.getPriority().name(), "PRIORITY_"), i.getAddress(), i.getSummary(),
                i.getHandUp().getNote(), i.getHandUp().getBy().getDisplayName(), ProtoMapper.instant(i.getHandUp().getAt()),
                i.getCountyInstructionsList().stream().map(LinkageClient::instruction).toList());
    }

    static CountyInstructionItem instruction(CountyInstruction c) {
        return new CountyInstructionItem(c.getId(), c.getStationId(), c.getIncidentId(), c.getText(),
                c.getIssuedBy().getDisplayName(), ProtoMapper.instant(c.getIssuedAt()),
                c.hasReceivedAt() ? ProtoMapper.instant(c.getReceivedAt()) : null);
    }
}
