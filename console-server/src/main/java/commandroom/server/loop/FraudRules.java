package commandroom.server.loop;

import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.FraudWarning;
import commandroom.v1.ImportWarningsRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.Reporter;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStep;
import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The anti-fraud list: each person becomes an incident and a dissuasion task for the zone's
 * community officer, who must sign for it within 10 minutes and answer within 2 hours (the
 * centre's rule: a person being defrauded is reached the same morning). Rows are keyed by the
 * list's source and their place in it, so a list taken in twice writes nothing the second time.
 * Stateless.
 */
public final class FraudRules {

    static final Duration SIGN_FOR = Duration.ofMinutes(10);
    static final Duration ANSWER = Duration.ofHours(2);

    private FraudRules() {}

    /** Checks every row against the state before anything is written: the zone exists and has a community officer. */
    public static List<Unit> officers(HubState s, ImportWarningsRequest r) {
        return java.util.stream.IntStream.range(0, r.getWarningsCount()).mapToObj(i -> {
            String zone = r.getWarnings(i).getZoneId();
            if (s.zone(zone).isEmpty()) {
                throw HubException.notFound("warnings[" + i + "].zone_id", "zone", zone);
            }
            // The zone's community officer on duty; else any officer of the zone on duty: a person
            // being defrauded is reached the same morning, whoever's shift it is.
            java.util.function.Predicate<Unit> working = u -> u.getStatus() != commandroom.v1.UnitStatus.UNIT_STATUS_OFF_DUTY
                    && u.getStatus() != commandroom.v1.UnitStatus.UNIT_STATUS_OUT_OF_SERVICE && u.getZoneId().equals(zone);
            return s.units().stream().filter(working).filter(u -> u.getKind() == UnitKind.UNIT_KIND_COMMUNITY_OFFICER)
                    .findFirst().or(() -> s.units().stream().filter(working)
                            .filter(u -> u.getKind() == UnitKind.UNIT_KIND_AUXILIARY_OFFICER).findFirst())
                    .orElseThrow(() -> HubException.precondition("zone " + zone + " has no community or auxiliary officer"
                            + " on duty (warnings[" + i + "])"));
        }).toList();
    }

    /** The key of one row's writes. */
    public static String key(ImportWarningsRequest r, int row) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(r.getSource().getBytes(StandardCharsets.UTF_8));
            return "fraud:" + HexFormat.of().formatHex(d, 0, 12) + ":" + row;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static ReportIncidentRequest incident(ImportWarningsRequest r, int row, Unit officer) {
        FraudWarning w = r.getWarnings(row);
        return ReportIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_FRAUD_WARNING)
                .setPriority(Priority.PRIORITY_URGENT).setPosition(officer.getPosition()).setZoneId(w.getZoneId())
                .setAddress(w.getAddress()).setReporter(Reporter.newBuilder().setName(w.getName()).setPhone(w.getPhone()))
                // The person stays in the reporter and address, which the log seals; the summary,
                // shown to every desk, says what and whence only.
                .setSummary("电诈预警" + (w.getRisk().isEmpty() ? "" : "：" + w.getRisk()) + "。来源：" + r.getSource())
                .setIdempotencyKey(key(r, row) + ":incident").build();
    }

    public static DispatchTaskRequest task(ImportWarningsRequest r, int row, String incidentId, Unit officer) {
        FraudWarning w = r.getWarnings(row);
        return DispatchTaskRequest.newBuilder().setIncidentId(incidentId).setKind(TaskKind.TASK_KIND_DISSUADE)
                .addUnitIds(officer.getId())
                .setInstruction("立即联系并劝阻：" + w.getName() + "，" + w.getPhone() + "，" + w.getAddress()
                        + "。反馈结果：已劝阻 / 联系不上 / 已被骗")
                .addDeadlines(TaskRules.override(TaskStep.TASK_STEP_SIGN_FOR, SIGN_FOR))
                .addDeadlines(TaskRules.override(TaskStep.TASK_STEP_ARRIVE, ANSWER))
                .addDeadlines(TaskRules.override(TaskStep.TASK_STEP_FEEDBACK, ANSWER))
                .setIdempotencyKey(key(r, row) + ":task").build();
    }
}
