package commandroom.app.connection;

import commandroom.app.model.AddressSuggestion;
import commandroom.imports.AddressBookFile;
import commandroom.imports.ReadFile;
import commandroom.v1.AddressBatch;
import commandroom.v1.AddressImportHeader;
import commandroom.v1.AddressImportPart;
import commandroom.v1.AddressServiceGrpc;
import commandroom.v1.ImportPreview;
import commandroom.v1.SearchAddressesRequest;
import commandroom.v1.StandardAddress;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The standard addresses at the hub: type-ahead (a short deadline: a keystroke's answer is only
 * worth having at once) and the book's import, streamed in batches. Off the FX thread; refusals as
 * {@link CommandFailure}. Thread-safe.
 */
public final class AddressClient {

    private static final int BATCH = 5000;

    private final HubSession session;
    private final Executor executor;

    public AddressClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    public CompletableFuture<List<AddressSuggestion>> search(String typed, int limit) {
        return HubCalls.async(executor, () -> AddressServiceGrpc.newBlockingStub(session.channel())
                .withCallCredentials(session.credentials()).withDeadlineAfter(3, TimeUnit.SECONDS)
                .searchAddresses(SearchAddressesRequest.newBuilder().setQuery(typed).setLimit(limit).build())
                .getAddressesList().stream().map(a -> new AddressSuggestion(a.getId(), a.getText(),
                        a.getPosition().getLatitude(), a.getPosition().getLongitude(), a.getZoneId())).toList());
    }

    /** Reads an address book file (CSV, .xlsx). */
    public static ReadFile<StandardAddress> read(String fileName, byte[] bytes, Function<String, Optional<String>> zoneId) {
        return AddressBookFile.read(fileName, bytes, zoneId);
    }

    /** Sends the rows read: a preview, or (apply) the import itself. */
    public CompletableFuture<ImportPreview> send(ReadFile<StandardAddress> file, String source, boolean wholeBook,
                                                 boolean apply) {
        CompletableFuture<ImportPreview> answer = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                StreamObserver<AddressImportPart> up = AddressServiceGrpc.newStub(session.channel())
                        .withCallCredentials(session.credentials()).withDeadlineAfter(300, TimeUnit.SECONDS)
                        .importAddresses(new StreamObserver<>() {
                            @Override
                            public void onNext(ImportPreview p) {
                                answer.complete(p);
                            }

                            @Override
                            public void onError(Throwable t) {
                                answer.completeExceptionally(t instanceof io.grpc.StatusRuntimeException s
                                        ? CommandFailure.from(s) : t);
                            }

                            @Override
                            public void onCompleted() {
                                answer.completeExceptionally(new IllegalStateException("the hub answered nothing"));
                            }
                        });
                up.onNext(AddressImportPart.newBuilder().setHeader(AddressImportHeader.newBuilder()
                        .setSha256(file.sha256()).setSource(source).setApply(apply).setRetireMissing(wholeBook)).build());
                List<StandardAddress> rows = file.items();
                for (int i = 0; i < rows.size(); i += BATCH) {
                    up.onNext(AddressImportPart.newBuilder().setBatch(AddressBatch.newBuilder()
                            .addAllAddresses(rows.subList(i, Math.min(rows.size(), i + BATCH)))).build());
                }
                up.onCompleted();
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }
}
