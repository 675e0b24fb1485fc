package commandroom.app.connection;

import com.google.protobuf.Timestamp;
import commandroom.app.model.FigureLine;
import commandroom.app.model.PeriodFigures;
import commandroom.v1.CaseServiceGrpc;
import commandroom.v1.Figure;
import commandroom.v1.Figures;
import commandroom.v1.GetFiguresRequest;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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

    /** The figures of the days [from, to) for the station. */
    public CompletableFuture<PeriodFigures> figures(LocalDate from, LocalDate to) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Figures f = CaseServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                        .withDeadlineAfter(15, TimeUnit.SECONDS)
                        .getFigures(GetFiguresRequest.newBuilder().setFrom(midnight(from)).setTo(midnight(to)).build());
                return new PeriodFigures(from, to, lines(f), f.getAsOfSequence());
            } catch (StatusRuntimeException e) {
                throw CommandFailure.from(e);
            }
        }, executor);
    }

    private static List<FigureLine> lines(Figures f) {
        return List.of(line("disputesRegistered", f.getDisputesRegistered(), false),
                line("disputesResolved", f.getDisputesResolved(), false),
                line("resolutionRate", f.getResolutionRate(), true),
                line("mediations", f.getMediations(), false),
                line("mediationsAgreed", f.getMediationsAgreed(), false),
                line("mediationSuccessRate", f.getMediationSuccessRate(), true),
                line("repeatCalls", f.getRepeatCalls(), false),
                line("repeatCallRate", f.getRepeatCallRate(), true),
                line("visitsDue", f.getVisitsDue(), false),
                line("visitsOnTime", f.getVisitsOnTime(), false));
    }

    private static FigureLine line(String key, Figure f, boolean rate) {
        return new FigureLine(key, f.getValue(), f.getPrevious(), f.getChange(), rate);
    }

    private static Timestamp midnight(LocalDate d) {
        return Timestamp.newBuilder().setSeconds(d.atStartOfDay(STATION_TIME).toEpochSecond()).build();
    }
}
