package commandroom.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.Durations;
import commandroom.server.store.Database;
import commandroom.server.store.EventStore;
import commandroom.server.store.StoredEvent;
import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.Event;
import commandroom.v1.FraudServiceGrpc;
import commandroom.v1.FraudWarning;
import commandroom.v1.GetKeyPersonRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.ImportWarningsRequest;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.KeyPerson;
import commandroom.v1.KeyPersonCategory;
import commandroom.v1.KeyPersonServiceGrpc;
import commandroom.v1.ListMyTasksRequest;
import commandroom.v1.RecordCheckInRequest;
import commandroom.v1.RegisterKeyPersonRequest;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Personal data is sealed at field level in the log: the database (and so every backup and copy of
 * it) holds the fraud list's people and the key persons sealed with a key it does not hold. Who
 * reads them: the shift leader, the chief and the assigned unit read the fraud list; key persons
 * are read through their service only; a duty officer and the IT admin see them masked (张**,
 * 138****5678), on a snapshot and on the stream alike, never the sealed text itself.
 */
class PersonalDataSealedTest {

    private static final String PHONE = "13812345678";
    private static final String NAME = "张三丰";
    private static final String HOUSE = "城关镇人民路12号3单元";
    private static final String KEY_PERSON = "李四光";
    private static final String PLAN = "每周见面，联系监护人";
    private static final String CHECK_IN = "本人在家，情绪稳定";

    @Test
    void theLogHoldsPeopleSealedAndEachDeskSeesWhatItsRoleNeeds() throws Exception {
        var config = TestHub.config(Backend.H2);
        try (TestHub hub = TestHub.start(Backend.H2, c -> config)) {
            try (HubClient leader = hub.login("leader1"); HubClient chief = hub.login("chief1");
                 HubClient officer = hub.login("u-cd-co1"); HubClient duty = hub.login("duty1");
                 HubClient admin = hub.login("admin1")) {
                EventCollector dutyStream = new EventCollector();
                duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), dutyStream);

                FraudServiceGrpc.newBlockingStub(leader.channel()).withCallCredentials(bearer(leader))
                        .withDeadlineAfter(20, TimeUnit.SECONDS).importWarnings(ImportWarningsRequest.newBuilder()
                                .setSource("县反诈中心 2026-12-07 第 1 批").addWarnings(FraudWarning.newBuilder().setName(NAME)
                                        .setPhone(PHONE).setAddress(HOUSE).setZoneId("z-cd").setRisk("冒充公检法")).build());
                KeyPerson p = keyPersons(chief).registerKeyPerson(RegisterKeyPersonRequest.newBuilder().setPerson(
                        KeyPerson.newBuilder().setName(KEY_PERSON).setCategory(KeyPersonCategory.KEY_PERSON_CATEGORY_MENTAL_HEALTH)
                                .setAddress("城东路 5 号").setZoneId("z-cd").setPlan(PLAN)
                                .setCheckInEvery(Durations.fromDays(7)).addAssignedUnitIds("u-cd-co1"))
                        .setIdempotencyKey("kp-sealed").build()).getPerson();
                assertEquals(KEY_PERSON, p.getName(), "the one who registers reads back what was registered");
                keyPersons(officer).recordCheckIn(RecordCheckInRequest.newBuilder().setPersonId(p.getId())
                        .setNote(CHECK_IN).setIdempotencyKey("ci-sealed").build());

                // Who needs the fraud list's person reads it whole.
                Incident forLeader = fraudIncident(leader);
                assertEquals(PHONE, forLeader.getReporter().getPhone());
                assertEquals(NAME, forLeader.getReporter().getName());
                assertEquals(HOUSE, forLeader.getAddress());
                assertTrue(dissuasion(leader).getInstruction().contains(PHONE));
                assertEquals(PHONE, fraudIncident(chief).getReporter().getPhone());
                Task mine = officer.field().listMyTasks(ListMyTasksRequest.getDefaultInstance()).getTasksList().stream()
                        .filter(t -> t.getKind() == TaskKind.TASK_KIND_DISSUADE).findFirst().orElseThrow();
                assertTrue(mine.getInstruction().contains(PHONE), "the unit sent to warn the person can call them");
                assertEquals(HOUSE, mine.getIncidentAddress());

                // Who does not, sees it masked: on the snapshot and on the stream.
                for (HubClient masked : List.of(duty, admin)) {
                    Incident i = fraudIncident(masked);
                    assertEquals("138****5678", i.getReporter().getPhone());
                    assertEquals("张**", i.getReporter().getName());
                    assertEquals("城关镇人民路…", i.getAddress(), "the township and road, not the house");
                    assertEquals("***", dissuasion(masked).getInstruction());
                    assertFalse(snapshot(masked).toString().contains("sealed:v1"), "never the sealed text itself");
                }
                Event reported = dutyStream.await(e -> e.hasIncidentReported() && e.getIncidentReported().getIncident()
                        .getType() == IncidentType.INCIDENT_TYPE_FRAUD_WARNING, Duration.ofSeconds(10));
                assertEquals("138****5678", reported.getIncidentReported().getIncident().getReporter().getPhone());
                Event dispatched = dutyStream.await(e -> e.hasTaskDispatched()
                        && e.getTaskDispatched().getTask().getKind() == TaskKind.TASK_KIND_DISSUADE, Duration.ofSeconds(10));
                assertEquals("***", dispatched.getTaskDispatched().getTask().getInstruction());

                // Key persons: read through their service, where the read is logged.
                KeyPerson read = keyPersons(chief).getKeyPerson(GetKeyPersonRequest.newBuilder().setPersonId(p.getId())
                        .setReason("审阅").build()).getPerson();
                assertEquals(KEY_PERSON, read.getName());
                assertEquals(PLAN, read.getPlan());
                assertEquals(CHECK_IN, read.getCheckIns(0).getNote());
            }

            // What the database holds: the people sealed, in every event.
            List<StoredEvent> stored;
            try (Database db = Database.openH2(hub.config().dataDir())) {
                stored = new EventStore(db).read(1, Long.MAX_VALUE, Integer.MAX_VALUE);
            }
            int sealed = 0;
            for (StoredEvent s : stored) {
                String body = new String(s.body(), StandardCharsets.UTF_8);
                for (String secret : List.of(PHONE, NAME, HOUSE, KEY_PERSON, PLAN, CHECK_IN)) {
                    assertFalse(body.contains(secret), "event " + s.sequence() + " holds " + secret + " in the clear");
                }
                sealed += body.contains("sealed:v1:") ? 1 : 0;
            }
            assertTrue(sealed >= 4, "the incident, the task, the person and the check-in are sealed: " + sealed);

            // The key stays with the hub across a restart; without it, nothing is shown and nothing breaks.
            hub.restart();
            try (HubClient leader = hub.login("leader1")) {
                assertEquals(PHONE, fraudIncident(leader).getReporter().getPhone());
            }
        }
        var otherKey = Files.createTempDirectory("other-key").resolve("personal-key");
        try (TestHub hub = TestHub.start(Backend.H2, c -> config.withPersonalKeyFile(otherKey));
             HubClient leader = hub.login("leader1")) {
            assertEquals("***", fraudIncident(leader).getReporter().getPhone(),
                    "a hub without the key that sealed a value shows it hidden");
        }
    }

    private static commandroom.v1.Snapshot snapshot(HubClient c) {
        return c.command().withDeadlineAfter(20, TimeUnit.SECONDS).getSnapshot(GetSnapshotRequest.getDefaultInstance());
    }

    private static Incident fraudIncident(HubClient c) {
        return snapshot(c).getIncidentsList().stream()
                .filter(i -> i.getType() == IncidentType.INCIDENT_TYPE_FRAUD_WARNING).findFirst().orElseThrow();
    }

    private static Task dissuasion(HubClient c) {
        return snapshot(c).getTasksList().stream().filter(t -> t.getKind() == TaskKind.TASK_KIND_DISSUADE)
                .findFirst().orElseThrow();
    }

    private static KeyPersonServiceGrpc.KeyPersonServiceBlockingStub keyPersons(HubClient c) {
        return KeyPersonServiceGrpc.newBlockingStub(c.channel()).withCallCredentials(bearer(c))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    private static io.grpc.CallCredentials bearer(HubClient c) {
        return HubClient.bearer(c.login().getAccessToken());
    }
}
