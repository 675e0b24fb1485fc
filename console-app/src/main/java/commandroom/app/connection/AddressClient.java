package commandroom.app.connection;

import commandroom.app.model.AddressSuggestion;
import commandroom.imports.AddressBookFile;
import commandroom.imports.AddressUpload;
import commandroom.imports.ReadFile;
import commandroom.v1.AddressServiceGrpc;
import commandroom.v1.ImportPreview;
import commandroom.v1.SearchAddressesRequest;
import commandroom.v1.StandardAddress;
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
        return CompletableFuture.supplyAsync(() -> AddressUpload.send(session.channel(), session.credentials(), file.items(),
                        file.sha256(), source, wholeBook, apply, 300), executor).thenCompose(f -> f)
                .exceptionallyCompose(t -> {
                    Throwable c = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
                    return CompletableFuture.failedFuture(c instanceof io.grpc.StatusRuntimeException s
                            ? CommandFailure.from(s) : c);
                });
    }
}
