package commandroom.server.linkage;

import commandroom.server.loop.FollowedState;
import commandroom.server.loop.HubState;
import commandroom.v1.Incident;
import commandroom.v1.IncidentStatus;
import commandroom.v1.StationBoard;
import commandroom.v1.Task;
import commandroom.v1.TaskStatus;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The county hub's picture of one station: the station's projections, rebuilt from its event
 * stream (from the first event at start-up, then resuming from the last one taken). Thread-safe.
 */
final class StationMirror implements AutoCloseable {

    private static final Set<TaskStatus> DONE = Set.of(TaskStatus.TASK_STATUS_CLOSED, TaskStatus.TASK_STATUS_CANCELLED);
    private static final Set<IncidentStatus> SETTLED = Set.of(IncidentStatus.INCIDENT_STATUS_RESOLVED,
            IncidentStatus.INCIDENT_STATUS_DISMISSED);

    private final LinkSettings.Peer station;
    private final FollowedState state = new FollowedState();
    private final RemoteStream stream;

    StationMirror(LinkSettings.Peer station, LinkSettings settings, ScheduledExecutorService scheduler) {
        this.station = station;
        this.stream = new RemoteStream(station, settings, state::lastSequence, state::apply, scheduler);
    }

    void start() {
        stream.start();
    }

    String id() {
        return station.id();
    }

    /** True if the station handed this incident up (as far as the county has heard). */
    boolean handedUp(String incidentId) {
        return state.read(s -> s.incident(incidentId).map(Incident::hasHandUp).orElse(false));
    }

    /** The station's board as the county shows it (instructions not yet merged in). */
    StationBoard board() {
        return state.read(s -> StationBoard.newBuilder().setStationId(station.id())
                .setConnected(stream.connected()).setProblem(stream.problem()).setLastSequence(state.lastSequence())
                .setOpenIncidents((int) s.incidents().stream().filter(i -> !SETTLED.contains(i.getStatus())).count())
                .setOpenTasks((int) s.tasks().stream().filter(t -> !DONE.contains(t.getStatus())).count())
                .setOverdueTasks((int) s.tasks().stream().filter(StationMirror::overdue).count())
                .addAllHandedUp(handedUp(s))
                .build());
    }

    private static Iterable<Incident> handedUp(HubState s) {
        return s.incidents().stream().filter(Incident::hasHandUp)
                .sorted(Comparator.comparing((Incident i) -> i.getHandUp().getAt().getSeconds()).reversed())
                .map(i -> i.toBuilder().clearTimeline().build()).toList();
    }

    private static boolean overdue(Task t) {
        return !DONE.contains(t.getStatus()) && t.getDeadlinesList().stream().anyMatch(d -> d.getOverdue());
    }

    /** The station's chain head as far as this hub has followed it: sequence, and its hash. */
    long headSequence() {
        return state.lastSequence();
    }

    com.google.protobuf.ByteString headHash() {
        return state.lastHash();
    }

    @Override
    public void close() {
        stream.close();
    }
}
