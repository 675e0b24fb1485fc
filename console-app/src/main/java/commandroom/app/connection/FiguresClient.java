package commandroom.app.connection;

import com.google.protobuf.Timestamp;
import commandroom.app.model.FigureLine;
import commandroom.app.model.FigureLine.Unit;
import commandroom.app.model.PeriodFigures;
import commandroom.v1.CaseServiceGrpc;
import commandroom.v1.ExportFormat;
import commandroom.v1.Figure;
import commandroom.v1.Figures;
import commandroom.v1.GetFiguresRequest;
import commandroom.v1.OffenceCategory;
import commandroom.v1.OffenceFigure;
import commandroom.v1.RecordFiguresExportRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Asks the hub for the chief's figures of a period (computed there from the log) and maps them to
 * the console's model. Calls run off the FX thread with a deadline; failures complete the future
 * with a {@link CommandFailure}. Thread-safe.
 */
public final class FiguresClient {

    /** Periods are whole days in the station's time (the county is in China Standard Time). */
    public static final ZoneId STATION_TIME = ZoneId.of("Asia/Shanghai");

    private final HubSession session;
    private final Executor executor;

    public FiguresClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    /**
     * The figures of the days [from, to) in one zone, or for the station with zoneId ""; the loop's
     * only of one unit's tasks unless unitId is "".
     */
    public CompletableFuture<PeriodFigures> figures(LocalDate from, LocalDate to, String zoneId, String unitId) {
        return HubCalls.async(executor, () -> {
            Figures f = CaseServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                    .withDeadlineAfter(15, TimeUnit.SECONDS)
                    .getFigures(GetFiguresRequest.newBuilder().setFrom(midnight(from)).setTo(midnight(to))
                            .setZoneId(zoneId).setUnitId(unitId).build());
            return new PeriodFigures(from, to, zoneId, unitId, lines(f), f.getAsOfSequence());
        });
    }

    /**
     * Records with the hub that the figures shown are about to leave as a file, and why; the hub's
     * sequence of the record. The file is written only once this succeeds.
     */
    public CompletableFuture<Long> recordExport(PeriodFigures f, boolean pdf, String reason) {
        return HubCalls.async(executor, () -> CaseServiceGrpc.newBlockingStub(session.channel())
                .withCallCredentials(session.credentials()).withDeadlineAfter(15, TimeUnit.SECONDS)
                .recordFiguresExport(RecordFiguresExportRequest.newBuilder()
                        .setFigures(GetFiguresRequest.newBuilder().setFrom(midnight(f.from())).setTo(midnight(f.to()))
                                .setZoneId(f.zoneId()).setUnitId(f.unitId()))
                        .setFormat(pdf ? ExportFormat.EXPORT_FORMAT_PDF : ExportFormat.EXPORT_FORMAT_CSV)
                        .setReason(reason).setIdempotencyKey(java.util.UUID.randomUUID().toString()).build())
                .getSequence());
    }

    private static List<FigureLine> lines(Figures f) {
        List<FigureLine> lines = new ArrayList<>(List.of(
                line("casework", "disputesRegistered", f.getDisputesRegistered(), Unit.COUNT),
                line("casework", "disputesResolved", f.getDisputesResolved(), Unit.COUNT),
                line("casework", "resolutionRate", f.getResolutionRate(), Unit.SHARE),
                line("casework", "mediations", f.getMediations(), Unit.COUNT),
                line("casework", "mediationsAgreed", f.getMediationsAgreed(), Unit.COUNT),
                line("casework", "mediationSuccessRate", f.getMediationSuccessRate(), Unit.SHARE),
                line("casework", "repeatCalls", f.getRepeatCalls(), Unit.COUNT),
                line("casework", "repeatCallRate", f.getRepeatCallRate(), Unit.SHARE),
                line("casework", "visitsDue", f.getVisitsDue(), Unit.COUNT),
                line("casework", "visitsOnTime", f.getVisitsOnTime(), Unit.COUNT),
                line("loop", "tasksDispatched", f.getTasksDispatched(), Unit.COUNT),
                line("loop", "signForP50", f.getSignForMinutesP50(), Unit.MINUTES),
                line("loop", "signForP90", f.getSignForMinutesP90(), Unit.MINUTES),
                line("loop", "arriveP50", f.getArriveMinutesP50(), Unit.MINUTES),
                line("loop", "arriveP90", f.getArriveMinutesP90(), Unit.MINUTES),
                line("loop", "feedbackP50", f.getFeedbackMinutesP50(), Unit.MINUTES),
                line("loop", "feedbackP90", f.getFeedbackMinutesP90(), Unit.MINUTES),
                line("loop", "overdueSteps", f.getOverdueSteps(), Unit.COUNT),
                line("loop", "arrivedWithin1", f.getArrivedWithin1Min(), Unit.SHARE),
                line("loop", "arrivedWithin3", f.getArrivedWithin3Min(), Unit.SHARE),
                line("loop", "arrivedWithin5", f.getArrivedWithin5Min(), Unit.SHARE),
                line("preventable", "preventableCases", f.getPreventableCases(), Unit.COUNT),
                line("alarms", "alarmsRaised", f.getAlarmsRaised(), Unit.COUNT),
                line("alarms", "alarmAckP50", f.getAlarmAckSecondsP50(), Unit.SECONDS),
                line("alarms", "alarmAckP90", f.getAlarmAckSecondsP90(), Unit.SECONDS),
                line("alarms", "alarmsEscalated", f.getAlarmsEscalated(), Unit.COUNT)));
        for (OffenceFigure o : f.getPreventableByCategoryList()) {
            // A category newer than this console has no label: the total above still counts it.
            if (o.getCategory() != OffenceCategory.UNRECOGNIZED) {
                lines.add(line("preventable", offenceKey(o.getCategory()), o.getFigure(), Unit.COUNT));
            }
        }
        return List.copyOf(lines);
    }

    /** OFFENCE_CATEGORY_VEHICLE_THEFT: preventableVehicleTheft, a key that is also a valid CSS id part. */
    static String offenceKey(OffenceCategory c) {
        StringBuilder key = new StringBuilder("preventable");
        for (String word : c.name().substring("OFFENCE_CATEGORY_".length()).split("_")) {
            key.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return key.toString();
    }

    private static FigureLine line(String group, String key, Figure f, Unit unit) {
        return new FigureLine(group, key, f.getValue(), f.getPrevious(), f.getChange(), unit);
    }

    private static Timestamp midnight(LocalDate d) {
        return Timestamp.newBuilder().setSeconds(d.atStartOfDay(STATION_TIME).toEpochSecond()).build();
    }
}
