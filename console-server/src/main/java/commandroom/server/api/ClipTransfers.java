package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.loop.Hub;
import commandroom.server.loop.HubException;
import commandroom.server.loop.IncidentRules;
import commandroom.server.store.ClipStore;
import commandroom.v1.ClipChunk;
import commandroom.v1.ClipHeader;
import commandroom.v1.ClipUpload;
import commandroom.v1.Event;
import commandroom.v1.Evidence;
import commandroom.v1.GetEvidenceRequest;
import commandroom.v1.Incident;
import commandroom.v1.IncidentResponse;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.security.MessageDigest;
import java.util.OptionalInt;

/**
 * Clips kept as evidence, in and out in chunks (KeepClip, GetClip). An upload writes each chunk to
 * the clip store as it arrives (grpc-java asks for the next message only after onNext returns, so
 * a fast console cannot pile chunks up in the hub), checks size and hash at the end, and only then
 * submits the evidence; anything wrong drops the chunks. A download sends the next chunk only when
 * the caller's transport is ready for it. Thread-safe.
 */
final class ClipTransfers {

    private final Hub hub;
    private final ClipStore clips;

    ClipTransfers(Hub hub, ClipStore clips) {
        this.hub = hub;
        this.clips = clips;
    }

    StreamObserver<ClipUpload> keep(StreamObserver<IncidentResponse> out) {
        Caller caller = Caller.current();
        return new StreamObserver<>() {
            private ClipHeader header;
            private ClipStore.Upload upload;
            private boolean done;

            @Override
            public void onNext(ClipUpload part) {
                if (done) {
                    return;
                }
                try {
                    if (header == null) {
                        if (!part.hasHeader()) {
                            throw HubException.invalid("header", "the first message must be the header");
                        }
                        RequestChecks.check(part.getHeader(), hub.clock().instant());
                        header = part.getHeader();
                        upload = clips.begin();
                        return;
                    }
                    if (part.hasHeader()) {
                        throw HubException.invalid("header", "only the first message is the header");
                    }
                    ByteString chunk = part.getChunk();
                    if (chunk.isEmpty() || chunk.size() > RequestChecks.MAX_CLIP_CHUNK) {
                        throw HubException.invalid("chunk", "must be 1.." + RequestChecks.MAX_CLIP_CHUNK + " bytes");
                    }
                    if (upload.size() + chunk.size() > header.getClip().getSizeBytes()) {
                        throw HubException.invalid("chunk", "more bytes than header.clip.size_bytes says ("
                                + header.getClip().getSizeBytes() + ")");
                    }
                    upload.append(chunk.toByteArray());
                } catch (RuntimeException e) {
                    fail(e);
                }
            }

            @Override
            public void onError(Throwable t) {
                // The console gave up or went away: nothing is kept.
                if (!done && upload != null) {
                    done = true;
                    upload.abort();
                }
            }

            @Override
            public void onCompleted() {
                if (done) {
                    return;
                }
                try {
                    if (header == null) {
                        throw HubException.invalid("header", "is required");
                    }
                    if (upload.size() != header.getClip().getSizeBytes()) {
                        throw HubException.invalid("header.clip.size_bytes", "says " + header.getClip().getSizeBytes()
                                + " bytes; " + upload.size() + " came");
                    }
                    byte[] sha = upload.sha256();
                    if (!MessageDigest.isEqual(sha, header.getClip().getSha256().toByteArray())) {
                        throw HubException.invalid("header.clip.sha256", "does not match the bytes that came");
                    }
                    upload.finish(sha, header.getClip().getContentType(), hub.clock().instant());
                    done = true;
                } catch (RuntimeException e) {
                    fail(e);
                    return;
                }
                Replies.answer(hub.submit(caller.actor(), header.getIdempotencyKey(), Event.KindCase.EVIDENCE_ADDED,
                                IncidentRules.addClip(header)),
                        res -> IncidentResponse.newBuilder().setIncident((Incident) res.entity())
                                .setSequence(res.sequence()).build(), out);
            }

            private void fail(RuntimeException e) {
                done = true;
                if (upload != null) {
                    upload.abort();
                }
                out.onError(Replies.toStatus(e));
            }
        };
    }

    void get(GetEvidenceRequest r, StreamObserver<ClipChunk> out) {
        ServerCallStreamObserver<ClipChunk> call = (ServerCallStreamObserver<ClipChunk>) out;
        byte[] sha;
        int count;
        try {
            new Violations().id("incident_id", r.getIncidentId()).id("evidence_id", r.getEvidenceId()).throwIfAny();
            Evidence e = hub.read(s -> {
                s.incident(r.getIncidentId())
                        .orElseThrow(() -> HubException.notFound("incident_id", "incident", r.getIncidentId()));
                return s.evidence(r.getIncidentId(), r.getEvidenceId())
                        .orElseThrow(() -> HubException.notFound("evidence_id", "evidence", r.getEvidenceId()));
            });
            if (!e.hasClip()) {
                throw new HubException(Status.Code.FAILED_PRECONDITION, "evidence_id",
                        "evidence " + r.getEvidenceId() + " is a picture, not a clip (GetEvidence has it)");
            }
            sha = e.getClip().getSha256().toByteArray();
            OptionalInt chunks = clips.chunks(sha);
            if (chunks.isEmpty()) {
                throw HubException.notFound("evidence_id", "clip bytes of evidence", r.getEvidenceId());
            }
            count = chunks.getAsInt();
        } catch (RuntimeException e) {
            out.onError(Replies.toStatus(e));
            return;
        }
        int[] next = {0};
        boolean[] finished = {false};
        // Called by grpc-java (serially) whenever the transport can take more.
        call.setOnReadyHandler(() -> {
            try {
                while (call.isReady() && !call.isCancelled() && next[0] < count) {
                    call.onNext(ClipChunk.newBuilder().setData(ByteString.copyFrom(clips.chunk(sha, next[0]++))).build());
                }
                if (next[0] == count && !finished[0]) {
                    finished[0] = true;
                    call.onCompleted();
                }
            } catch (RuntimeException e) {
                if (!finished[0]) {
                    finished[0] = true;
                    call.onError(Replies.toStatus(e));
                }
            }
        });
    }
}
