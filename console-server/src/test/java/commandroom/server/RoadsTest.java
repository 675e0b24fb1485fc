package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.Road;
import commandroom.v1.Snapshot;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The county's roads reach every console with the snapshot, for the map and travel times; they
 * live in the event log like the rest of the registry, so a restart neither loses nor repeats them.
 */
class RoadsTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void seededRoadsComeWithTheSnapshotAndARestartAddsNoEvent(Backend backend) throws Exception {
        try (TestHub h = TestHub.start(backend)) {
            Snapshot first;
            try (HubClient duty = h.login("duty1")) {
                first = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
            }
            List<Road> roads = first.getRoadsList();
            assertEquals(1, roads.size());
            assertEquals("人民路", roads.get(0).getName());
            assertEquals("primary", roads.get(0).getRoadClass());
            assertEquals(2, roads.get(0).getLineCount());

            h.restart();
            try (HubClient duty = h.login("duty1")) {
                Snapshot again = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance());
                assertEquals(roads, again.getRoadsList(), "the road came back from the log");
                assertEquals(first.getAsOfSequence() + 1, again.getAsOfSequence(),
                        "seeding again wrote nothing (the one event is the second log-in)");
            }
        }
    }
}
