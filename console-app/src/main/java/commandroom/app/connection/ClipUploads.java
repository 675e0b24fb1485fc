package commandroom.app.connection;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import commandroom.app.model.EvidenceItem;
import commandroom.v1.ClipChunk;
import commandroom.v1.ClipHeader;
import commandroom.v1.ClipUpload;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.GetEvidenceRequest;
import commandroom.v1.IncidentResponse;
import commandroom.v1.VideoClip;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Clips to and from the hub in chunks (KeepClip, GetClip). The upload sends a chunk only when the
 * transport is ready for it, so a clip of hundreds of megabytes never sits in the console's memory;
 * the download writes each chunk to the file as it comes and checks the whole against the hash
 * the incident names. Blocking: called on the clients' pool.
 */
final class ClipUploads {

    private static final int CHUNK = 1024 * 1024;
    private static final long UPLOAD_SECONDS = 300;

    private ClipUploads() {}

    static String upload(HubSession session, CommandClient.ClipDraft d, String idempotencyKey) {
        try {
            byte[] sha = sha256(d.file());
            long size = Files.size(d.file());
            ClipHeader header = ClipHeader.newBuilder().setIncidentId(d.incidentId()).setCameraId(d.cameraId())
                    .setReason(d.reason()).setIdempotencyKey(idempotencyKey)
                    .setClip(VideoClip.newBuilder().setSha256(ByteString.copyFrom(sha)).setSizeBytes(size)
                            .setContentType("video/mp2t").setFrom(timestamp(d.from())).setTo(timestamp(d.to())))
                    .build();
            CompletableFuture<IncidentResponse> answer = new CompletableFuture<>();
            Object ready = new Object();
            ClientResponseObserver<ClipUpload, IncidentResponse> replies = new ClientResponseObserver<>() {
                @Override
                public void beforeStart(ClientCallStreamObserver<ClipUpload> call) {
                    call.setOnReadyHandler(() -> {
                        synchronized (ready) {
                            ready.notifyAll();
                        }
                    });
                }

                @Override
                public void onNext(IncidentResponse r) {
                    answer.complete(r);
                }

                @Override
                public void onError(Throwable t) {
                    answer.completeExceptionally(t);
                    synchronized (ready) {
                        ready.notifyAll();
                    }
                }

                @Override
                public void onCompleted() {
                    answer.complete(null);
                }
            };
            ClientCallStreamObserver<ClipUpload> up = (ClientCallStreamObserver<ClipUpload>) CommandServiceGrpc
                    .newStub(session.channel()).withCallCredentials(session.credentials())
                    .withDeadlineAfter(UPLOAD_SECONDS, TimeUnit.SECONDS).keepClip(replies);
            up.onNext(ClipUpload.newBuilder().setHeader(header).build());
            try (InputStream in = Files.newInputStream(d.file())) {
                byte[] buf = new byte[CHUNK];
                int n;
                while ((n = in.readNBytes(buf, 0, CHUNK)) > 0 && !answer.isDone()) {
                    synchronized (ready) {
                        while (!up.isReady() && !answer.isDone()) {
                            ready.wait(100);
                        }
                    }
                    up.onNext(ClipUpload.newBuilder().setChunk(ByteString.copyFrom(buf, 0, n)).build());
                }
            }
            up.onCompleted();
            IncidentResponse r = answer.get(UPLOAD_SECONDS, TimeUnit.SECONDS);
            return r.getIncident().getEvidence(r.getIncident().getEvidenceCount() - 1).getId();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException s) {
                throw s;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new CommandFailure(CommandFailure.Kind.OTHER, "clip", "the hub did not answer the upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path download(HubSession session, EvidenceItem e, Path target) {
        Iterator<ClipChunk> chunks = CommandServiceGrpc.newBlockingStub(session.channel())
                .withCallCredentials(session.credentials()).withDeadlineAfter(UPLOAD_SECONDS, TimeUnit.SECONDS)
                .getClip(GetEvidenceRequest.newBuilder().setIncidentId(e.incidentId()).setEvidenceId(e.id()).build());
        MessageDigest digest = digest();
        try (OutputStream out = Files.newOutputStream(target)) {
            while (chunks.hasNext()) {
                ByteString data = chunks.next().getData();
                digest.update(data.asReadOnlyByteBuffer());
                data.writeTo(out);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(e.clipSha256())) {
            throw new CommandFailure(CommandFailure.Kind.OTHER, "sha256", "the clip's bytes do not match its hash "
                    + e.clipSha256());
        }
        return target;
    }

    private static byte[] sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }
}
