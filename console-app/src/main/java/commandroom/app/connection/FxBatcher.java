package commandroom.app.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one route from network threads to the FX thread: items offered from any thread are handed
 * to the consumer on the FX thread in order, in batches, at most one pending hand-over at a time
 * (so a burst of events costs one pulse, not thousands of runLater calls). A hand-over stops after
 * about {@link #BUDGET_NANOS} of work and leaves the rest for the next one, so a burst is spread
 * over pulses instead of freezing one.
 */
public final class FxBatcher<T> {

    /** Work per hand-over before the rest waits for the next pulse (a 60 Hz pulse is 16 ms). */
    static final long BUDGET_NANOS = 8_000_000;
    private static final int CHUNK = 64;

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<List<T>> consumer;

    public FxBatcher(Consumer<List<T>> consumer) {
        this.consumer = consumer;
    }

    /** Queues an item; callable from any thread. */
    public void offer(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        long start = System.nanoTime();
        while (true) {
            List<T> batch = new ArrayList<>(CHUNK);
            T item;
            while (batch.size() < CHUNK && (item = queue.poll()) != null) {
                batch.add(item);
            }
            if (batch.isEmpty()) {
                return;
            }
            consumer.accept(batch);
            if (System.nanoTime() - start > BUDGET_NANOS && !queue.isEmpty()) {
                if (scheduled.compareAndSet(false, true)) {
                    Platform.runLater(this::drain);
                }
                return;
            }
        }
    }
}
