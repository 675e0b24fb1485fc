package commandroom.server.casework;

import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.v1.DisputeCase;
import commandroom.v1.DisputeCategory;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.MediationOutcome;
import commandroom.v1.MediationRoute;
import commandroom.v1.OpenCaseRequest;
import commandroom.v1.Party;
import commandroom.v1.Priority;
import commandroom.v1.RecordMediationRequest;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Reporter;
import commandroom.v1.RiskGrade;
import commandroom.v1.SettleCaseRequest;
import java.util.UUID;

/** What the room's people do with a dispute, over gRPC, as the tests need it said once. */
final class Disputes {

    private Disputes() {}

    static Incident report(HubClient duty, String address, String phone) {
        return duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                .setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_NORMAL)
                .setPosition(TestCounty.pos(30.5452, 119.9655)).setAddress(address)
                .setReporter(Reporter.newBuilder().setName("报警人").setPhone(phone))
                .setSummary("邻里纠纷").setIdempotencyKey(key()).build()).getIncident();
    }

    static DisputeCase open(HubClient duty, Incident incident, RiskGrade grade, String... phones) {
        OpenCaseRequest.Builder r = OpenCaseRequest.newBuilder().setIncidentId(incident.getId())
                .setCategory(DisputeCategory.DISPUTE_CATEGORY_NEIGHBOUR).setRiskGrade(grade)
                .setRoute(MediationRoute.MEDIATION_ROUTE_SUPPORT).setIdempotencyKey(key());
        for (int i = 0; i < phones.length; i++) {
            r.addParties(Party.newBuilder().setName("当事人" + (i + 1)).setPhone(phones[i]));
        }
        return duty.cases().openCase(r.build()).getDisputeCase();
    }

    static DisputeCase mediate(HubClient leader, String caseId, MediationOutcome outcome) {
        return leader.cases().recordMediation(RecordMediationRequest.newBuilder().setCaseId(caseId)
                .setOutcome(outcome).setMediator("李明").setNote("双方到场").setIdempotencyKey(key()).build())
                .getDisputeCase();
    }

    static DisputeCase settle(HubClient leader, String caseId) {
        return leader.cases().settleCase(SettleCaseRequest.newBuilder().setCaseId(caseId)
                .setAgreement("噪音 22 点后停止，赔偿 500 元").setIdempotencyKey(key()).build()).getDisputeCase();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
