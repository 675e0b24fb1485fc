package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.log.FanOut;
import commandroom.server.loop.Hub;
import commandroom.server.loop.HubException;
import commandroom.server.loop.Images;
import commandroom.server.loop.IncidentRules;
import commandroom.server.loop.TaskRules;
import commandroom.v1.AddEvidenceRequest;
import commandroom.v1.CancelTaskRequest;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.Evidence;
import commandroom.v1.GetEvidenceRequest;
import commandroom.v1.GetIncidentRequest;
import commandroom.v1.GetPhotoRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.GetTaskRequest;
import commandroom.v1.Incident;
import commandroom.v1.IncidentDetail;
import commandroom.v1.IncidentResponse;
import commandroom.v1.ListTasksRequest;
import commandroom.v1.ListTasksResponse;
import commandroom.v1.Photo;
import commandroom.v1.ReassignTaskRequest;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReportIncidentResponse;
import commandroom.v1.ReviewFeedbackRequest;
import commandroom.v1.RegistryKind;
import commandroom.v1.RetiredItem;
import commandroom.v1.Snapshot;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * CommandService: what consoles ask of the hub. Each call checks the request's shape, then hands
 * it to the hub's writer (changes) or reads the projections (queries). Thread-safe.
 */
public final class CommandGrpcService extends CommandServiceGrpc.CommandServiceImplBase {

    private final Hub hub;
    private final TaskRules tasks;
    private final FanOut fanOut;
    private final ImageBytes images;
    private final StreamLeases streams;
    private final ClipTransfers clips;

    CommandGrpcService(Hub hub, TaskRules tasks, FanOut fanOut, ImageBytes images, StreamLeases streams,
                       ClipTransfers clips) {
        this.hub = hub;
        this.clips = clips;
        this.tasks = tasks;
        this.fanOut = fanOut;
        this.images = images;
        this.streams = streams;
    }

    @Override
    public void acknowledgeAlarm(commandroom.v1.AcknowledgeAlarmRequest r,
                                 StreamObserver<commandroom.v1.AcknowledgeAlarmResponse> out) {
        if (checked(() -> RequestChecks.check(r), out)) {
            Replies.answer(hub.submit(Caller.current().actor(), "", Event.KindCase.ALARM_ACKNOWLEDGED,
                            commandroom.server.loop.AlarmBook.acknowledge(r.getAlarmId())),
                    res -> {
                        commandroom.v1.Alarm now = hub.read(s -> s.alarms().find(r.getAlarmId()).orElseThrow());
                        return commandroom.v1.AcknowledgeAlarmResponse.newBuilder().setAlarm(now).build();
                    }, out);
        }
    }

    @Override
    public void reportIncident(ReportIncidentRequest r, StreamObserver<ReportIncidentResponse> out) {
        if (checked(() -> RequestChecks.check(r), out)) {
            Replies.answer(hub.submit(Caller.current().actor(), r.getIdempotencyKey(),
                            Event.KindCase.INCIDENT_REPORTED, IncidentRules.report(r)),
                    res -> ReportIncidentResponse.newBuilder().setIncident((Incident) res.entity())
                            .setSequence(res.sequence()).build(), out);
        }
    }

    @Override
    public void updateIncident(commandroom.v1.UpdateIncidentRequest r, StreamObserver<IncidentResponse> out) {
        if (checked(() -> RequestChecks.check(r), out)) {
            incidentReply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(),
                    Event.KindCase.INCIDENT_UPDATED, IncidentRules.update(r)), out);
        }
    }

    @Override
    public void addEvidence(AddEvidenceRequest r, StreamObserver<IncidentResponse> out) {
        if (checked(() -> RequestChecks.check(r, hub.clock().instant()), out)) {
            // The bytes go to the image store first; the event names the picture by its hash.
            AddEvidenceRequest described = Replies.orAnswer(
                    () -> r.toBuilder().setImage(images.keep(r.getImage())).build(), out);
            if (described != null) {
                incidentReply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(),
                        Event.KindCase.EVIDENCE_ADDED, IncidentRules.addEvidence(described)), out);
            }
        }
    }

    @Override
    public void getEvidence(GetEvidenceRequest r, StreamObserver<Evidence> out) {
        Replies.call(() -> {
            new Violations().id("incident_id", r.getIncidentId()).id("evidence_id", r.getEvidenceId()).throwIfAny();
            Evidence described = hub.read(s -> {
                s.incident(r.getIncidentId())
                        .orElseThrow(() -> HubException.notFound("incident_id", "incident", r.getIncidentId()));
                return s.evidence(r.getIncidentId(), r.getEvidenceId())
                        .orElseThrow(() -> HubException.notFound("evidence_id", "evidence", r.getEvidenceId()));
            });
            return described.hasClip() ? described
                    : described.toBuilder().setImage(images.withBytes(described.getImage())).build();
        }, out);
    }

    @Override
    public StreamObserver<commandroom.v1.ClipUpload> keepClip(StreamObserver<IncidentResponse> out) {
        return clips.keep(out);
    }

    @Override
    public void getClip(GetEvidenceRequest r, StreamObserver<commandroom.v1.ClipChunk> out) {
        clips.get(r, out);
    }

    @Override
    public void getPhoto(GetPhotoRequest r, StreamObserver<Photo> out) {
        Replies.call(() -> {
            Violations v = new Violations().id("task_id", r.getTaskId());
            if (r.getSha256().size() != 32) {
                v.add("sha256", "must be 32 bytes");
            }
            v.throwIfAny();
            String hex = Images.hex(r.getSha256());
            Photo described = hub.read(s -> {
                Task t = s.task(r.getTaskId()).orElseThrow(() -> HubException.notFound("task_id", "task", r.getTaskId()));
                if (!s.taskHadPhoto(t.getId(), hex)) {
                    throw HubException.notFound("sha256", "photo of task " + t.getId(), hex);
                }
                return t.getFeedback().getPhotosList().stream().filter(p -> p.getSha256().equals(r.getSha256()))
                        .findFirst().orElse(Photo.newBuilder().setSha256(r.getSha256()).build());
            });
            return images.withBytes(described);
        }, out);
    }

    @Override
    public void dispatchTask(DispatchTaskRequest r, StreamObserver<TaskResponse> out) {
        if (checked(() -> RequestChecks.check(r), out)) {
            Caller c = Caller.current();
            taskReply(hub.submit(c.actor(), r.getIdempotencyKey(), Event.KindCase.TASK_DISPATCHED,
                    tasks.dispatch(r, c.actor())), out);
        }
    }

    @Override
    public void reassignTask(ReassignTaskRequest r, StreamObserver<TaskResponse> out) {
        if (checked(() -> RequestChecks.check(r), out)) {
            taskReply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), Event.KindCase.TASK_REASSIGNED,
                    tasks.reassign(r)), out);
        }
    }

    @Override
    public void cancelTask(CancelTaskRequest r, StreamObserver<TaskResponse> out) {
        if (checked(() -> RequestChecks.check(r), out)) {
            taskReply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), Event.KindCase.TASK_CANCELLED,
                    tasks.cancel(r)), out);
        }
    }

    @Override
    public void reviewFeedback(ReviewFeedbackRequest r, StreamObserver<TaskResponse> out) {
        if (checked(() -> RequestChecks.check(r), out)) {
            Event.KindCase kind = r.getDecision() == commandroom.v1.ReviewDecision.REVIEW_DECISION_APPROVE
                    ? Event.KindCase.TASK_CLOSED : Event.KindCase.TASK_RETURNED;
            taskReply(hub.submit(Caller.current().actor(), r.getIdempotencyKey(), kind, tasks.review(r)), out);
        }
    }

    /** How far ahead the snapshot carries the shift plan: this week's and tomorrow's roster. */
    private static final java.time.Duration SHIFTS_AHEAD = java.time.Duration.ofDays(8);

    @Override
    public void getSnapshot(GetSnapshotRequest r, StreamObserver<Snapshot> out) {
        Replies.call(() -> hub.read(s -> {
            Snapshot.Builder b = Snapshot.newBuilder().setAsOfSequence(s.appliedSequence())
                    .addAllZones(s.zones()).addAllUnits(s.units()).addAllCameras(s.cameras())
                    .addAllRoads(s.roads());
            s.retiredZones().forEach(z -> b.addRetired(retired(RegistryKind.REGISTRY_KIND_ZONE, z.getId(), z.getName())));
            s.retiredUnits().forEach(u -> b.addRetired(retired(RegistryKind.REGISTRY_KIND_UNIT, u.getId(), u.getName())));
            s.retiredCameras().forEach(c -> b.addRetired(retired(RegistryKind.REGISTRY_KIND_CAMERA, c.getId(), c.getName())));
            s.incidents().forEach(i -> b.addIncidents(i.toBuilder().clearTimeline()));
            s.tasks().forEach(t -> b.addTasks(t.toBuilder().clearTimeline()));
            b.addAllPlannedShifts(s.plannedShifts(hub.clock().instant(), SHIFTS_AHEAD));
            s.ptzHolders().forEach((camera, holder) -> b.addPtzControls(commandroom.v1.PtzControl.newBuilder()
                    .setCameraId(camera).setHolder(holder)));
            b.addAllAlarms(s.alarms().open()).addAllAlarms(s.alarms().acknowledged());
            return b.build();
        }), out);
    }

    private static RetiredItem retired(RegistryKind kind, String id, String name) {
        return RetiredItem.newBuilder().setKind(kind).setId(id).setName(name).build();
    }

    @Override
    public void getIncident(GetIncidentRequest r, StreamObserver<IncidentDetail> out) {
        Replies.call(() -> {
            new Violations().id("incident_id", r.getIncidentId()).throwIfAny();
            return hub.read(s -> {
                Incident i = s.incident(r.getIncidentId())
                        .orElseThrow(() -> HubException.notFound("incident_id", "incident", r.getIncidentId()));
                IncidentDetail.Builder b = IncidentDetail.newBuilder().setIncident(i).setAsOfSequence(s.appliedSequence());
                i.getTaskIdsList().forEach(id -> b.addTasks(s.task(id).orElseThrow()));
                return b.build();
            });
        }, out);
    }

    @Override
    public void getTask(GetTaskRequest r, StreamObserver<TaskResponse> out) {
        Replies.call(() -> {
            new Violations().id("task_id", r.getTaskId()).throwIfAny();
            return hub.read(s -> TaskResponse.newBuilder().setSequence(s.appliedSequence())
                    .setTask(s.task(r.getTaskId())
                            .orElseThrow(() -> HubException.notFound("task_id", "task", r.getTaskId())))
                    .build());
        }, out);
    }

    @Override
    public void listTasks(ListTasksRequest r, StreamObserver<ListTasksResponse> out) {
        Replies.call(() -> TaskQuery.run(hub, r), out);
    }

    @Override
    public void subscribe(SubscribeRequest r, StreamObserver<Event> out) {
        var refused = ResumePoint.refusal(r.getFromSequence(), fanOut, hub);
        if (refused != null) {
            out.onError(refused);
            return;
        }
        fanOut.subscribe(r.getFromSequence(), StreamViews::forConsoles, (ServerCallStreamObserver<Event>) out,
                streams.of(Caller.current()));
    }

    private void incidentReply(java.util.concurrent.CompletableFuture<Hub.Result> f,
                               StreamObserver<IncidentResponse> out) {
        Replies.answer(f, res -> IncidentResponse.newBuilder().setIncident((Incident) res.entity())
                .setSequence(res.sequence()).build(), out);
    }

    private void taskReply(java.util.concurrent.CompletableFuture<Hub.Result> f, StreamObserver<TaskResponse> out) {
        Replies.answer(f, res -> TaskResponse.newBuilder().setTask((Task) res.entity())
                .setSequence(res.sequence()).build(), out);
    }

    /** Runs the shape check; on failure answers the call and returns false. */
    static boolean checked(Runnable check, StreamObserver<?> out) {
        try {
            check.run();
            return true;
        } catch (RuntimeException e) {
            out.onError(Replies.toStatus(e));
            return false;
        }
    }
}
