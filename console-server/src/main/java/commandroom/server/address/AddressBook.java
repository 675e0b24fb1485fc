package commandroom.server.address;

import commandroom.server.store.AddressStore;
import commandroom.v1.StandardAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard addresses as the hub serves them: the book read from its table into an index at
 * start, and read again when the log says a newer import was applied (here or by another replica
 * on the same database); searches go on against the old index while the new one is built.
 * Thread-safe.
 */
public final class AddressBook implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AddressBook.class);

    private final AddressStore store;
    private final LongSupplier lastImport;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "address-book");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean building = new AtomicBoolean();
    private volatile AddressIndex index = AddressIndex.empty();

    /** lastImport: the sequence of the last AddressesImported event the hub has applied. */
    public AddressBook(AddressStore store, LongSupplier lastImport) {
        this.store = store;
        this.lastImport = lastImport;
        // Read in the background: a book of 200,000 rows must not hold up the hub's start.
        building.set(true);
        builder.execute(() -> {
            try {
                rebuild(lastImport.getAsLong());
            } catch (RuntimeException e) {
                LOG.error("the address book could not be read; type-ahead finds nothing until the next import", e);
            } finally {
                building.set(false);
            }
        });
    }

    /** The addresses matching what was typed, best first. */
    public List<StandardAddress> search(String typed, int limit) {
        refresh();
        return index.search(typed, limit);
    }

    /** Builds the index again in the background if the log has an import newer than it. */
    public void refresh() {
        long last = lastImport.getAsLong();
        if (last > index.builtFrom() && building.compareAndSet(false, true)) {
            builder.execute(() -> {
                try {
                    rebuild(last);
                } finally {
                    building.set(false);
                }
            });
        }
    }

    public int size() {
        return index.size();
    }

    /** The whole book, as the store holds it now (an import compares against it). */
    public List<StandardAddress> read() {
        return store.all();
    }

    /** A book's index being built ahead of its import's write. */
    public static final class Next {
        private final java.util.concurrent.CompletableFuture<AddressIndex> index;

        private Next(java.util.concurrent.CompletableFuture<AddressIndex> index) {
            this.index = index;
        }
    }

    /**
     * Starts building the index of the book an import is about to write, while it writes: the new
     * addresses are found the moment the import is recorded, not a rebuild later.
     */
    public Next prepare(List<StandardAddress> next) {
        return new Next(java.util.concurrent.CompletableFuture.supplyAsync(() -> new AddressIndex(next, 0), builder));
    }

    /** Serves the prepared book from the import's event on. */
    public void install(Next next, long importSequence) {
        try {
            AddressIndex built = next.index.join();
            index = new AddressIndex(built, importSequence);
        } catch (RuntimeException e) {
            LOG.warn("the prepared address book could not be built; reading it again", e);
            refresh();
        }
    }

    /** Reads the book again now (after this hub applied an import). */
    public void rebuild(long importSequence) {
        long t0 = System.nanoTime();
        AddressIndex next = new AddressIndex(store.all(), importSequence);
        index = next;
        if (next.size() > 0) {
            LOG.info("address book: {} addresses indexed in {} ms", next.size(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }
}
