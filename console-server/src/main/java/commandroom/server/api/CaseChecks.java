package commandroom.server.api;

import com.google.protobuf.Timestamp;
import commandroom.v1.GetFiguresRequest;
import commandroom.v1.RecordFiguresExportRequest;
import commandroom.v1.OpenCaseRequest;
import commandroom.v1.Party;
import commandroom.v1.RecordMediationRequest;
import commandroom.v1.SettleCaseRequest;
import java.time.Duration;
import java.time.Instant;

/** The shape of casework requests (what needs the hub's state is checked by CaseRules). Stateless. */
final class CaseChecks {

    private static final Duration MAX_PERIOD = Duration.ofDays(2 * 366);

    private CaseChecks() {}

    static void check(OpenCaseRequest r) {
        Violations v = new Violations().id("incident_id", r.getIncidentId()).known("category", r.getCategory())
                .known("risk_grade", r.getRiskGrade()).known("route", r.getRoute())
                .key("idempotency_key", r.getIdempotencyKey());
        if (r.getPartiesCount() < 1 || r.getPartiesCount() > 10) {
            v.add("parties", "needs 1 to 10 parties, has " + r.getPartiesCount());
        }
        for (int i = 0; i < Math.min(r.getPartiesCount(), 10); i++) {
            Party p = r.getParties(i);
            v.text("parties[" + i + "].name", p.getName(), 1, 100).text("parties[" + i + "].phone", p.getPhone(), 0, 30);
        }
        v.throwIfAny();
    }

    static void check(RecordMediationRequest r) {
        new Violations().id("case_id", r.getCaseId()).known("outcome", r.getOutcome())
                .text("mediator", r.getMediator(), 1, 100).text("note", r.getNote(), 0, 2000)
                .key("idempotency_key", r.getIdempotencyKey()).throwIfAny();
    }

    static void check(SettleCaseRequest r) {
        new Violations().id("case_id", r.getCaseId()).text("agreement", r.getAgreement(), 1, 4000)
                .key("idempotency_key", r.getIdempotencyKey()).throwIfAny();
    }

    static void check(GetFiguresRequest r) {
        Violations v = new Violations();
        figures(r, "", v);
        v.throwIfAny();
    }

    static void check(RecordFiguresExportRequest r) {
        Violations v = new Violations();
        if (!r.hasFigures()) {
            v.add("figures", "is required");
        } else {
            figures(r.getFigures(), "figures.", v);
        }
        v.known("format", r.getFormat()).text("reason", r.getReason().strip(), 2, 200)
                .key("idempotency_key", r.getIdempotencyKey()).throwIfAny();
    }

    /** The figures asked for; field names after the prefix. */
    private static void figures(GetFiguresRequest r, String at, Violations v) {
        if (!r.hasFrom()) {
            v.add(at + "from", "is required");
        }
        if (!r.hasTo()) {
            v.add(at + "to", "is required");
        }
        if (r.hasFrom()) {
            v.time(at + "from", r.getFrom());
        }
        if (r.hasTo()) {
            v.time(at + "to", r.getTo());
        }
        if (r.hasFrom() && r.hasTo() && v.isEmpty()) {
            Instant from = instant(r.getFrom());
            Instant to = instant(r.getTo());
            if (!to.isAfter(from)) {
                v.add(at + "to", "must be after from");
            } else if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
                v.add(at + "to", "a period is at most 2 years");
            }
        }
        if (!r.getZoneId().isEmpty()) {
            v.id(at + "zone_id", r.getZoneId());
        }
        if (!r.getUnitId().isEmpty()) {
            v.id(at + "unit_id", r.getUnitId());
        }
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
