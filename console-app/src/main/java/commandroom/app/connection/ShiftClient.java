package commandroom.app.connection;

import commandroom.app.model.HandoverItem;
import commandroom.v1.Handover;
import commandroom.v1.HandoverStatus;
import commandroom.v1.ListHandoversRequest;
import commandroom.v1.ShiftServiceGrpc;
import commandroom.v1.SignHandoverRequest;
import commandroom.v1.StartHandoverRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The duty officers' shift handover with the hub: the pending one, start, sign. Calls run off the
 * FX thread with a deadline; refusals complete the future with a {@link CommandFailure}. Thread-safe.
 */
public final class ShiftClient {

    private final HubSession session;
    private final Executor executor;

    public ShiftClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    /** The handover waiting for its incoming officer, if there is one. */
    public CompletableFuture<Optional<HandoverItem>> pending() {
        return call(() -> stub().listHandovers(ListHandoversRequest.newBuilder().setLimit(1).build())
                .getHandoversList().stream().filter(h -> h.getStatus() == HandoverStatus.HANDOVER_STATUS_PENDING)
                .findFirst().map(ShiftClient::item));
    }

    /** Hands the room over: the hub builds the packet; the console adds the cameras its wall sees offline. */
    public CompletableFuture<HandoverItem> start(Collection<String> offlineCameras, String note) {
        return call(() -> item(stub().startHandover(StartHandoverRequest.newBuilder()
                .addAllOfflineCameraIds(offlineCameras.stream().sorted().toList()).setNote(note)
                .setIdempotencyKey(UUID.randomUUID().toString()).build()).getHandover()));
    }

    /** Takes the room over: signs the pending handover. */
    public CompletableFuture<HandoverItem> sign(String handoverId) {
        return call(() -> item(stub().signHandover(SignHandoverRequest.newBuilder().setHandoverId(handoverId)
                .setIdempotencyKey(UUID.randomUUID().toString()).build()).getHandover()));
    }

    private ShiftServiceGrpc.ShiftServiceBlockingStub stub() {
        return ShiftServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private <T> CompletableFuture<T> call(Supplier<T> body) {
        return HubCalls.async(executor, body);
    }

    static HandoverItem item(Handover h) {
        return new HandoverItem(h.getId(), h.getStatus() == HandoverStatus.HANDOVER_STATUS_SIGNED,
                h.getOutgoing().getUserId(), h.getOutgoing().getDisplayName(),
                Instant.ofEpochSecond(h.getStartedAt().getSeconds(), h.getStartedAt().getNanos()),
                h.getIncoming().getDisplayName(), h.getOpenTaskIdsList(),
                h.getOverdueStepsList().stream()
                        .map(s -> s.getTaskId() + " · " + s.getStep().name().substring("TASK_STEP_".length())).toList(),
                h.getUnacknowledgedTaskIdsList(), h.getOfflineCameraIdsList(), h.getCasesWithVisitDueList(), h.getNote(),
                h.getZonesUnderStrengthList().stream().map(z -> z.getZoneId() + " · " + z.getKind().name()
                        .substring("UNIT_KIND_".length()) + " " + z.getOnDuty() + "/" + z.getWanted()).toList());
    }
}
