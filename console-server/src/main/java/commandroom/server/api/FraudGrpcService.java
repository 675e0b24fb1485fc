package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.loop.FraudRules;
import commandroom.server.loop.Hub;
import commandroom.server.loop.ReportAndDispatch;
import commandroom.server.loop.TaskRules;
import commandroom.v1.FraudServiceGrpc;
import commandroom.v1.FraudWarning;
import commandroom.v1.ImportWarningsRequest;
import commandroom.v1.ImportWarningsResponse;
import commandroom.v1.Task;
import io.grpc.stub.StreamObserver;

/**
 * FraudService: takes in the county's anti-fraud list. The list's shape and every row's zone are
 * checked first; then each row is written as an incident and a task, each with its own key.
 * Thread-safe.
 */
public final class FraudGrpcService extends FraudServiceGrpc.FraudServiceImplBase {

    private final Hub hub;
    private final TaskRules tasks;

    public FraudGrpcService(Hub hub, TaskRules tasks) {
        this.hub = hub;
        this.tasks = tasks;
    }

    @Override
    public void importWarnings(ImportWarningsRequest r, StreamObserver<ImportWarningsResponse> out) {
        Replies.call(() -> {
            check(r);
            var actor = Caller.current().actor();
            var officers = hub.read(s -> FraudRules.officers(s, r));
            ImportWarningsResponse.Builder b = ImportWarningsResponse.newBuilder();
            int created = 0;
            for (int row = 0; row < r.getWarningsCount(); row++) {
                int at = row;
                Hub.Result res = ReportAndDispatch.run(hub, tasks, actor, FraudRules.incident(r, at, officers.get(at)),
                        incidentId -> FraudRules.task(r, at, incidentId, officers.get(at)));
                b.addTaskIds(((Task) res.entity()).getId());
                if (res.written()) {
                    created++;
                }
            }
            return b.setCreated(created).build();
        }, out);
    }

    private static void check(ImportWarningsRequest r) {
        Violations v = new Violations().text("source", r.getSource(), 1, 200);
        if (r.getWarningsCount() < 1 || r.getWarningsCount() > 2000) {
            v.add("warnings", "needs 1 to 2000 persons, has " + r.getWarningsCount());
        }
        for (int i = 0; i < Math.min(r.getWarningsCount(), 2000); i++) {
            FraudWarning w = r.getWarnings(i);
            String at = "warnings[" + i + "].";
            v.text(at + "name", w.getName(), 1, 100).text(at + "phone", w.getPhone(), 1, 30)
                    .text(at + "address", w.getAddress(), 1, 500).id(at + "zone_id", w.getZoneId())
                    .text(at + "risk", w.getRisk(), 0, 200);
        }
        v.throwIfAny();
    }
}
