package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.AddEvidenceRequest;
import commandroom.v1.Evidence;
import commandroom.v1.GetEvidenceRequest;
import commandroom.v1.GetIncidentRequest;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.Photo;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Role;
import commandroom.v1.UpdateIncidentRequest;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A camera snapshot kept in an incident's file: who kept it, from which camera, why and when are
 * on the incident; the bytes come back from GetEvidence exactly as sent, also after a restart
 * (they live in the event log); a repeated request keeps it once; a later change of the incident
 * keeps its evidence.
 */
class EvidenceTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSnapshotIsKeptWithWhoWhyAndWhenAndSurvivesARestart(Backend backend) throws Exception {
        try (TestHub h = TestHub.start(backend)) {
            byte[] png = new byte[300_000];
            new Random(7).nextBytes(png);
            // A PNG's header (640×480) on noise: the hub checks the header, not the pixels.
            byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                    0, 0, 2, (byte) 0x80, 0, 0, 1, (byte) 0xe0};
            System.arraycopy(head, 0, png, 0, head.length);
            Instant shown = Instant.now().minusSeconds(3);
            String incidentId;
            try (HubClient duty = h.login("duty1")) {
                Incident incident = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                        .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_HIGH)
                        .setPosition(TestCounty.pos(30.545, 119.963)).setAddress("人民路口")
                        .setSummary("两车刮擦").build()).getIncident();
                incidentId = incident.getId();
                AddEvidenceRequest request = request(incidentId, png, shown).setIdempotencyKey("snap-1").build();
                Incident after = duty.command().addEvidence(request).getIncident();

                assertEquals(incident.getVersion() + 1, after.getVersion(), "keeping evidence changes the incident");
                assertEquals(1, after.getEvidenceCount());
                Evidence kept = after.getEvidence(0);
                assertEquals(incidentId + "-E1", kept.getId());
                assertEquals("c-001", kept.getCameraId());
                assertEquals("车辆逃逸方向", kept.getReason());
                assertEquals("duty1", kept.getTakenBy().getUserId());
                assertEquals(Role.ROLE_DUTY_OFFICER, kept.getTakenBy().getRole());
                assertEquals(shown.getEpochSecond(), kept.getCapturedAt().getSeconds());
                assertTrue(kept.getImage().getData().isEmpty(), "the incident carries the description only");
                assertEquals(sha256(png), kept.getImage().getSha256());

                Incident again = duty.command().addEvidence(request).getIncident();
                assertEquals(1, again.getEvidenceCount(), "the same key keeps it once");

                duty.command().updateIncident(UpdateIncidentRequest.newBuilder().setIncidentId(incidentId)
                        .setSummary("两车刮擦，一车逃逸").build());
                var file = duty.command().getIncident(GetIncidentRequest.newBuilder().setIncidentId(incidentId).build());
                assertEquals(1, file.getIncident().getEvidenceCount(), "an update keeps the evidence");
                assertTrue(file.getIncident().getTimelineList().stream()
                        .anyMatch(l -> l.getWhat().equals("EvidenceAdded") && l.getNote().equals("车辆逃逸方向")
                                && l.getActor().getUserId().equals("duty1")), "the case file says who kept what");
            }
            h.restart();
            try (HubClient chief = h.login("chief1")) {
                Evidence full = chief.command().getEvidence(GetEvidenceRequest.newBuilder()
                        .setIncidentId(incidentId).setEvidenceId(incidentId + "-E1").build());
                assertArrayEquals(png, full.getImage().getData().toByteArray(), "the bytes as sent, after a restart");
                assertEquals("image/png", full.getImage().getContentType());
                assertEquals("duty1", full.getTakenBy().getUserId());
            }
        }
    }

    static AddEvidenceRequest.Builder request(String incidentId, byte[] png, Instant shown) throws Exception {
        return AddEvidenceRequest.newBuilder().setIncidentId(incidentId).setCameraId("c-001").setReason("车辆逃逸方向")
                .setCapturedAt(Timestamp.newBuilder().setSeconds(shown.getEpochSecond()))
                .setImage(Photo.newBuilder().setName("c-001.png").setContentType("image/png")
                        .setData(ByteString.copyFrom(png)).setSha256(sha256(png)));
    }

    private static ByteString sha256(byte[] data) throws Exception {
        return ByteString.copyFrom(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
