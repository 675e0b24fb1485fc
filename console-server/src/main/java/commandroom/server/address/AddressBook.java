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
        return index.search(typed, limit);
    }

    public int size() {
        return index.size();
    }

    /** The whole book, as the store holds it now (an import compares against it). */
    public List<StandardAddress> read() {
        return store.all();
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
