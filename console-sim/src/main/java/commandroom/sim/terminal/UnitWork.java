package commandroom.sim.terminal;

import commandroom.sim.geo.GeoMath;
import commandroom.sim.rpc.RetryingCaller;
import commandroom.sim.rpc.Rpc;
import commandroom.sim.rpc.SerialExecutor;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.FieldTaskResponse;
import commandroom.v1.Position;
import commandroom.v1.Progress;
import commandroom.v1.ReportPositionRequest;
import commandroom.v1.ReportPositionResponse;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.TaskStep;
import commandroom.v1.Unit;
import io.grpc.Status;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a simulated unit does about the tasks its terminal holds: marks them delivered, signs
 * for them, travels there reporting its position every tick, arrives, works, and submits
 * feedback — one task at a time, the others waiting their turn.
 *
 * <p>Each step follows from the status the hub last gave the task, and every answer carries the
 * task's new status, so unit and hub cannot drift apart for long. A refused step (for instance
 * FAILED_PRECONDITION, ABORTED) is dropped and the owner re-syncs.
 *
 * <p>Not thread-safe: confined, with its owner {@link FieldTerminal}, to the terminal's
 * {@link SerialExecutor}.
 */
final class UnitWork {
    private static final Logger LOG = LoggerFactory.getLogger(UnitWork.class);
    /** Within this distance of the incident the unit is on the scene. */
    private static final double AT_SCENE_METRES = 15;
    /** An idle unit still says where it is now and then, so the map shows it as alive. */
    private static final long IDLE_REPORT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** After this many refused steps in a row the unit leaves the task alone. */
    private static final int MAX_STEP_FAILURES = 3;

    /** The terminal's side: its books of tasks and its link to the hub. */
    interface Owner {
        /** Whether the terminal is closing. */
        boolean closed();

        /** Asks the hub for the unit's tasks again. */
        void resync();

        /** Forgets a task that is over (closed, cancelled) or that keeps being refused. */
        void drop(TaskRun run, String why, boolean forGood);
    }

    private final Unit unit;
    private final TerminalSettings settings;
    private final ScheduledExecutorService scheduler;
    private final SerialExecutor serial;
    private final Supplier<FieldServiceGrpc.FieldServiceStub> stub;
    private final Supplier<commandroom.v1.TravelServiceGrpc.TravelServiceStub> routes;
    private final RetryingCaller caller;
    private final Random random;
    private final Owner owner;

    private final Map<String, Integer> failures = new HashMap<>();
    private final Deque<TaskRun> waiting = new ArrayDeque<>();
    private TaskRun active;
    private Travel travel;
    private TaskRun travelFor;
    private Position position;
    private double heading;

    /** Where the unit is now (as last reported), or null before it knows. */
    Position position() {
        return position;
    }
    private long lastTickNanos;
    private long lastReportNanos;

    UnitWork(Unit unit, TerminalSettings settings, ScheduledExecutorService scheduler, SerialExecutor serial,
            Supplier<FieldServiceGrpc.FieldServiceStub> stub,
            Supplier<commandroom.v1.TravelServiceGrpc.TravelServiceStub> routes, RetryingCaller caller, Random random,
            Owner owner) {
        this.unit = unit;
        this.settings = settings;
        this.scheduler = scheduler;
        this.serial = serial;
        this.stub = stub;
        this.routes = routes;
        this.caller = caller;
        this.random = random;
        this.owner = owner;
        this.position = unit.getPosition();
        this.heading = unit.getHeadingDegrees();
    }

    /** Does the next step of a task, if one is due and none is under way. */
    void advance(TaskRun run) {
        if (owner.closed() || run.dropped() || run.busy()) {
            return;
        }
        switch (run.task().getStatus()) {
            case TASK_STATUS_DISPATCHED -> report(run, Progress.PROGRESS_DELIVERED, 0);
            case TASK_STATUS_DELIVERED -> report(run, Progress.PROGRESS_SIGNED_FOR, Math.max(
                    settings.scaledMillis(WorkTimes.signForSeconds(random)), lateMillis(run, TaskStep.TASK_STEP_SIGN_FOR)));
            case TASK_STATUS_SIGNED_FOR, TASK_STATUS_ARRIVED, TASK_STATUS_IN_PROGRESS -> onScene(run);
            case TASK_STATUS_FEEDBACK_SUBMITTED -> forget(run);
            case TASK_STATUS_CLOSED, TASK_STATUS_CANCELLED -> owner.drop(run, run.task().getStatus().name(), false);
            default -> LOG.debug("{}: task {} in status {}; nothing to do", unit.getId(), run.id(), run.task().getStatus());
        }
    }

    /** Stops working on a task (done, dropped or waiting for review) and takes up the next. */
    void forget(TaskRun run) {
        if (travelFor == run) {
            travel = null;
            travelFor = null;
        }
        waiting.remove(run);
        if (active == run) {
            active = null;
            while (active == null && !waiting.isEmpty()) {
                TaskRun next = waiting.poll();
                if (!next.dropped()) {
                    active = next;
                    advance(next);
                }
            }
        }
    }

    /** Steps that need the unit itself: travel there, arrive, start, work, answer. */
    private void onScene(TaskRun run) {
        if (active == null) {
            waiting.remove(run);
            active = run;
        }
        if (active != run) {
            if (!waiting.contains(run)) {
                waiting.add(run);
            }
            return;
        }
        Position target = run.target();
        if (target != null && GeoMath.distanceMetres(position, target) > AT_SCENE_METRES) {
            if (travelFor != run) {
                travelFor = run;
                travel = null;
                planRoute(run, target);
            }
            return;
        }
        switch (run.task().getStatus()) {
            case TASK_STATUS_SIGNED_FOR -> report(run, Progress.PROGRESS_ARRIVED, lateMillis(run, TaskStep.TASK_STEP_ARRIVE));
            case TASK_STATUS_ARRIVED -> report(run, Progress.PROGRESS_IN_PROGRESS, 0);
            default -> work(run);
        }
    }

    /**
     * Asks the hub for the way there over its roads (the very route and time the console ranked
     * this unit by) and sets off along it; if the hub cannot say, sets off on the street grid at
     * the kind's street speed. The unit stands still meanwhile, as a real one reads its screen.
     */
    private void planRoute(TaskRun run, Position target) {
        Position from = position;
        commandroom.v1.PlanRouteRequest request = commandroom.v1.PlanRouteRequest.newBuilder()
                .setKind(unit.getKind() == commandroom.v1.UnitKind.UNIT_KIND_UNSPECIFIED
                        ? commandroom.v1.UnitKind.UNIT_KIND_COMMUNITY_OFFICER : unit.getKind())
                .setFrom(from).setTo(target).build();
        Rpc.<commandroom.v1.PlanRouteReply>unary(o -> routes.get().planRoute(request, o))
                .whenCompleteAsync((route, failure) -> {
                    if (owner.closed() || travelFor != run || travel != null) {
                        return;
                    }
                    if (failure != null) {
                        LOG.debug("{}: no route from the hub ({}); on the street grid", unit.getId(),
                                Rpc.describe(failure));
                        travel = Travel.plan(unit.getKind(), from, target, settings.speedFactor());
                    } else if (route.getNoRoad()) {
                        // The hub knows no road here (none loaded, or none near): its time is a
                        // deliberately slow straight line; a simulated unit finds its streets.
                        travel = Travel.plan(unit.getKind(), from, target, settings.speedFactor());
                    } else {
                        travel = Travel.along(route, from, settings.speedFactor());
                    }
                }, serial);
    }

    private void work(TaskRun run) {
        run.busy(true);
        int generation = run.generation();
        long millis = Math.max(
                settings.scaledMillis(WorkTimes.workSeconds(run.task().getKind(), run.round() > 0, random)),
                lateMillis(run, TaskStep.TASK_STEP_FEEDBACK));
        serial.schedule(scheduler, millis, () -> {
            if (!owner.closed() && run.current(generation)) {
                submitFeedback(run, generation);
            }
        });
    }

    private void submitFeedback(TaskRun run, int generation) {
        FeedbackComposer.Composed composed = FeedbackComposer.compose(run.task().getKind(),
                run.task().getIncidentAddress(), run.returnReason(), random);
        SubmitFeedbackRequest.Builder builder = SubmitFeedbackRequest.newBuilder()
                .setTaskId(run.id())
                .setResultCode(composed.resultCode())
                .setText(composed.text())
                .setIdempotencyKey(key(run, "feedback"));
        if (random.nextDouble() < settings.photoProbability()) {
            builder.addPhotos(PhotoMaker.make("scene-" + (run.round() + 1) + ".png", random));
        }
        SubmitFeedbackRequest request = builder.build();
        send(run, generation, "SubmitFeedback", () -> Rpc.unary(o -> stub.get().submitFeedback(request, o)));
    }

    private void report(TaskRun run, Progress progress, long delayMillis) {
        run.busy(true);
        int generation = run.generation();
        Runnable go = () -> {
            if (owner.closed() || !run.current(generation)) {
                return;
            }
            // Built once: a retry sends the same time and the same key.
            ReportProgressRequest request = ReportProgressRequest.newBuilder()
                    .setTaskId(run.id())
                    .setProgress(progress)
                    .setPosition(position)
                    .setReportedAt(WorkTimes.toTimestamp(Instant.now()))
                    .setIdempotencyKey(key(run, progress.name()))
                    .build();
            send(run, generation, progress.name(), () -> Rpc.unary(o -> stub.get().reportProgress(request, o)));
        };
        if (delayMillis <= 0) {
            go.run();
        } else {
            serial.schedule(scheduler, delayMillis, go);
        }
    }

    private void send(TaskRun run, int generation, String what, Supplier<CompletableFuture<FieldTaskResponse>> call) {
        caller.call(what, call).whenCompleteAsync((response, failure) -> {
            if (owner.closed() || !run.current(generation)) {
                return;
            }
            run.busy(false);
            if (failure == null) {
                failures.remove(run.id());
                run.update(response.getTask(), response.getSequence());
                advance(run);
            } else {
                stepFailed(run, what, failure);
            }
        }, serial);
    }

    private void stepFailed(TaskRun run, String what, Throwable failure) {
        Status.Code code = Rpc.code(failure);
        int count = failures.merge(run.id(), 1, Integer::sum);
        if (code == Status.Code.FAILED_PRECONDITION || code == Status.Code.ABORTED) {
            LOG.debug("{}: {} on {} refused ({}); re-syncing", unit.getId(), what, run.id(), Rpc.describe(failure));
        } else {
            LOG.warn("{}: {} on {} failed ({}); re-syncing", unit.getId(), what, run.id(), Rpc.describe(failure));
        }
        if (count >= MAX_STEP_FAILURES) {
            LOG.warn("{}: leaving task {} alone after {} refused steps", unit.getId(), run.id(), count);
            failures.remove(run.id());
            owner.drop(run, "refused " + count + " times", true);
        }
        owner.resync();
    }

    /** Same request, same key; a new version or a new round after a return makes a new key. */
    private String key(TaskRun run, String step) {
        return unit.getId() + ":" + run.id() + ":" + step + ":r" + run.round() + ":v" + run.task().getVersion();
    }

    private long lateMillis(TaskRun run, TaskStep step) {
        return WorkTimes.lateWait(run.task(), step, run.lateStep(), Instant.now(), settings.maxLateWait(), random)
                .toMillis();
    }

    /** One tick of the clock: move on if travelling, and say where the unit is. */
    void tick() {
        long now = System.nanoTime();
        double seconds = lastTickNanos == 0 ? 1 : Math.min(5, (now - lastTickNanos) / 1e9);
        lastTickNanos = now;
        if (travel != null) {
            Travel.Step step = travel.advance(seconds);
            position = step.position();
            heading = step.headingDegrees();
            reportPosition(step.speedMps());
            if (step.arrived()) {
                TaskRun run = travelFor;
                travel = null;
                travelFor = null;
                if (run != null) {
                    advance(run);
                }
            }
        } else if (now - lastReportNanos >= IDLE_REPORT_NANOS) {
            reportPosition(0);
        }
    }

    /** Tells the hub where the unit is, once; a lost report is stale by the next tick anyway. */
    void reportPosition(double speedMps) {
        lastReportNanos = System.nanoTime();
        ReportPositionRequest request = ReportPositionRequest.newBuilder()
                .setPosition(position)
                .setHeadingDegrees(((heading % 360) + 360) % 360)
                .setSpeedMps(Math.max(0, Math.min(100, speedMps)))
                .build();
        caller.<ReportPositionResponse>callOnce("ReportPosition",
                        () -> Rpc.unary(o -> stub.get().reportPosition(request, o)))
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        LOG.debug("{}: position not taken ({})", unit.getId(), Rpc.describe(failure));
                    }
                });
    }
}
