package commandroom.bench.security;

import commandroom.server.privacy.PersonalFields;
import commandroom.server.privacy.PersonalKey;
import commandroom.server.privacy.PersonalView;
import commandroom.server.privacy.SealedStrings;
import commandroom.server.privacy.SealedText.Register;
import commandroom.v1.Event;
import commandroom.v1.Incident;
import commandroom.v1.IncidentReported;
import commandroom.v1.IncidentType;
import commandroom.v1.Position;
import commandroom.v1.Reporter;
import commandroom.v1.Snapshot;
import commandroom.v1.Task;
import commandroom.v1.TaskDispatched;
import commandroom.v1.TaskKind;
import commandroom.v1.UnitPositionReported;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Locale;

/**
 * What opening and masking sealed personal data costs the hub on the way out, beside what the same
 * messages cost to serialize (which gRPC pays for every message anyway): a snapshot of a busy
 * station (10,000 incidents and 10,000 tasks, one in ten from the fraud list, sealed as the log
 * holds them) and the stream's commonest event, a position report. Prints one line per case.
 *
 * <p>Run: {@code ./mvnw -q -B -pl console-bench compile exec:exec -Dexec.executable=java
 * -Dexec.args="-cp %classpath commandroom.bench.security.PersonalViewBench"}
 */
public final class PersonalViewBench {

    private PersonalViewBench() {}

    public static void main(String[] args) {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        PersonalKey key = PersonalKey.of(secret);
        PersonalFields fields = new PersonalFields(key);
        Snapshot.Builder snap = Snapshot.newBuilder();
        for (int i = 0; i < incidents; i++) {
            boolean fraud = i % 10 == 0;
            Event.Builder reported = Event.newBuilder().setIncidentReported(IncidentReported.newBuilder().setIncident(
                    Incident.newBuilder().setId("I-" + i).setType(fraud ? IncidentType.INCIDENT_TYPE_FRAUD_WARNING
                                    : IncidentType.INCIDENT_TYPE_DISPUTE).setAddress("城关镇人民路" + i + "号")
                            .setSummary("邻里纠纷，双方争吵").setReporter(Reporter.newBuilder().setName("张三")
                                    .setPhone("138" + String.format("%08d", i)))));
            fields.seal(reported);
            snap.addIncidents(reported.getIncidentReported().getIncident());
            Event.Builder dispatched = Event.newBuilder().setTaskDispatched(TaskDispatched.newBuilder().setTask(
                    Task.newBuilder().setId("T-" + i).setIncidentId("I-" + i)
                            .setKind(fraud ? TaskKind.TASK_KIND_DISSUADE : TaskKind.TASK_KIND_RESPOND)
                            .setInstruction("立即联系并劝阻：张三，138" + i).setIncidentAddress("城关镇人民路" + i + "号")));
            fields.seal(dispatched);
            snap.addTasks(dispatched.getTaskDispatched().getTask());
        }
        Snapshot snapshot = snap.build();
        Event position = Event.newBuilder().setSequence(1).setUnitPositionReported(UnitPositionReported.newBuilder()
                .setUnitId("u-car1").setPosition(Position.newBuilder().setLatitude(30.5).setLongitude(119.9))).build();

        PersonalView masked = new PersonalView(key, EnumSet.noneOf(Register.class));
        PersonalView readable = new PersonalView(key, EnumSet.of(Register.FRAUD_LIST));
        for (int warm = 0; warm < 5; warm++) {
            snapshot.toByteArray();
            SealedStrings.rewrite(snapshot, masked);
            SealedStrings.rewrite(snapshot, readable);
        }
        System.out.printf(Locale.ROOT, "snapshot of %,d incidents + %,d tasks (%,d bytes)%n", incidents, incidents,
                snapshot.getSerializedSize());
        System.out.printf(Locale.ROOT, "  baseline: serialize           %7.1f ms%n", millis(snapshot::toByteArray, 10));
        System.out.printf(Locale.ROOT, "  masked (duty officer)         %7.1f ms%n",
                millis(() -> SealedStrings.rewrite(snapshot, masked), 10));
        System.out.printf(Locale.ROOT, "  opened (shift leader)         %7.1f ms%n",
                millis(() -> SealedStrings.rewrite(snapshot, readable), 10));
        int n = 1_000_000;
        for (int warm = 0; warm < n; warm++) {
            position.toByteArray();
            SealedStrings.rewrite(position, masked);
        }
        System.out.printf(Locale.ROOT, "position report, per event%n");
        System.out.printf(Locale.ROOT, "  baseline: serialize           %7.0f ns%n", millis(position::toByteArray, n) * 1e6);
        System.out.printf(Locale.ROOT, "  walked for sealed values      %7.0f ns%n",
                millis(() -> SealedStrings.rewrite(position, masked), n) * 1e6);
    }

    private static double millis(Runnable r, int times) {
        long t0 = System.nanoTime();
        for (int i = 0; i < times; i++) {
            r.run();
        }
        return (System.nanoTime() - t0) / 1e6 / times;
    }
}
