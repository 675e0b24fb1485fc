package commandroom.server.loop;

import commandroom.v1.Actor;
import commandroom.v1.CaseStatus;
import commandroom.v1.DisputeCase;
import commandroom.v1.Event;
import commandroom.v1.FollowUpVisit;
import commandroom.v1.Handover;
import commandroom.v1.HandoverSigned;
import commandroom.v1.HandoverStarted;
import commandroom.v1.HandoverStatus;
import commandroom.v1.OverdueStep;
import commandroom.v1.SignHandoverRequest;
import commandroom.v1.StartHandoverRequest;
import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskStatus;
import commandroom.v1.VisitResult;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The shift handover (交接班): the packet is built from the hub's state at the moment the outgoing
 * officer asks (open tasks, overdue steps, instructions not signed for, cases with a visit due) plus
 * what only the console knows (cameras its wall sees offline); one handover waits at a time, and
 * another officer must sign it. Stateless.
 */
public final class HandoverRules {

    /** A visit due within this, or late, is in the packet. */
    static final Duration VISIT_HORIZON = Duration.ofHours(24);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private HandoverRules() {}

    public static Hub.Decision start(StartHandoverRequest r, Actor outgoing) {
        return (s, now) -> {
            for (int i = 0; i < r.getOfflineCameraIdsCount(); i++) {
                if (s.camera(r.getOfflineCameraIds(i)).isEmpty()) {
                    throw HubException.notFound("offline_camera_ids[" + i + "]", "camera", r.getOfflineCameraIds(i));
                }
            }
            s.pendingHandover().ifPresent(h -> {
                throw HubException.precondition("handover " + h.getId() + " is waiting for its incoming officer");
            });
            Handover.Builder h = Handover.newBuilder()
                    .setId(String.format("H-%s-%04d", DAY.format(now.atZone(IncidentRules.STATION_TIME)),
                            s.handovers().size() + 1))
                    .setStatus(HandoverStatus.HANDOVER_STATUS_PENDING).setOutgoing(outgoing)
                    .setStartedAt(TaskRules.ts(now)).addAllOfflineCameraIds(r.getOfflineCameraIdsList())
                    .setNote(r.getNote())
                    .setChainHeadSequence(s.appliedSequence).setChainHeadHash(s.appliedHash);
            for (Task t : s.tasks()) {
                if (!TaskStateMachine.OPEN.contains(t.getStatus())) {
                    continue;
                }
                h.addOpenTaskIds(t.getId());
                if (t.getStatus() == TaskStatus.TASK_STATUS_DISPATCHED || t.getStatus() == TaskStatus.TASK_STATUS_DELIVERED) {
                    h.addUnacknowledgedTaskIds(t.getId());
                }
                for (StepDeadline d : t.getDeadlinesList()) {
                    if (d.getOverdue() && !d.hasDoneAt()) {
                        h.addOverdueSteps(OverdueStep.newBuilder().setTaskId(t.getId()).setStep(d.getStep()));
                    }
                }
            }
            for (DisputeCase c : s.cases().all()) {
                if (c.getStatus() == CaseStatus.CASE_STATUS_SETTLED && c.getVisitsList().stream()
                        .anyMatch(v -> dueSoon(v, now))) {
                    h.addCasesWithVisitDue(c.getId());
                }
            }
            h.addAllZonesUnderStrength(Staffing.underStrength(s));
            return Event.newBuilder().setHandoverStarted(HandoverStarted.newBuilder().setHandover(h));
        };
    }

    public static Hub.Decision sign(SignHandoverRequest r, Actor incoming) {
        return (s, now) -> {
            Handover h = s.handover(r.getHandoverId())
                    .orElseThrow(() -> HubException.notFound("handover_id", "handover", r.getHandoverId()));
            if (h.getStatus() != HandoverStatus.HANDOVER_STATUS_PENDING) {
                throw HubException.precondition("handover " + h.getId() + " is already signed by "
                        + h.getIncoming().getDisplayName());
            }
            if (h.getOutgoing().getUserId().equals(incoming.getUserId())) {
                throw HubException.precondition("the incoming officer signs, not the outgoing one");
            }
            return Event.newBuilder().setHandoverSigned(HandoverSigned.newBuilder().setHandoverId(h.getId()));
        };
    }

    private static boolean dueSoon(FollowUpVisit v, Instant now) {
        return v.getResult() == VisitResult.VISIT_RESULT_UNSPECIFIED
                && Projector.toInstant(v.getDue()).isBefore(now.plus(VISIT_HORIZON));
    }
}
