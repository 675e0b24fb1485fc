package commandroom.server.api;

import commandroom.server.address.AddressBook;
import commandroom.server.address.AddressImport;
import commandroom.server.auth.Caller;
import commandroom.server.loop.Hub;
import commandroom.server.loop.HubException;
import commandroom.v1.Actor;
import commandroom.v1.AddressImportHeader;
import commandroom.v1.AddressImportPart;
import commandroom.v1.AddressServiceGrpc;
import commandroom.v1.AddressesImported;
import commandroom.v1.Event;
import commandroom.v1.ImportPreview;
import commandroom.v1.SearchAddressesRequest;
import commandroom.v1.SearchAddressesResponse;
import commandroom.v1.StandardAddress;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * AddressService: type-ahead over the standard addresses, and their import: a header, then the
 * rows in batches, bounded; compared with the book, every row checked; applied (the table in one
 * transaction, then one event of the log saying which file changed what) only when no problem
 * remains. Thread-safe.
 */
public final class AddressGrpcService extends AddressServiceGrpc.AddressServiceImplBase {

    /** Most addresses one import carries: a county's book is a few hundred thousand. */
    static final int MAX_ROWS = 500_000;
    static final int MAX_BATCH = 5_000;
    /** Most ids an answer lists of each kind (the totals count them all). */
    private static final int LISTED = 1000;

    private final Hub hub;
    private final AddressBook book;
    private final commandroom.server.store.AddressStore store;

    public AddressGrpcService(Hub hub, AddressBook book, commandroom.server.store.AddressStore store) {
        this.hub = hub;
        this.book = book;
        this.store = store;
    }

    @Override
    public void searchAddresses(SearchAddressesRequest r, StreamObserver<SearchAddressesResponse> out) {
        Replies.call(() -> {
            Violations v = new Violations().text("query", r.getQuery(), 1, 100);
            if (r.getLimit() > 50) {
                v.add("limit", "must be within 0..50");
            }
            v.throwIfAny();
            int limit = r.getLimit() == 0 ? 10 : r.getLimit();
            return SearchAddressesResponse.newBuilder().addAllAddresses(book.search(r.getQuery(), limit))
                    .setBookSize(book.size()).build();
        }, out);
    }

    @Override
    public StreamObserver<AddressImportPart> importAddresses(StreamObserver<ImportPreview> out) {
        Actor actor = Caller.current().actor();
        return new StreamObserver<>() {
            private AddressImportHeader header;
            private final List<StandardAddress> rows = new ArrayList<>();
            private boolean failed;

            @Override
            public void onNext(AddressImportPart part) {
                if (failed) {
                    return;
                }
                try {
                    if (part.hasHeader()) {
                        if (header != null) {
                            throw HubException.invalid("header", "comes once, first");
                        }
                        AddressImportHeader h = part.getHeader();
                        Violations v = new Violations().text("header.source", h.getSource(), 1, 200);
                        if (!h.getSha256().matches("[0-9a-f]{64}")) {
                            v.add("header.sha256", "must be 64 lower-case hex digits");
                        }
                        v.throwIfAny();
                        header = h;
                    } else if (part.hasBatch()) {
                        if (header == null) {
                            throw HubException.invalid("header", "must come before the rows");
                        }
                        int n = part.getBatch().getAddressesCount();
                        if (n > MAX_BATCH) {
                            throw HubException.invalid("batch.addresses", "at most " + MAX_BATCH + " per batch, has " + n);
                        }
                        if (rows.size() + n > MAX_ROWS) {
                            throw new HubException(Status.Code.RESOURCE_EXHAUSTED, "batch.addresses",
                                    "an import takes at most " + MAX_ROWS + " addresses");
                        }
                        rows.addAll(part.getBatch().getAddressesList());
                    } else {
                        throw HubException.invalid("part", "is a header or a batch");
                    }
                } catch (RuntimeException e) {
                    failed = true;
                    out.onError(Replies.toStatus(e));
                }
            }

            @Override
            public void onError(Throwable t) {
                // The client went away: nothing was written.
            }

            @Override
            public void onCompleted() {
                if (failed) {
                    return;
                }
                Replies.call(() -> {
                    if (header == null) {
                        throw HubException.invalid("header", "is required");
                    }
                    return run(header, rows, actor);
                }, out);
            }
        };
    }

    private ImportPreview run(AddressImportHeader h, List<StandardAddress> rows, Actor actor) {
        var zones = hub.read(s -> List.copyOf(s.zones()));
        List<StandardAddress> current = store.all();
        AddressImport.Plan p = AddressImport.plan(rows, current, zones, h.getRetireMissing());
        int bookSize = current.size() + p.added().size() - p.removed().size();
        ImportPreview.Builder out = ImportPreview.newBuilder()
                .addAllAdded(p.added().stream().limit(LISTED).map(StandardAddress::getId).toList())
                .addAllChanged(p.changed().stream().limit(LISTED).map(StandardAddress::getId).toList())
                .addAllRetired(p.removed().stream().limit(LISTED).toList()).setUnchanged(p.unchanged())
                .addAllProblems(p.problems()).setAddedTotal(p.added().size()).setChangedTotal(p.changed().size())
                .setRetiredTotal(p.removed().size()).setProblemTotal(p.problemCount())
                .setAlreadyApplied(hub.read(s -> s.importApplied(h.getSha256())));
        if (!h.getApply()) {
            return out.build();
        }
        if (p.problemCount() > 0) {
            throw HubException.precondition(p.problemCount() + " problem(s) in the import, the first: item "
                    + p.problems().get(0).getIndex() + " " + p.problems().get(0).getReason() + "; nothing was written");
        }
        if (p.added().isEmpty() && p.changed().isEmpty() && p.removed().isEmpty()) {
            return out.build();
        }
        java.util.Map<String, StandardAddress> next = new java.util.LinkedHashMap<>();
        current.forEach(a -> next.put(a.getId(), a));
        p.removed().forEach(next::remove);
        p.added().forEach(a -> next.put(a.getId(), a));
        p.changed().forEach(a -> next.put(a.getId(), a));
        AddressBook.Next index = book.prepare(List.copyOf(next.values()));
        store.apply(p.added(), p.changed(), p.removed());
        Hub.Result written;
        try {
            written = hub.submit(actor, "addresses:" + h.getSha256(), Event.KindCase.ADDRESSES_IMPORTED,
                    (s, now) -> Event.newBuilder().setAddressesImported(AddressesImported.newBuilder()
                            .setSha256(h.getSha256()).setSource(h.getSource()).setAdded(p.added().size())
                            .setChanged(p.changed().size()).setRetired(p.removed().size())
                            .setBookSize(bookSize))).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new HubException(Status.Code.UNAVAILABLE, "", "the import's record was not written in time; the book"
                    + " holds the rows: import the same file again to record it");
        }
        book.install(index, written.sequence());
        return out.setSequence(written.sequence()).build();
    }
}
