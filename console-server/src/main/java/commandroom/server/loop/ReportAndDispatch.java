package commandroom.server.loop;

import commandroom.v1.Actor;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.Incident;
import commandroom.v1.ReportIncidentRequest;
import java.util.function.Function;

/**
 * An incident and its task written in one go by the hub's own workflows (recurring lists, the
 * anti-fraud list), each request under its own idempotency key, so that asking again writes
 * nothing new and answers the first time's task. Waits for both to be durable. Thread-safe.
 */
public final class ReportAndDispatch {

    private ReportAndDispatch() {}

    /** Reports the incident, then dispatches the task made for its id; answers the task's result. */
    public static Hub.Result run(Hub hub, TaskRules tasks, Actor actor, ReportIncidentRequest report,
                                 Function<String, DispatchTaskRequest> task) {
        Incident incident = (Incident) hub.submit(actor, report.getIdempotencyKey(), Event.KindCase.INCIDENT_REPORTED,
                IncidentRules.report(report)).join().entity();
        DispatchTaskRequest dispatch = task.apply(incident.getId());
        return hub.submit(actor, dispatch.getIdempotencyKey(), Event.KindCase.TASK_DISPATCHED,
                tasks.dispatch(dispatch, actor)).join();
    }
}
