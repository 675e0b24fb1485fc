package commandroom.app.connection;

import commandroom.app.model.DisputeItem;
import commandroom.v1.CaseServiceGrpc;
import commandroom.v1.DisputeCase;
import commandroom.v1.DisputeCategory;
import commandroom.v1.ListCasesRequest;
import commandroom.v1.MediationOutcome;
import commandroom.v1.MediationRoute;
import commandroom.v1.OpenCaseRequest;
import commandroom.v1.Party;
import commandroom.v1.RecordMediationRequest;
import commandroom.v1.RiskGrade;
import commandroom.v1.SettleCaseRequest;
import commandroom.v1.VisitResult;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Dispute case files with the hub: list, open, record a mediation, settle. Enum values go in and
 * out as the hub's names without their prefix (see {@link DisputeItem}). Calls run off the FX
 * thread with a deadline; refusals complete the future with a {@link CommandFailure}. Thread-safe.
 */
public final class CaseClient {

    private final HubSession session;
    private final Executor executor;

    public CaseClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    /** Every case file, newest first. */
    public CompletableFuture<List<DisputeItem>> list() {
        return HubCalls.async(executor, () -> stub().listCases(ListCasesRequest.getDefaultInstance())
                .getCasesList().stream().map(CaseClient::item).toList());
    }

    /** Files a reported dispute. */
    public CompletableFuture<DisputeItem> open(String incidentId, List<DisputeItem.Party> parties, String category,
                                               String grade, String route) {
        OpenCaseRequest.Builder b = OpenCaseRequest.newBuilder().setIncidentId(incidentId)
                .setCategory(DisputeCategory.valueOf("DISPUTE_CATEGORY_" + category))
                .setRiskGrade(RiskGrade.valueOf("RISK_GRADE_" + grade))
                .setRoute(MediationRoute.valueOf("MEDIATION_ROUTE_" + route)).setIdempotencyKey(key());
        parties.forEach(p -> b.addParties(Party.newBuilder().setName(p.name()).setPhone(p.phone())));
        return HubCalls.async(executor, () -> item(stub().openCase(b.build()).getDisputeCase()));
    }

    /** Records a session of the case at the version the user saw. */
    public CompletableFuture<DisputeItem> mediate(DisputeItem c, boolean agreed, String mediator, String note) {
        return HubCalls.async(executor, () -> item(stub().recordMediation(RecordMediationRequest.newBuilder()
                .setCaseId(c.id()).setExpectedVersion(c.version())
                .setOutcome(agreed ? MediationOutcome.MEDIATION_OUTCOME_AGREED : MediationOutcome.MEDIATION_OUTCOME_NOT_AGREED)
                .setMediator(mediator).setNote(note).setIdempotencyKey(key()).build()).getDisputeCase()));
    }

    /** Records the agreement; the hub schedules the follow-up visits. */
    public CompletableFuture<DisputeItem> settle(DisputeItem c, String agreement) {
        return HubCalls.async(executor, () -> item(stub().settleCase(SettleCaseRequest.newBuilder()
                .setCaseId(c.id()).setExpectedVersion(c.version()).setAgreement(agreement)
                .setIdempotencyKey(key()).build()).getDisputeCase()));
    }

    private CaseServiceGrpc.CaseServiceBlockingStub stub() {
        return CaseServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    static DisputeItem item(DisputeCase c) {
        return new DisputeItem(c.getId(), c.getIncidentIdsList(), c.getRepeatIncidentIdsList(),
                c.getPartiesList().stream().map(p -> new DisputeItem.Party(p.getName(), p.getPhone())).toList(),
                ProtoMapper.strip(c.getCategory().name(), "DISPUTE_CATEGORY_"), c.getAddress(), c.getZoneId(),
                ProtoMapper.strip(c.getRiskGrade().name(), "RISK_GRADE_"),
                ProtoMapper.strip(c.getRoute().name(), "MEDIATION_ROUTE_"),
                ProtoMapper.strip(c.getStatus().name(), "CASE_STATUS_"),
                c.getSessionsList().stream().map(s -> new DisputeItem.Session(s.getNumber(),
                        ProtoMapper.strip(s.getOutcome().name(), "MEDIATION_OUTCOME_"), s.getMediator(), s.getNote(),
                        ProtoMapper.instant(s.getRecordedAt()))).toList(),
                c.getAgreement(),
                c.getVisitsList().stream().map(v -> new DisputeItem.Visit(v.getId(),
                        ProtoMapper.strip(v.getMode().name(), "VISIT_MODE_"), ProtoMapper.instant(v.getDue()),
                        v.getTaskId(), v.getResult() == VisitResult.VISIT_RESULT_UNSPECIFIED ? "PENDING"
                                : ProtoMapper.strip(v.getResult().name(), "VISIT_RESULT_"),
                        v.hasDoneAt() ? ProtoMapper.instant(v.getDoneAt()) : null)).toList(),
                ProtoMapper.instant(c.getOpenedAt()), c.hasSettledAt() ? ProtoMapper.instant(c.getSettledAt()) : null,
                c.hasClosedAt() ? ProtoMapper.instant(c.getClosedAt()) : null, c.getReopenedCount(), c.getVersion());
    }
}
