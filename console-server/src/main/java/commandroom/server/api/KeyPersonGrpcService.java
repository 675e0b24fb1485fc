package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.loop.Hub;
import commandroom.server.loop.HubException;
import commandroom.server.loop.KeyPersonRules;
import commandroom.v1.Event;
import commandroom.v1.GetKeyPersonRequest;
import commandroom.v1.KeyPerson;
import commandroom.v1.KeyPersonResponse;
import commandroom.v1.KeyPersonServiceGrpc;
import commandroom.v1.ListKeyPersonsRequest;
import commandroom.v1.ListKeyPersonsResponse;
import commandroom.v1.RecordCheckInRequest;
import commandroom.v1.RegisterKeyPersonRequest;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * KeyPersonService: the register, open to the station chief and to the units assigned to each
 * person. Every read is first written to the log as an access (who, which persons), then answered.
 * Thread-safe.
 */
public final class KeyPersonGrpcService extends KeyPersonServiceGrpc.KeyPersonServiceImplBase {

    private static final Duration MIN_CADENCE = Duration.ofDays(1);
    private static final Duration MAX_CADENCE = Duration.ofDays(90);

    private final Hub hub;

    public KeyPersonGrpcService(Hub hub) {
        this.hub = hub;
    }

    @Override
    public void registerKeyPerson(RegisterKeyPersonRequest r, StreamObserver<KeyPersonResponse> out) {
        if (CommandGrpcService.checked(() -> check(r), out)) {
            reply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), Event.KindCase.KEY_PERSON_REGISTERED,
                    KeyPersonRules.register(r)), out);
        }
    }

    @Override
    public void recordCheckIn(RecordCheckInRequest r, StreamObserver<KeyPersonResponse> out) {
        if (CommandGrpcService.checked(() -> new Violations().id("person_id", r.getPersonId())
                .text("note", r.getNote(), 1, 2000).key("idempotency_key", r.getIdempotencyKey()).throwIfAny(), out)) {
            var actor = Caller.current().actor();
            reply(hub.submit(actor, r.getIdempotencyKey(), Event.KindCase.KEY_PERSON_CHECKED_IN,
                    KeyPersonRules.checkIn(r, actor)), out);
        }
    }

    /**
     * Every read asks why (the reason goes into the log with the access). A refused attempt is
     * logged as well, then answered PERMISSION_DENIED in words that do not tell whether the person
     * exists.
     */
    @Override
    public void getKeyPerson(GetKeyPersonRequest r, StreamObserver<KeyPersonResponse> out) {
        if (CommandGrpcService.checked(() -> new Violations().id("person_id", r.getPersonId())
                .text("reason", r.getReason().strip(), 2, 200).throwIfAny(), out)) {
            var actor = Caller.current().actor();
            Replies.answer(hub.submit(actor, "", Event.KindCase.KEY_PERSON_ACCESSED,
                            KeyPersonRules.get(r.getPersonId(), r.getReason().strip(), actor)),
                    res -> KeyPersonResponse.newBuilder().setSequence(res.sequence())
                            .setPerson(hub.read(s -> s.keyPerson(r.getPersonId()).filter(p -> KeyPersonRules.maySee(actor, p)))
                                    .orElseThrow(() -> KeyPersonRules.refusal(r.getPersonId())))
                            .build(), out);
        }
    }

    @Override
    public void listKeyPersons(ListKeyPersonsRequest r, StreamObserver<ListKeyPersonsResponse> out) {
        if (CommandGrpcService.checked(() -> new Violations().text("reason", r.getReason().strip(), 2, 200).throwIfAny(),
                out)) {
            var actor = Caller.current().actor();
            Replies.answer(hub.submit(actor, "", Event.KindCase.KEY_PERSON_ACCESSED,
                            KeyPersonRules.list(r.getReason().strip(), actor)),
                    res -> {
                        if (!KeyPersonRules.mayList(actor)) {
                            throw KeyPersonRules.refusal("");
                        }
                        return hub.read(s -> ListKeyPersonsResponse.newBuilder().addAllPersons(s.keyPersons().stream()
                                .filter(p -> KeyPersonRules.maySee(actor, p)).toList()).build());
                    }, out);
        }
    }

    @Override
    public void listKeyPersonAccess(commandroom.v1.ListKeyPersonAccessRequest r,
                                    StreamObserver<commandroom.v1.ListKeyPersonAccessResponse> out) {
        Replies.call(() -> {
            long asked = Integer.toUnsignedLong(r.getLimit());
            if (asked > 1000) {
                new Violations().add("limit", "must be within 0..1000").throwIfAny();
            }
            int limit = asked == 0 ? 200 : (int) asked;
            return hub.read(s -> commandroom.v1.ListKeyPersonAccessResponse.newBuilder()
                    .addAllEntries(s.keyPersonAccess(limit)).build());
        }, out);
    }

    private static void check(RegisterKeyPersonRequest r) {
        KeyPerson p = r.getPerson();
        Violations v = new Violations().text("person.name", p.getName(), 1, 100).known("person.category", p.getCategory())
                .text("person.address", p.getAddress(), 1, 500).id("person.zone_id", p.getZoneId())
                .text("person.plan", p.getPlan(), 1, 4000).ids("person.assigned_unit_ids", p.getAssignedUnitIdsList(), 1, 10)
                .key("idempotency_key", r.getIdempotencyKey());
        long seconds = p.getCheckInEvery().getSeconds();
        if (seconds < MIN_CADENCE.getSeconds() || seconds > MAX_CADENCE.getSeconds()
                || p.getCheckInEvery().getNanos() < 0 || p.getCheckInEvery().getNanos() > 999_999_999) {
            v.add("person.check_in_every", "must be 1 to 90 days");
        }
        v.throwIfAny();
    }

    private static void reply(CompletableFuture<Hub.Result> f, StreamObserver<KeyPersonResponse> out) {
        Replies.answer(f, res -> KeyPersonResponse.newBuilder().setPerson((KeyPerson) res.entity())
                .setSequence(res.sequence()).build(), out);
    }
}
