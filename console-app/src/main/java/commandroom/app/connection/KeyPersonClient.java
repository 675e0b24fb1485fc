package commandroom.app.connection;

import commandroom.app.model.KeyPersonAccessItem;
import commandroom.app.model.KeyPersonItem;
import commandroom.v1.KeyPerson;
import commandroom.v1.KeyPersonAccess;
import commandroom.v1.KeyPersonCategory;
import commandroom.v1.KeyPersonServiceGrpc;
import commandroom.v1.ListKeyPersonAccessRequest;
import commandroom.v1.ListKeyPersonsRequest;
import commandroom.v1.RegisterKeyPersonRequest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The key persons register with the hub: list (with the reader's reason; the hub logs every read),
 * register, and the register's access log (the chief's). Calls run
 * off the FX thread with a deadline; refusals — the register is the chief's and the assigned
 * units' — complete the future with a {@link CommandFailure}. Thread-safe.
 */
public final class KeyPersonClient {

    private final HubSession session;
    private final Executor executor;

    public KeyPersonClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    /** The persons the user may see; the reason (2..200 characters) goes into the hub's access log. */
    public CompletableFuture<List<KeyPersonItem>> list(String reason) {
        return HubCalls.async(executor, () -> stub().listKeyPersons(ListKeyPersonsRequest.newBuilder()
                .setReason(reason).build()).getPersonsList().stream().map(KeyPersonClient::item).toList());
    }

    /** The register's access log, newest first, at most limit entries. Station chief. */
    public CompletableFuture<List<KeyPersonAccessItem>> accessLog(int limit) {
        return HubCalls.async(executor, () -> stub().listKeyPersonAccess(ListKeyPersonAccessRequest.newBuilder()
                .setLimit(limit).build()).getEntriesList().stream().map(KeyPersonClient::access).toList());
    }

    /** Registers a person with a plan, a check-in every so many days, and the units assigned. */
    public CompletableFuture<KeyPersonItem> register(String name, String category, String address, String zoneId,
                                                     String plan, int everyDays, List<String> unitIds) {
        KeyPerson p = KeyPerson.newBuilder().setName(name).setCategory(KeyPersonCategory.valueOf("KEY_PERSON_CATEGORY_" + category))
                .setAddress(address).setZoneId(zoneId).setPlan(plan)
                .setCheckInEvery(com.google.protobuf.Duration.newBuilder().setSeconds(everyDays * 86_400L))
                .addAllAssignedUnitIds(unitIds).build();
        return HubCalls.async(executor, () -> item(stub().registerKeyPerson(RegisterKeyPersonRequest.newBuilder()
                .setPerson(p).setIdempotencyKey(UUID.randomUUID().toString()).build()).getPerson()));
    }

    private KeyPersonServiceGrpc.KeyPersonServiceBlockingStub stub() {
        return KeyPersonServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static KeyPersonAccessItem access(KeyPersonAccess a) {
        // A refused get shows nobody; the person asked for is what the chief needs to see.
        List<String> persons = a.getPersonIdsCount() == 0 && !a.getAskedPersonId().isEmpty()
                ? List.of(a.getAskedPersonId()) : a.getPersonIdsList();
        return new KeyPersonAccessItem(a.getSequence(), ProtoMapper.instant(a.getAt()), a.getActor().getUserId(),
                a.getActor().getDisplayName(), ProtoMapper.strip(a.getActor().getRole().name(), "ROLE_"),
                a.getActor().getUnitId(), a.getHow(),
                persons, a.getReason(), a.getRefused());
    }

    static KeyPersonItem item(KeyPerson p) {
        return new KeyPersonItem(p.getId(), p.getName(), ProtoMapper.strip(p.getCategory().name(), "KEY_PERSON_CATEGORY_"),
                p.getAddress(), p.getZoneId(), p.getPlan(), (int) (p.getCheckInEvery().getSeconds() / 86_400L),
                p.getAssignedUnitIdsList(), p.getCheckInsList().stream().map(c -> new KeyPersonItem.CheckIn(
                        ProtoMapper.instant(c.getAt()), c.getBy(), c.getNote())).toList(),
                p.hasNextCheckInDue() ? ProtoMapper.instant(p.getNextCheckInDue()) : null, p.getVersion());
    }
}
