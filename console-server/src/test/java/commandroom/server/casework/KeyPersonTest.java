package commandroom.server.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.Durations;
import commandroom.server.store.Database;
import commandroom.server.store.EventStore;
import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.Event;
import commandroom.v1.GetKeyPersonRequest;
import commandroom.v1.KeyPerson;
import commandroom.v1.KeyPersonCategory;
import commandroom.v1.KeyPersonServiceGrpc;
import commandroom.v1.ListKeyPersonsRequest;
import commandroom.v1.RecordCheckInRequest;
import commandroom.v1.RegisterKeyPersonRequest;
import commandroom.v1.SubscribeRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The key persons register (一人一策) is the station chief's and the assigned officers': an officer
 * who is not assigned is refused, consoles are refused, the consoles' event streams carry its
 * events redacted, and every read is in the log with who read whom.
 */
class KeyPersonTest {

    @Test
    void onlyTheChiefAndTheAssignedOfficerSeeThePersonAndEveryReadIsLogged() throws Exception {
        var config = TestHub.config(Backend.H2);
        try (TestHub hub = TestHub.start(Backend.H2, c -> config); HubClient chief = hub.login("chief1");
             HubClient assigned = hub.login("u-cd-co1"); HubClient other = hub.login("u-cx-co1");
             HubClient duty = hub.login("duty1")) {
            EventCollector stream = new EventCollector();
            duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), stream);

            KeyPerson p = register(chief).registerKeyPerson(RegisterKeyPersonRequest.newBuilder().setPerson(
                    KeyPerson.newBuilder().setName("张某某").setCategory(KeyPersonCategory.KEY_PERSON_CATEGORY_MENTAL_HEALTH)
                            .setAddress("城东路 5 号").setZoneId("z-cd").setPlan("每周见面，联系监护人")
                            .setCheckInEvery(Durations.fromDays(7)).addAssignedUnitIds("u-cd-co1"))
                    .setIdempotencyKey("kp-1").build()).getPerson();
            assertEquals("P-0001", p.getId());

            assertEquals("张某某", register(assigned).getKeyPerson(GetKeyPersonRequest.newBuilder().setPersonId(p.getId()).setReason("走访前查看").build())
                    .getPerson().getName());
            KeyPerson checked = register(assigned).recordCheckIn(RecordCheckInRequest.newBuilder().setPersonId(p.getId())
                    .setNote("本人在家，情绪稳定").setIdempotencyKey("ci-1").build()).getPerson();
            assertEquals(1, checked.getCheckInsCount());
            assertEquals("u-cd-co1", checked.getCheckIns(0).getBy());
            assertEquals(7 * 86400, checked.getNextCheckInDue().getSeconds() - checked.getCheckIns(0).getAt().getSeconds(),
                    "the next check-in is due a cadence after this one");
            assertEquals(List.of(p.getId()), register(assigned).listKeyPersons(ListKeyPersonsRequest.newBuilder().setReason("本周走访").build())
                    .getPersonsList().stream().map(KeyPerson::getId).toList());

            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> register(other).getKeyPerson(
                    GetKeyPersonRequest.newBuilder().setPersonId(p.getId()).setReason("走访前查看").build())), "an officer not assigned");
            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> register(other).recordCheckIn(
                    RecordCheckInRequest.newBuilder().setPersonId(p.getId()).setNote("x").setIdempotencyKey("ci-2").build())));
            assertTrue(register(other).listKeyPersons(ListKeyPersonsRequest.newBuilder().setReason("本周走访").build()).getPersonsList().isEmpty(),
                    "an officer not assigned sees nobody");
            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> register(duty).getKeyPerson(
                    GetKeyPersonRequest.newBuilder().setPersonId(p.getId()).setReason("走访前查看").build())), "a console");
            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> register(duty).listKeyPersons(
                    ListKeyPersonsRequest.newBuilder().setReason("本周走访").build())));
            StatusRuntimeException noOne = assertThrows(StatusRuntimeException.class, () -> register(other).getKeyPerson(
                    GetKeyPersonRequest.newBuilder().setPersonId("P-0999").setReason("查看").build()));
            StatusRuntimeException notMine = assertThrows(StatusRuntimeException.class, () -> register(other).getKeyPerson(
                    GetKeyPersonRequest.newBuilder().setPersonId(p.getId()).setReason("查看").build()));
            assertEquals(noOne.getStatus().getCode(), notMine.getStatus().getCode(), "nobody and not yours: one answer");
            assertEquals(noOne.getStatus().getDescription().replace("P-0999", "X"),
                    notMine.getStatus().getDescription().replace(p.getId(), "X"), "in the same words");
            assertEquals(Status.Code.INVALID_ARGUMENT, refusal(() -> register(chief).getKeyPerson(
                    GetKeyPersonRequest.newBuilder().setPersonId(p.getId()).build())), "a read says why");
            var log = register(chief).listKeyPersonAccess(commandroom.v1.ListKeyPersonAccessRequest.getDefaultInstance())
                    .getEntriesList();
            assertEquals("u-cx-co1", log.get(0).getActor().getUserId(), "newest first");
            assertTrue(log.get(0).getRefused() && log.get(0).getAskedPersonId().equals(p.getId()), log.get(0).toString());
            assertTrue(log.stream().anyMatch(a -> a.getActor().getUserId().equals("duty1") && a.getRefused()),
                    "a console's attempt is in the chief's access log");
            assertTrue(log.stream().anyMatch(a -> a.getReason().equals("走访前查看") && !a.getRefused()));
            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> register(assigned).registerKeyPerson(
                    RegisterKeyPersonRequest.newBuilder().setPerson(p).setIdempotencyKey("kp-2").build())),
                    "only the chief registers");

            long head = hub.hub().lastSequence();
            stream.await(e -> e.getSequence() == head, Duration.ofSeconds(10));
            for (Event e : stream.events()) {
                assertFalse(new String(e.toByteArray(), StandardCharsets.UTF_8).contains("张某某"),
                        "the console stream carries no key person: " + e.getSequence());
            }
            assertTrue(stream.events().stream().anyMatch(e -> e.getKindCase() == Event.KindCase.KIND_NOT_SET),
                    "their events are there, redacted, so the stream has no gap");
        }
        List<String> accesses = new ArrayList<>();
        try (Database db = Database.openH2(config.dataDir())) {
            new EventStore(db).forEach(stored -> {
                try {
                    Event e = Event.parseFrom(stored.body());
                    if (e.hasKeyPersonAccessed()) {
                        accesses.add(e.getActor().getUserId() + " " + e.getKeyPersonAccessed().getHow() + " "
                                + e.getKeyPersonAccessed().getPersonIdsList()
                                + (e.getKeyPersonAccessed().getRefused() ? " refused" : ""));
                    }
                } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                    throw new AssertionError(ex);
                }
            });
        }
        assertEquals(List.of("u-cd-co1 get [P-0001]", "u-cd-co1 list [P-0001]", "u-cx-co1 get [] refused",
                "u-cx-co1 list []", "duty1 get [] refused", "duty1 list [] refused", "u-cx-co1 get [] refused",
                "u-cx-co1 get [] refused"), accesses,
                "every read and every refused attempt is in the log, with who read whom");
    }

    private static KeyPersonServiceGrpc.KeyPersonServiceBlockingStub register(HubClient c) {
        return KeyPersonServiceGrpc.newBlockingStub(c.channel()).withCallCredentials(HubClient.bearer(c.login().getAccessToken()))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Status.Code refusal(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
    }
}
