package commandroom.server.loop;

import com.google.protobuf.Timestamp;
import commandroom.v1.CaseStatus;
import commandroom.v1.DisputeCase;
import commandroom.v1.Event;
import commandroom.v1.FollowUpVisit;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.Party;
import commandroom.v1.ResultCode;
import commandroom.v1.Task;
import commandroom.v1.VisitResult;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dispute case files as the log makes them: opened, mediated, settled with their follow-up
 * visits, and what those visits found (read from the closing feedback of each visit's task: a
 * relapse reopens the case; every visit stable closes it). A dispute reported later at a case's
 * address or from one of its parties' phones is filed in that case as a repeat call. Part of
 * {@link HubState}; changed only by the {@link Projector}.
 */
public final class CaseBook {

    private final Map<String, DisputeCase> cases = new LinkedHashMap<>();
    private final Map<String, String> byAddress = new HashMap<>();
    private final Map<String, String> byPhone = new HashMap<>();

    public Optional<DisputeCase> get(String id) {
        return Optional.ofNullable(cases.get(id));
    }

    public Collection<DisputeCase> all() {
        return cases.values();
    }

    public int count() {
        return cases.size();
    }

    /** Applies the event if it concerns casework; returns the case it changed, or null. */
    DisputeCase apply(HubState s, Event e) {
        return switch (e.getKindCase()) {
            case CASE_OPENED -> opened(s, e.getCaseOpened().getDisputeCase());
            case MEDIATION_RECORDED -> put(cases.get(e.getMediationRecorded().getCaseId()).toBuilder()
                    .addSessions(e.getMediationRecorded().getSession()));
            case CASE_SETTLED -> {
                var c = e.getCaseSettled();
                DisputeCase.Builder b = cases.get(c.getCaseId()).toBuilder().setStatus(CaseStatus.CASE_STATUS_SETTLED)
                        .setAgreement(c.getAgreement()).setSettledAt(e.getTime())
                        .clearVisits().addAllVisits(c.getVisitsList());
                if (!b.hasFirstSettledAt()) {
                    b.setFirstSettledAt(e.getTime());
                }
                yield put(b);
            }
            case TASK_DISPATCHED -> visitTask(e.getTaskDispatched().getTask());
            case TASK_CANCELLED -> visitCancelled(s.tasks.get(e.getTaskCancelled().getTaskId()));
            case TASK_CLOSED -> visitClosed(s.tasks.get(e.getTaskClosed().getTaskId()), e.getTime());
            case INCIDENT_REPORTED -> repeatCall(s, e.getIncidentReported().getIncident());
            default -> null;
        };
    }

    private DisputeCase opened(HubState s, DisputeCase c) {
        cases.put(c.getId(), c);
        index(c);
        for (String incidentId : c.getIncidentIdsList()) {
            Incident i = s.incidents.get(incidentId);
            s.incidents.put(incidentId, i.toBuilder().setCaseId(c.getId()).build());
        }
        return c;
    }

    /** A new dispute at a case's address or from a party's phone is filed in that case. */
    private DisputeCase repeatCall(HubState s, Incident incident) {
        if (incident.getType() != IncidentType.INCIDENT_TYPE_DISPUTE) {
            return null;
        }
        String caseId = byAddress.get(address(incident.getAddress()));
        if (caseId == null && !incident.getReporter().getPhone().isBlank()) {
            caseId = byPhone.get(phone(incident.getReporter().getPhone()));
        }
        if (caseId == null) {
            return null;
        }
        s.incidents.put(incident.getId(), s.incidents.get(incident.getId()).toBuilder().setCaseId(caseId)
                .setRepeatCall(true).build());
        return put(cases.get(caseId).toBuilder().addIncidentIds(incident.getId()).addRepeatIncidentIds(incident.getId()));
    }

    private DisputeCase visitTask(Task t) {
        int k = visitIndex(t);
        if (k < 0) {
            return null;
        }
        DisputeCase.Builder b = cases.get(t.getCaseId()).toBuilder();
        b.setVisits(k, b.getVisits(k).toBuilder().setTaskId(t.getId()));
        return put(b);
    }

    private DisputeCase visitCancelled(Task t) {
        int k = visitIndex(t);
        if (k < 0) {
            return null;
        }
        // The visit is still owed: the follow-up clock hands it out again.
        DisputeCase.Builder b = cases.get(t.getCaseId()).toBuilder();
        b.setVisits(k, b.getVisits(k).toBuilder().clearTaskId());
        return put(b);
    }

    private DisputeCase visitClosed(Task t, Timestamp at) {
        int k = visitIndex(t);
        if (k < 0) {
            return null;
        }
        DisputeCase.Builder b = cases.get(t.getCaseId()).toBuilder();
        boolean relapsed = t.getFeedback().getResultCode() == ResultCode.RESULT_CODE_UNRESOLVED;
        b.setVisits(k, b.getVisits(k).toBuilder().setDoneAt(at)
                .setResult(relapsed ? VisitResult.VISIT_RESULT_RELAPSED : VisitResult.VISIT_RESULT_STABLE));
        if (relapsed) {
            b.setStatus(CaseStatus.CASE_STATUS_OPEN).setReopenedCount(b.getReopenedCount() + 1);
            for (int v = 0; v < b.getVisitsCount(); v++) {
                if (b.getVisits(v).getResult() == VisitResult.VISIT_RESULT_UNSPECIFIED && b.getVisits(v).getTaskId().isEmpty()) {
                    b.setVisits(v, b.getVisits(v).toBuilder().setResult(VisitResult.VISIT_RESULT_CANCELLED));
                }
            }
        } else if (b.getStatus() == CaseStatus.CASE_STATUS_SETTLED
                && b.getVisitsList().stream().allMatch(v -> v.getResult() == VisitResult.VISIT_RESULT_STABLE)) {
            b.setStatus(CaseStatus.CASE_STATUS_CLOSED).setClosedAt(at);
        }
        return put(b);
    }

    /** The visit's place in its case, or -1 if the task is no visit of the case's current settlement. */
    private int visitIndex(Task t) {
        if (t == null || t.getCaseId().isEmpty() || !cases.containsKey(t.getCaseId())) {
            return -1;
        }
        var visits = cases.get(t.getCaseId()).getVisitsList();
        for (int k = 0; k < visits.size(); k++) {
            FollowUpVisit v = visits.get(k);
            if (v.getId().equals(t.getVisitId()) && v.getResult() == VisitResult.VISIT_RESULT_UNSPECIFIED) {
                return k;
            }
        }
        return -1;
    }

    private DisputeCase put(DisputeCase.Builder b) {
        DisputeCase c = b.setVersion(b.getVersion() + 1).build();
        cases.put(c.getId(), c);
        return c;
    }

    private void index(DisputeCase c) {
        String a = address(c.getAddress());
        if (!a.isEmpty()) {
            byAddress.put(a, c.getId());
        }
        for (Party p : c.getPartiesList()) {
            if (!p.getPhone().isBlank()) {
                byPhone.put(phone(p.getPhone()), c.getId());
            }
        }
    }

    /** An address as compared: without spaces and punctuation, half-width, lower case. */
    static String address(String a) {
        StringBuilder b = new StringBuilder(a.length());
        a.codePoints().map(cp -> cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp)
                .filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString().toLowerCase(Locale.ROOT);
    }

    static String phone(String p) {
        return p.replaceAll("[^0-9]", "");
    }
}
