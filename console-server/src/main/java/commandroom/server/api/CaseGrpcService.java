package commandroom.server.api;

import com.google.protobuf.Timestamp;
import commandroom.server.auth.Caller;
import commandroom.server.loop.CaseRules;
import commandroom.server.loop.Hub;
import commandroom.server.loop.HubException;
import commandroom.server.stats.FiguresCalculator;
import commandroom.v1.CaseResponse;
import commandroom.v1.CaseServiceGrpc;
import commandroom.v1.DisputeCase;
import commandroom.v1.Event;
import commandroom.v1.Figures;
import commandroom.v1.GetCaseRequest;
import commandroom.v1.FiguresExported;
import commandroom.v1.GetFiguresRequest;
import commandroom.v1.RecordFiguresExportRequest;
import commandroom.v1.RecordFiguresExportResponse;
import commandroom.v1.Unit;
import commandroom.v1.ListCasesRequest;
import commandroom.v1.ListCasesResponse;
import commandroom.v1.OpenCaseRequest;
import commandroom.v1.RecordMediationRequest;
import commandroom.v1.SettleCaseRequest;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;

/**
 * CaseService: dispute case files and the chief's figures. Changes go through the hub's writer;
 * queries read the projections. Thread-safe.
 */
public final class CaseGrpcService extends CaseServiceGrpc.CaseServiceImplBase {

    private final Hub hub;
    private final CaseRules rules;

    public CaseGrpcService(Hub hub, CaseRules rules) {
        this.hub = hub;
        this.rules = rules;
    }

    @Override
    public void openCase(OpenCaseRequest r, StreamObserver<CaseResponse> out) {
        if (CommandGrpcService.checked(() -> CaseChecks.check(r), out)) {
            reply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), Event.KindCase.CASE_OPENED,
                    rules.open(r)), out);
        }
    }

    @Override
    public void recordMediation(RecordMediationRequest r, StreamObserver<CaseResponse> out) {
        if (CommandGrpcService.checked(() -> CaseChecks.check(r), out)) {
            reply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), Event.KindCase.MEDIATION_RECORDED,
                    rules.mediate(r)), out);
        }
    }

    @Override
    public void settleCase(SettleCaseRequest r, StreamObserver<CaseResponse> out) {
        if (CommandGrpcService.checked(() -> CaseChecks.check(r), out)) {
            reply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), Event.KindCase.CASE_SETTLED,
                    rules.settle(r)), out);
        }
    }

    @Override
    public void getCase(GetCaseRequest r, StreamObserver<CaseResponse> out) {
        Replies.call(() -> {
            new Violations().id("case_id", r.getCaseId()).throwIfAny();
            return hub.read(s -> CaseResponse.newBuilder().setSequence(s.appliedSequence())
                    .setDisputeCase(s.cases().get(r.getCaseId())
                            .orElseThrow(() -> HubException.notFound("case_id", "case", r.getCaseId())))
                    .build());
        }, out);
    }

    @Override
    public void listCases(ListCasesRequest r, StreamObserver<ListCasesResponse> out) {
        Replies.call(() -> {
            Violations v = new Violations();
            v.knownAll("statuses", r.getStatusesList(), commandroom.v1.CaseStatus.values().length);
            if (!r.getZoneId().isEmpty()) {
                v.id("zone_id", r.getZoneId());
            }
            v.throwIfAny();
            return hub.read(s -> ListCasesResponse.newBuilder().addAllCases(s.cases().all().stream()
                    .filter(c -> r.getStatusesCount() == 0 || r.getStatusesList().contains(c.getStatus()))
                    .filter(c -> r.getZoneId().isEmpty() || r.getZoneId().equals(c.getZoneId()))
                    .sorted(Comparator.comparing((DisputeCase c) -> c.getOpenedAt().getSeconds()).reversed())
                    .toList()).build());
        }, out);
    }

    @Override
    public void getFigures(GetFiguresRequest r, StreamObserver<Figures> out) {
        Replies.call(() -> {
            CaseChecks.check(r);
            return hub.read(s -> {
                if (!r.getZoneId().isEmpty()) {
                    s.zone(r.getZoneId()).orElseThrow(() -> HubException.notFound("zone_id", "zone", r.getZoneId()));
                }
                String zoneId = r.getZoneId();
                if (!r.getUnitId().isEmpty()) {
                    Unit unit = s.unit(r.getUnitId()).orElseThrow(() -> HubException.notFound("unit_id", "unit", r.getUnitId()));
                    if (!zoneId.isEmpty() && !zoneId.equals(unit.getZoneId())) {
                        throw HubException.invalid("unit_id", "unit " + unit.getId() + " is not in zone " + zoneId);
                    }
                    zoneId = unit.getZoneId();
                }
                return FiguresCalculator.compute(s, instant(r.getFrom()), instant(r.getTo()), zoneId, r.getUnitId());
            });
        }, out);
    }

    /** Recorded before the console writes the file: no export leaves without its reason in the log. */
    @Override
    public void recordFiguresExport(RecordFiguresExportRequest r, StreamObserver<RecordFiguresExportResponse> out) {
        if (CommandGrpcService.checked(() -> CaseChecks.check(r), out)) {
            Replies.answer(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), Event.KindCase.FIGURES_EXPORTED,
                            (s, now) -> Event.newBuilder().setFiguresExported(FiguresExported.newBuilder()
                                    .setFigures(r.getFigures()).setFormat(r.getFormat()).setReason(r.getReason().strip()))),
                    res -> RecordFiguresExportResponse.newBuilder().setSequence(res.sequence()).build(), out);
        }
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static void reply(CompletableFuture<Hub.Result> f, StreamObserver<CaseResponse> out) {
        Replies.answer(f, res -> CaseResponse.newBuilder().setDisputeCase((DisputeCase) res.entity())
                .setSequence(res.sequence()).build(), out);
    }
}
