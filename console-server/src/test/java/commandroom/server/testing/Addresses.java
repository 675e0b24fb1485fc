package commandroom.server.testing;

import commandroom.v1.AddressBatch;
import commandroom.v1.AddressImportHeader;
import commandroom.v1.AddressImportPart;
import commandroom.v1.AddressServiceGrpc;
import commandroom.v1.ImportPreview;
import commandroom.v1.StandardAddress;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Sends a book of standard addresses to a hub as the console does: a header, then batches of 5,000. */
public final class Addresses {

    private Addresses() {}

    /** Previews (apply false) or imports the rows; a refusal is thrown as the StatusRuntimeException. */
    public static ImportPreview send(HubClient c, List<StandardAddress> rows, String sha256, boolean apply)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        CompletableFuture<ImportPreview> answer = new CompletableFuture<>();
        StreamObserver<AddressImportPart> up = AddressServiceGrpc.newStub(c.channel())
                .withCallCredentials(HubClient.bearer(c.login().getAccessToken())).withDeadlineAfter(120, TimeUnit.SECONDS)
                .importAddresses(new StreamObserver<>() {
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
                        // The answer came in onNext.
                    }
                });
        up.onNext(AddressImportPart.newBuilder().setHeader(AddressImportHeader.newBuilder().setSha256(sha256)
                .setSource("标准地址.xlsx").setApply(apply)).build());
        for (int i = 0; i < rows.size(); i += 5000) {
            up.onNext(AddressImportPart.newBuilder().setBatch(AddressBatch.newBuilder()
                    .addAllAddresses(rows.subList(i, Math.min(rows.size(), i + 5000)))).build());
        }
        up.onCompleted();
        try {
            return answer.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        }
    }
}
