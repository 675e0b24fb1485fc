package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.ClipChunk;
import commandroom.v1.ClipHeader;
import commandroom.v1.ClipUpload;
import commandroom.v1.Evidence;
import commandroom.v1.GetEvidenceRequest;
import commandroom.v1.GetIncidentRequest;
import commandroom.v1.Incident;
import commandroom.v1.IncidentResponse;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.VideoClip;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Iterator;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A video clip kept as evidence through the chunked upload: the incident names it (hash, size,
 * period), GetClip gives back exactly the bytes sent, in chunks; a clip whose bytes do not match
 * its header is refused with the field named and leaves nothing behind; a clip over the limit is
 * refused before a byte is kept; a picture is not a clip.
 */
public class ClipEvidenceTest {

    private static final int CHUNK = 1024 * 1024;

    /** The bytes of a kept clip, read back through GetClip. */
    public static byte[] read(HubClient client, String incidentId, String evidenceId) throws java.io.IOException {
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        Iterator<ClipChunk> it = client.command().getClip(GetEvidenceRequest.newBuilder().setIncidentId(incidentId)
                .setEvidenceId(evidenceId).build());
        while (it.hasNext()) {
            it.next().getData().writeTo(back);
        }
        return back.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aClipIsKeptInChunksAndComesBackAsSent(Backend backend) throws Exception {
        try (TestHub h = TestHub.start(backend); HubClient duty = h.login("duty1")) {
            String incidentId = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_CALL_110).setPriority(Priority.PRIORITY_HIGH)
                    .setPosition(TestCounty.pos(30.545, 119.963)).setAddress("人民路口")
                    .setSummary("两车刮擦，一车逃逸").build()).getIncident().getId();
            byte[] clip = new byte[12 * CHUNK + 4321];
            new Random(11).nextBytes(clip);
            Instant to = Instant.now().minusSeconds(2);

            Incident after = upload(duty, header(incidentId, clip, sha256(clip), to), clip).get(30, TimeUnit.SECONDS)
                    .getIncident();
            assertEquals(1, after.getEvidenceCount());
            Evidence kept = after.getEvidence(0);
            assertTrue(kept.hasClip() && !kept.hasImage(), "a clip, not a picture");
            assertEquals(clip.length, kept.getClip().getSizeBytes());
            assertEquals(ByteString.copyFrom(sha256(clip)), kept.getClip().getSha256());
            assertEquals(to.getEpochSecond() - 15, kept.getClip().getFrom().getSeconds());
            assertEquals("duty1", kept.getTakenBy().getUserId());

            ByteArrayOutputStream back = new ByteArrayOutputStream();
            int chunks = 0;
            Iterator<ClipChunk> it = duty.command().getClip(GetEvidenceRequest.newBuilder().setIncidentId(incidentId)
                    .setEvidenceId(kept.getId()).build());
            while (it.hasNext()) {
                ClipChunk c = it.next();
                assertTrue(c.getData().size() <= CHUNK, "chunks of at most 1 MiB");
                c.getData().writeTo(back);
                chunks++;
            }
            assertEquals(13, chunks);
            assertArrayEquals(clip, back.toByteArray(), "the bytes as sent");

            // Bytes that are not the header's: refused, the field named, nothing added.
            byte[] other = clip.clone();
            other[5] ^= 1;
            StatusRuntimeException bad = failure(upload(duty, header(incidentId, other, sha256(clip), to), other));
            assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
            assertTrue(bad.getMessage().contains("header.clip.sha256"), bad.getMessage());
            // Fewer bytes than the header says.
            byte[] shorter = java.util.Arrays.copyOf(clip, CHUNK);
            StatusRuntimeException cut = failure(upload(duty, header(incidentId, clip, sha256(clip), to), shorter));
            assertTrue(cut.getMessage().contains("header.clip.size_bytes"), cut.getMessage());
            // More than a clip may be: refused at the header, before any byte.
            ClipHeader huge = header(incidentId, clip, sha256(clip), to).toBuilder()
                    .setClip(header(incidentId, clip, sha256(clip), to).getClip().toBuilder().setSizeBytes(1L << 40)).build();
            StatusRuntimeException tooBig = failure(upload(duty, huge, new byte[0]));
            assertEquals(Status.Code.INVALID_ARGUMENT, tooBig.getStatus().getCode());
            assertTrue(tooBig.getMessage().contains("header.clip.size_bytes"), tooBig.getMessage());

            assertEquals(1, duty.command().getIncident(GetIncidentRequest.newBuilder().setIncidentId(incidentId).build())
                    .getIncident().getEvidenceCount(), "nothing refused was added");
        }
    }

    public static ClipHeader header(String incidentId, byte[] clip, byte[] sha, Instant to) {
        return ClipHeader.newBuilder().setIncidentId(incidentId).setCameraId("c-001").setReason("逃逸车辆经过路口")
                .setIdempotencyKey("clip-" + java.util.UUID.randomUUID())
                .setClip(VideoClip.newBuilder().setSha256(ByteString.copyFrom(sha)).setSizeBytes(clip.length)
                        .setContentType("video/mp2t")
                        .setFrom(Timestamp.newBuilder().setSeconds(to.getEpochSecond() - 15))
                        .setTo(Timestamp.newBuilder().setSeconds(to.getEpochSecond()))).build();
    }

    public static CompletableFuture<IncidentResponse> upload(HubClient client, ClipHeader header, byte[] bytes) {
        CompletableFuture<IncidentResponse> done = new CompletableFuture<>();
        StreamObserver<ClipUpload> up = client.commandAsync().keepClip(new StreamObserver<>() {
            @Override
            public void onNext(IncidentResponse r) {
                done.complete(r);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        up.onNext(ClipUpload.newBuilder().setHeader(header).build());
        for (int at = 0; at < bytes.length; at += CHUNK) {
            up.onNext(ClipUpload.newBuilder().setChunk(ByteString.copyFrom(bytes, at, Math.min(CHUNK, bytes.length - at)))
                    .build());
        }
        up.onCompleted();
        return done;
    }

    private static StatusRuntimeException failure(CompletableFuture<?> f) {
        Exception e = assertThrows(Exception.class, () -> f.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof StatusRuntimeException, String.valueOf(e));
        return (StatusRuntimeException) e.getCause();
    }

    public static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }
}
