package commandroom.app.connection;

import commandroom.app.model.FraudWarningRow;
import commandroom.v1.FraudServiceGrpc;
import commandroom.v1.FraudWarning;
import commandroom.v1.ImportWarningsRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Hands the county's anti-fraud list to the hub, which makes each person a dissuasion task for the
 * zone's officers. Answers how many tasks were new (a list taken in before makes none). Off the FX
 * thread with a deadline; refusals as {@link CommandFailure}. Thread-safe.
 */
public final class FraudClient {

    private final HubSession session;
    private final Executor executor;

    public FraudClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    /** What the hub made of a list: one task per row, how many of them new. */
    public record Imported(List<String> taskIds, int created) {}

    public CompletableFuture<Imported> importWarnings(String source, List<FraudWarningRow> rows) {
        ImportWarningsRequest.Builder b = ImportWarningsRequest.newBuilder().setSource(source);
        rows.forEach(r -> b.addWarnings(FraudWarning.newBuilder().setName(r.name()).setPhone(r.phone())
                .setAddress(r.address()).setZoneId(r.zoneId()).setRisk(r.risk())));
        return HubCalls.async(executor, () -> {
            var answer = FraudServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                    .withDeadlineAfter(30, TimeUnit.SECONDS).importWarnings(b.build());
            return new Imported(answer.getTaskIdsList(), answer.getCreated());
        });
    }
}
