package commandroom.sim.terminal;

import commandroom.sim.rpc.Backoff;
import commandroom.sim.rpc.EventFollower;
import commandroom.sim.rpc.RetryingCaller;
import commandroom.sim.rpc.Rpc;
import commandroom.sim.rpc.SerialExecutor;
import commandroom.sim.rpc.Session;
import commandroom.v1.Event;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.Position;
import commandroom.v1.InstructionsRequest;
import commandroom.v1.ListMyTasksRequest;
import commandroom.v1.ListMyTasksResponse;
import commandroom.v1.Progress;
import commandroom.v1.Task;
import commandroom.v1.Unit;
import io.grpc.Channel;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mobile terminal of one simulated unit: logs in as the unit, keeps the unit's book of open
 * tasks in step with the hub, and hands the doing to {@link UnitWork} (deliver, sign for, travel,
 * arrive, work, feed back).
 *
 * <p>It starts from {@code ListMyTasks} and follows {@code FieldService.Instructions} from that
 * list's sequence + 1, resuming after a broken stream from the last sequence seen + 1 (see
 * {@link EventFollower}). New tasks for the unit are taken on, returned ones reworked, cancelled,
 * closed and reassigned-away ones dropped; a task reassigned to the unit, or any refused step,
 * makes it re-sync through {@code ListMyTasks}, which is also how it learns a task's position.
 *
 * <p>Threading: all state is confined to the terminal's own {@link SerialExecutor} over the
 * shared scheduler, so hundreds of terminals share a few threads. {@link #start} and
 * {@link #close} may be called from any thread.
 */
public final class FieldTerminal {
    private static final Logger LOG = LoggerFactory.getLogger(FieldTerminal.class);
    private static final long TICK_MILLIS = 1000;

    private final Unit unit;
    private final TerminalSettings settings;
    private final Session session;
    private final ScheduledExecutorService scheduler;
    private final SerialExecutor serial;
    private final FieldServiceGrpc.FieldServiceStub stub;
    private final RetryingCaller caller;
    private final EventFollower instructions;
    private final Random random;
    private volatile boolean closed;
    private volatile ScheduledFuture<?> ticker;

    // Confined to the serial executor.
    private final Map<String, TaskRun> runs = new LinkedHashMap<>();
    private final Set<String> abandoned = new HashSet<>();
    private final UnitWork work;
    private boolean following;
    private boolean resyncing;
    private boolean resyncAgain;

    /**
     * @param unit the unit, with its starting position
     * @param session the unit's session (its username is the unit id)
     * @param channel the channel to the hub
     * @param scheduler the shared scheduler
     * @param settings how units behave
     * @param random this terminal's own source of chance
     */
    public FieldTerminal(Unit unit, Session session, Channel channel, ScheduledExecutorService scheduler,
            TerminalSettings settings, Random random) {
        this.unit = unit;
        this.session = session;
        this.scheduler = scheduler;
        this.settings = settings;
        this.random = random;
        this.serial = new SerialExecutor(scheduler, "terminal " + unit.getId());
        this.stub = FieldServiceGrpc.newStub(channel).withCallCredentials(session.credentials()).withExecutor(serial);
        this.caller = new RetryingCaller(scheduler, session, () -> !closed);
        this.instructions = new EventFollower("instructions " + unit.getId(),
                (from, observer) -> stub.instructions(InstructionsRequest.newBuilder().setFromSequence(from).build(),
                        observer),
                this::onEvent, serial, scheduler, session);
        commandroom.v1.TravelServiceGrpc.TravelServiceStub travel = commandroom.v1.TravelServiceGrpc.newStub(channel)
                .withCallCredentials(session.credentials()).withExecutor(serial);
        this.work = new UnitWork(unit, settings, scheduler, serial, this::deadlined,
                () -> travel.withDeadlineAfter(Rpc.DEADLINE.toMillis(), TimeUnit.MILLISECONDS), caller, random,
                new UnitWork.Owner() {
                    @Override
                    public boolean closed() {
                        return closed;
                    }

                    @Override
                    public void resync() {
                        FieldTerminal.this.resync();
                    }

                    @Override
                    public void drop(TaskRun run, String why, boolean forGood) {
                        FieldTerminal.this.drop(run, why, forGood);
                    }
                });
    }

    /** The unit this terminal speaks for. */
    public String unitId() {
        return unit.getId();
    }

    /** Logs in, re-syncs the unit's open tasks and follows its instructions from there. */
    public void start() {
        session.start().whenCompleteAsync((user, failure) -> {
            if (failure == null) {
                resync();
            }
        }, serial);
    }

    /** Stops the terminal and logs out; completes when the logout was answered (or failed). */
    public CompletableFuture<Void> close() {
        closed = true;
        instructions.close();
        ScheduledFuture<?> t = ticker;
        if (t != null) {
            t.cancel(false);
        }
        return session.close();
    }

    private FieldServiceGrpc.FieldServiceStub deadlined() {
        return stub.withDeadlineAfter(Rpc.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void resync() {
        if (closed) {
            return;
        }
        if (resyncing) {
            resyncAgain = true;
            return;
        }
        resyncing = true;
        caller.<ListMyTasksResponse>call("ListMyTasks", () -> Rpc.unary(o -> deadlined()
                        .listMyTasks(ListMyTasksRequest.getDefaultInstance(), o)))
                .whenCompleteAsync((response, failure) -> {
                    resyncing = false;
                    if (closed) {
                        return;
                    }
                    if (failure != null) {
                        LOG.warn("{}: cannot list its tasks ({}); trying again", unitId(), Rpc.describe(failure));
                        serial.schedule(scheduler, Backoff.MAX.toMillis(), this::resync);
                        return;
                    }
                    reconcile(response);
                    if (!following) {
                        following = true;
                        instructions.start(response.getAsOfSequence() + 1);
                        startTicking();
                    }
                    if (resyncAgain) {
                        resyncAgain = false;
                        resync();
                    }
                }, serial);
    }

    private void reconcile(ListMyTasksResponse response) {
        long asOf = response.getAsOfSequence();
        Set<String> listed = new HashSet<>();
        for (Task task : response.getTasksList()) {
            if (!task.getAssigneeUnitIdsList().contains(unitId()) || abandoned.contains(task.getId())) {
                continue;
            }
            listed.add(task.getId());
            TaskRun run = runs.get(task.getId());
            if (run == null) {
                adopt(task, asOf);
            } else if (asOf >= run.asOfSequence()) {
                boolean moved = run.task().getStatus() != task.getStatus();
                run.update(task, asOf);
                if (moved) {
                    run.restart();
                }
            }
        }
        for (TaskRun run : List.copyOf(runs.values())) {
            // A run newer than the list (dispatched after it was taken) stays.
            if (!listed.contains(run.id()) && run.asOfSequence() <= asOf) {
                drop(run, "no longer among the unit's open tasks", false);
            }
        }
        for (TaskRun run : List.copyOf(runs.values())) {
            work.advance(run);
        }
    }

    private TaskRun adopt(Task task, long sequence) {
        TaskRun run = new TaskRun(task, sequence, WorkTimes.pickLateStep(settings.lateProbability(), random));
        runs.put(task.getId(), run);
        return run;
    }

    private void onEvent(Event event) {
        switch (event.getKindCase()) {
            case TASK_DISPATCHED -> {
                Task task = event.getTaskDispatched().getTask();
                if (task.getAssigneeUnitIdsList().contains(unitId()) && !runs.containsKey(task.getId())
                        && !abandoned.contains(task.getId())) {
                    work.advance(adopt(task, event.getSequence()));
                }
            }
            case TASK_RETURNED -> {
                TaskRun run = fresh(event.getTaskReturned().getTaskId(), event);
                if (run != null) {
                    run.returned(event.getTaskReturned().getReason());
                    run.update(TaskEvents.returned(run.task(), event.getTaskReturned(), run.round()), event.getSequence());
                    run.restart();
                    work.advance(run);
                }
            }
            case TASK_CLOSED -> drop(fresh(event.getTaskClosed().getTaskId(), event), "closed", false);
            case TASK_CANCELLED -> drop(fresh(event.getTaskCancelled().getTaskId(), event), "cancelled", false);
            case TASK_REASSIGNED -> {
                if (event.getTaskReassigned().getToUnitIdsList().contains(unitId())) {
                    // The event has no incident position; the task list has.
                    resync();
                } else {
                    drop(fresh(event.getTaskReassigned().getTaskId(), event), "reassigned to other units", false);
                }
            }
            case FEEDBACK_SUBMITTED -> {
                TaskRun run = fresh(event.getFeedbackSubmitted().getTaskId(), event);
                // Another unit of a shared task answered for everyone.
                if (run != null && !unitId().equals(event.getFeedbackSubmitted().getFeedback().getUnitId())) {
                    run.update(TaskEvents.feedbackSubmitted(run.task()), event.getSequence());
                    run.restart();
                    work.advance(run);
                }
            }
            default -> {
                // Progress echoes, overdue warnings and the like change nothing the unit does.
            }
        }
    }

    private TaskRun fresh(String taskId, Event event) {
        TaskRun run = runs.get(taskId);
        return run != null && event.getSequence() > run.asOfSequence() ? run : null;
    }

    private void drop(TaskRun run, String why, boolean forGood) {
        if (run == null) {
            return;
        }
        LOG.debug("{}: dropping task {} ({})", unitId(), run.id(), why);
        if (forGood) {
            abandoned.add(run.id());
        }
        run.drop();
        runs.remove(run.id());
        work.forget(run);
    }

    private void startTicking() {
        work.reportPosition(0);
        try {
            ticker = scheduler.scheduleAtFixedRate(() -> serial.execute(this::tick), random.nextInt((int) TICK_MILLIS),
                    TICK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            closed = true;
        }
    }

    private void tick() {
        if (!closed) {
            work.tick();
            // Now and then a unit presses its emergency button (a scuffle, a fall): an urgent alarm
            // on every duty console. Chance per tick from the rate per hour.
            if (random.nextDouble() < settings.emergenciesPerHour() * TICK_MILLIS / 3_600_000.0) {
                pressEmergency();
            }
        }
    }

    private void pressEmergency() {
        commandroom.v1.PressEmergencyRequest.Builder r = commandroom.v1.PressEmergencyRequest.newBuilder()
                .setIdempotencyKey("sim-sos:" + session.username() + ":" + (++emergencies) + ":" + random.nextInt(1 << 30));
        Position here = work.position();
        if (here != null) {
            r.setPosition(here);
        }
        caller.<commandroom.v1.PressEmergencyResponse>call("PressEmergency", () -> Rpc.unary(o -> deadlined()
                .pressEmergency(r.build(), o))).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        LOG.debug("{}: emergency not pressed ({})", session.username(), Rpc.describe(failure));
                    }
                });
    }

    private int emergencies;
}
