package commandroom.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.connection.HubAddress;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Waits;
import commandroom.server.HubConfig;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.server.tls.SelfSignedCertificate;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A console given two replicas of the hub (one PostgreSQL) uses the first; when that replica dies
 * the console moves to the other by itself and resumes from the last event it applied: what the
 * other replica took in meanwhile arrives, nothing twice, and the banner goes away again.
 */
class ReplicaFailoverTest extends FxRobot {

    @Test
    void consoleMovesToTheOtherReplicaAndResumesFromItsSequence() throws Exception {
        var tls = SelfSignedCertificate.ensure(Files.createTempDirectory("replica-tls"));
        HubConfig config = TestHub.config(Backend.POSTGRES).withCertificate(tls.certificate(), tls.privateKey());
        TestHub first = TestHub.start(Backend.POSTGRES, c -> config);
        try (TestHub second = TestHub.start(Backend.POSTGRES, c -> config);
             HubClient duty = second.login("duty1")) {
            report(duty, "副机接报一号");
            Workstation w = Consoles.open(List.of(new HubAddress("127.0.0.1", first.port()),
                    new HubAddress("127.0.0.1", second.port())), tls.certificate(), "leader1");
            try {
                Waits.until("live on the first replica", Duration.ofSeconds(20),
                        () -> w.state().connectionProperty().get().isLive()
                                && w.state().lastSequenceProperty().get() >= second.hub().lastSequence()
                                && first.hub().subscriberCount() > 0);
                assertEquals(0, second.hub().subscriberCount(), "the console streams from the first replica only");
                Node banner = from(w.stages().get(0).getScene().getRoot()).lookup("#connection-banner").query();

                first.close();
                for (String address : new String[] {"主机停机后一号", "主机停机后二号"}) {
                    report(duty, address);
                }
                Waits.until("moved to the second replica", Duration.ofSeconds(30),
                        () -> second.hub().subscriberCount() > 0 && w.state().connectionProperty().get().isLive()
                                && !banner.isVisible());
                long head = second.hub().lastSequence();
                Waits.until("caught up with the second replica", Duration.ofSeconds(20),
                        () -> w.state().lastSequenceProperty().get() == head);
                assertTrue(w.state().incidents().values().stream()
                        .filter(i -> i.address().startsWith("主机停机后")).count() == 2, "the calls taken meanwhile");
                int onHub = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getIncidentsCount();
                assertEquals(onHub, w.state().incidents().size(), "every incident once");
            } finally {
                Consoles.close(w);
            }
        } finally {
            first.close();
        }
    }

    private static void report(HubClient duty, String address) {
        duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_HIGH)
                .setPosition(TestCounty.pos(30.545, 119.965)).setAddress(address).setSummary("双机切换")
                .build());
    }
}
