package commandroom.imports;

import commandroom.v1.AddressBatch;
import commandroom.v1.AddressImportHeader;
import commandroom.v1.AddressImportPart;
import commandroom.v1.AddressServiceGrpc;
import commandroom.v1.ImportPreview;
import commandroom.v1.StandardAddress;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Sends a book of standard addresses to a hub's AddressService the one way it takes them: a
 * header, then batches of 5,000 rows; answers the hub's preview (or, with apply, what it wrote).
 * The console, the demo and {@code commandroom-hub import addresses} all send it so. Thread-safe.
 */
public final class AddressUpload {

    /** Rows per batch: the hub takes at most 5,000 (and 2 MiB) per message. */
    public static final int BATCH = 5000;

    private AddressUpload() {}

    /** Sends the rows; the future fails with the hub's StatusRuntimeException if it refuses. */
    public static CompletableFuture<ImportPreview> send(Channel channel, CallCredentials credentials,
                                                        List<StandardAddress> rows, String sha256, String source,
                                                        boolean wholeBook, boolean apply, long deadlineSeconds) {
        CompletableFuture<ImportPreview> answer = new CompletableFuture<>();
        try {
            StreamObserver<AddressImportPart> up = AddressServiceGrpc.newStub(channel).withCallCredentials(credentials)
                    .withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS).importAddresses(new StreamObserver<>() {
                        @Override
                        public void onNext(ImportPreview p) {
                            answer.complete(p);
                        }

                        @Override
                        public void onError(Throwable t) {
                            answer.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {
                            answer.completeExceptionally(new IllegalStateException("the hub answered nothing"));
                        }
                    });
            up.onNext(AddressImportPart.newBuilder().setHeader(AddressImportHeader.newBuilder().setSha256(sha256)
                    .setSource(source).setApply(apply).setRetireMissing(wholeBook)).build());
            for (int i = 0; i < rows.size(); i += BATCH) {
                up.onNext(AddressImportPart.newBuilder().setBatch(AddressBatch.newBuilder()
                        .addAllAddresses(rows.subList(i, Math.min(rows.size(), i + BATCH)))).build());
            }
            up.onCompleted();
        } catch (StatusRuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    /** The credentials of a tool that logged in itself (the demo, the command line): its access token. */
    public static CallCredentials bearer(String accessToken) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata m = new Metadata();
                m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + accessToken);
                applier.apply(m);
            }
        };
    }
}
