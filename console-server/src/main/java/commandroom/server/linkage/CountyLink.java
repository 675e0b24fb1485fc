package commandroom.server.linkage;

import commandroom.server.loop.Hub;
import commandroom.server.loop.LinkageRules;
import commandroom.v1.Event;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A station hub's link to its county: follows the county's event stream and takes each
 * instruction for this station into the station's own log (once: the rule ignores one taken in
 * before). It resumes from the county sequence of the last instruction taken in, which the
 * station's log keeps, so a restart of either hub loses none. Thread-safe.
 */
final class CountyLink implements AutoCloseable {

    private final RemoteStream stream;

    CountyLink(LinkSettings settings, Hub hub, ScheduledExecutorService scheduler) {
        String me = settings.stationId();
        this.stream = new RemoteStream(settings.county(), settings, () -> hub.read(s -> s.countySequence()),
                e -> take(hub, me, e), scheduler);
    }

    private static void take(Hub hub, String me, Event e) throws Exception {
        if (e.hasCountyInstructionIssued() && e.getCountyInstructionIssued().getInstruction().getStationId().equals(me)) {
            // Written before the next event is taken, so the link's place is never ahead of the log.
            hub.submit(LinkageRules.LINK, "", Event.KindCase.COUNTY_INSTRUCTION_RECEIVED,
                    LinkageRules.receive(e.getCountyInstructionIssued().getInstruction(), e.getSequence()))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    void start() {
        stream.start();
    }

    boolean connected() {
        return stream.connected();
    }

    @Override
    public void close() {
        stream.close();
    }
}
