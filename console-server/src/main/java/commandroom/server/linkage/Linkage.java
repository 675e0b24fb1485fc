package commandroom.server.linkage;

import commandroom.server.loop.Hub;
import commandroom.v1.CountyBoard;
import commandroom.v1.CountyInstruction;
import commandroom.v1.Incident;
import commandroom.v1.StationBoard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * This hub's links to others, as its settings name them: the stations it follows (a county hub)
 * and the county it follows (a station hub). Builds the county board from the stations' pictures
 * and this hub's own log of instructions. Thread-safe.
 */
public final class Linkage implements AutoCloseable {

    private final Hub hub;
    private final List<StationMirror> stations = new ArrayList<>();
    private final CountyLink county;
    private final ScheduledExecutorService scheduler;

    public Linkage(LinkSettings settings, Hub hub) {
        this.hub = hub;
        // A thread per link: a link's log-in blocks (up to its deadline) while a hub is out of
        // reach, and must not hold up the others.
        int links = settings.stations().size() + (settings.county() == null ? 0 : 1);
        this.scheduler = Executors.newScheduledThreadPool(Math.max(1, links), r -> {
            Thread t = new Thread(r, "linkage");
            t.setDaemon(true);
            return t;
        });
        for (LinkSettings.Peer p : settings.stations()) {
            stations.add(new StationMirror(p, settings, scheduler));
        }
        this.county = settings.county() == null ? null : new CountyLink(settings, hub, scheduler);
    }

    /** How often the county records the heads its stations' chains have reached. */
    static final java.time.Duration HEAD_RECORDING = java.time.Duration.ofSeconds(10);

    /** Starts following; connection problems are retried, never thrown. */
    public void start() {
        stations.forEach(StationMirror::start);
        if (!stations.isEmpty()) {
            scheduler.scheduleWithFixedDelay(this::recordHeads, HEAD_RECORDING.toMillis(), HEAD_RECORDING.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        if (county != null) {
            county.start();
        }
    }

    /** True if this hub follows a station with this id. */
    public boolean followsStation(String stationId) {
        return station(stationId).isPresent();
    }

    /** True if that station has handed the incident up, as far as this hub has heard. */
    public boolean handedUp(String stationId, String incidentId) {
        return station(stationId).map(s -> s.handedUp(incidentId)).orElse(false);
    }

    /** Every followed station, with the county's instructions merged into its handed-up incidents. */
    public CountyBoard board() {
        Collection<CountyInstruction> issued = hub.read(s -> List.copyOf(s.countyInstructions()));
        CountyBoard.Builder b = CountyBoard.newBuilder();
        for (StationMirror m : stations) {
            StationBoard board = m.board();
            StationBoard.Builder sb = board.toBuilder().clearHandedUp();
            for (Incident i : board.getHandedUpList()) {
                sb.addHandedUp(withInstructions(m.id(), i, issued));
            }
            b.addStations(sb);
        }
        return b.build();
    }

    /** The instructions given about the incident, each marked received if the station took it in. */
    private static Incident withInstructions(String stationId, Incident i, Collection<CountyInstruction> issued) {
        Incident.Builder b = i.toBuilder().clearCountyInstructions();
        for (CountyInstruction c : issued) {
            if (c.getStationId().equals(stationId) && c.getIncidentId().equals(i.getId())) {
                Optional<CountyInstruction> received = i.getCountyInstructionsList().stream()
                        .filter(r -> r.getId().equals(c.getId())).findFirst();
                b.addCountyInstructions(received.orElse(c));
            }
        }
        return b.build();
    }

    /**
     * Keeps each station's chain head in this (the county's) log, outside the station's database:
     * a station log later cut short or rewritten before it no longer reaches it.
     */
    private void recordHeads() {
        for (StationMirror m : stations) {
            long sequence = m.headSequence();
            if (sequence > 0) {
                hub.submit(commandroom.server.loop.LinkageRules.LINK, "",
                        commandroom.v1.Event.KindCase.STATION_HEAD_RECORDED,
                        commandroom.server.loop.LinkageRules.recordHead(m.id(), sequence, m.headHash()));
            }
        }
    }

    private Optional<StationMirror> station(String id) {
        return stations.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public void close() {
        stations.forEach(StationMirror::close);
        if (county != null) {
            county.close();
        }
        scheduler.shutdownNow();
    }
}
