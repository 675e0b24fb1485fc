package commandroom.server.loop;

import commandroom.v1.CaseOpened;
import commandroom.v1.CaseSettled;
import commandroom.v1.CaseStatus;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.DisputeCase;
import commandroom.v1.Event;
import commandroom.v1.FollowUpVisit;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.MediationOutcome;
import commandroom.v1.MediationRecorded;
import commandroom.v1.MediationSession;
import commandroom.v1.OpenCaseRequest;
import commandroom.v1.RecordMediationRequest;
import commandroom.v1.SettleCaseRequest;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStep;
import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import commandroom.v1.VisitMode;
import commandroom.v1.VisitResult;
import commandroom.v1.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rules of the dispute case file: open it for a reported dispute, record mediation sessions,
 * settle it (which schedules the follow-up visits), and hand a due visit to the zone's community
 * officer as a follow-up task. The request's shape was checked by the API layer. Thread-safe.
 */
public final class CaseRules {

    /**
     * A visit is planned work due on a day, not an emergency: the officer signs for it within two
     * hours and makes and reports it within the day (the same day the figures count as on time).
     */
    static final Duration VISIT_SIGN_FOR = Duration.ofHours(2);
    static final Duration VISIT_MADE = Duration.ofHours(24);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final FollowUpPolicy policy;
    private final TaskRules tasks;

    public CaseRules(FollowUpPolicy policy, TaskRules tasks) {
        this.policy = policy;
        this.tasks = tasks;
    }

    /** A visit that is due and not yet handed out. */
    public record DueVisit(String caseId, String visitId) {}

    public Hub.Decision open(OpenCaseRequest r) {
        return (s, now) -> {
            Incident incident = s.incident(r.getIncidentId())
                    .orElseThrow(() -> HubException.notFound("incident_id", "incident", r.getIncidentId()));
            if (incident.getType() != IncidentType.INCIDENT_TYPE_DISPUTE) {
                throw HubException.precondition("incident " + incident.getId() + " is not a dispute");
            }
            if (!incident.getCaseId().isEmpty()) {
                throw HubException.precondition("incident " + incident.getId() + " is already filed in case "
                        + incident.getCaseId() + (incident.getRepeatCall() ? " (a repeat call)" : ""));
            }
            String id = String.format("C-%s-%04d", DAY.format(now.atZone(IncidentRules.STATION_TIME)),
                    s.cases().count() + 1);
            DisputeCase c = DisputeCase.newBuilder().setId(id).addIncidentIds(incident.getId())
                    .addAllParties(r.getPartiesList()).setCategory(r.getCategory()).setAddress(incident.getAddress())
                    .setZoneId(incident.getZoneId()).setRiskGrade(r.getRiskGrade()).setRoute(r.getRoute())
                    .setStatus(CaseStatus.CASE_STATUS_OPEN).setOpenedAt(TaskRules.ts(now)).build();
            return Event.newBuilder().setCaseOpened(CaseOpened.newBuilder().setDisputeCase(c));
        };
    }

    public Hub.Decision mediate(RecordMediationRequest r) {
        return (s, now) -> {
            DisputeCase c = openCase(s, r.getCaseId(), r.getExpectedVersion());
            MediationSession session = MediationSession.newBuilder().setNumber(c.getSessionsCount() + 1)
                    .setOutcome(r.getOutcome()).setMediator(r.getMediator()).setNote(r.getNote())
                    .setRecordedAt(TaskRules.ts(now)).build();
            return Event.newBuilder().setMediationRecorded(
                    MediationRecorded.newBuilder().setCaseId(c.getId()).setSession(session));
        };
    }

    public Hub.Decision settle(SettleCaseRequest r) {
        return (s, now) -> {
            DisputeCase c = openCase(s, r.getCaseId(), r.getExpectedVersion());
            if (c.getSessionsCount() == 0
                    || c.getSessions(c.getSessionsCount() - 1).getOutcome() != MediationOutcome.MEDIATION_OUTCOME_AGREED) {
                throw HubException.precondition("case " + c.getId() + " has no agreed mediation to settle on");
            }
            FollowUpPolicy.Plan plan = policy.plan(c.getRiskGrade());
            int settlement = c.getReopenedCount() + 1;
            List<FollowUpVisit> visits = new ArrayList<>();
            for (Duration after : plan.after()) {
                visits.add(FollowUpVisit.newBuilder().setId("S" + settlement + "V" + (visits.size() + 1))
                        .setMode(plan.mode()).setDue(TaskRules.ts(now.plus(after))).build());
            }
            return Event.newBuilder().setCaseSettled(CaseSettled.newBuilder().setCaseId(c.getId())
                    .setAgreement(r.getAgreement()).addAllVisits(visits));
        };
    }

    /** Visits due by now and not yet handed out, oldest first. */
    public static List<DueVisit> due(HubState s, Instant now) {
        List<DueVisit> out = new ArrayList<>();
        for (DisputeCase c : s.cases().all()) {
            if (c.getStatus() != CaseStatus.CASE_STATUS_SETTLED) {
                continue;
            }
            for (FollowUpVisit v : c.getVisitsList()) {
                if (v.getTaskId().isEmpty() && v.getResult() == VisitResult.VISIT_RESULT_UNSPECIFIED
                        && !Projector.toInstant(v.getDue()).isAfter(now)) {
                    out.add(new DueVisit(c.getId(), v.getId()));
                }
            }
        }
        return out;
    }

    /**
     * Hands a due visit to the case zone's community officer (any community officer when the zone
     * has none) as a follow-up task about the case's first incident; nothing if it was handed out
     * meanwhile.
     */
    public Hub.Decision dispatchVisit(DueVisit due, Actor actor) {
        return (s, now) -> {
            DisputeCase c = s.cases().get(due.caseId()).orElse(null);
            FollowUpVisit visit = c == null ? null : c.getVisitsList().stream()
                    .filter(v -> v.getId().equals(due.visitId())).findFirst().orElse(null);
            if (visit == null || !visit.getTaskId().isEmpty() || visit.getResult() != VisitResult.VISIT_RESULT_UNSPECIFIED
                    || c.getStatus() != CaseStatus.CASE_STATUS_SETTLED) {
                return null;
            }
            Unit officer = communityOfficer(s, c.getZoneId())
                    .orElseThrow(() -> HubException.precondition("no community officer to visit case " + c.getId()));
            String how = visit.getMode() == VisitMode.VISIT_MODE_PHONE ? "电话回访" : "上门回访";
            DispatchTaskRequest request = DispatchTaskRequest.newBuilder().setIncidentId(c.getIncidentIds(0))
                    .setKind(TaskKind.TASK_KIND_FOLLOW_UP).addUnitIds(officer.getId())
                    .setInstruction(how + "：" + c.getId() + "，" + c.getAddress() + "。协议：" + c.getAgreement())
                    .addDeadlines(TaskRules.override(TaskStep.TASK_STEP_SIGN_FOR, VISIT_SIGN_FOR))
                    .addDeadlines(TaskRules.override(TaskStep.TASK_STEP_ARRIVE, VISIT_MADE))
                    .addDeadlines(TaskRules.override(TaskStep.TASK_STEP_FEEDBACK, VISIT_MADE))
                    .build();
            Event.Builder e = tasks.dispatch(request, actor).decide(s, now);
            e.getTaskDispatchedBuilder().getTaskBuilder().setCaseId(c.getId()).setVisitId(visit.getId());
            return e;
        };
    }

    private static Optional<Unit> communityOfficer(HubState s, String zoneId) {
        Comparator<Unit> inZoneFirst = Comparator.comparing(u -> !u.getZoneId().equals(zoneId));
        return s.units().stream().filter(u -> u.getKind() == UnitKind.UNIT_KIND_COMMUNITY_OFFICER)
                .min(inZoneFirst.thenComparing(Unit::getId));
    }

    /** The case, checked to exist, to be open and at the version the caller saw (0 skips). */
    private static DisputeCase openCase(HubState s, String id, long expectedVersion) {
        DisputeCase c = s.cases().get(id).orElseThrow(() -> HubException.notFound("case_id", "case", id));
        if (expectedVersion != 0 && expectedVersion != c.getVersion()) {
            throw HubException.stale("expected_version", expectedVersion, c.getVersion());
        }
        if (c.getStatus() != CaseStatus.CASE_STATUS_OPEN) {
            throw HubException.precondition("case " + id + " is " + c.getStatus().name().substring(12).toLowerCase()
                    + ", not open");
        }
        return c;
    }
}
