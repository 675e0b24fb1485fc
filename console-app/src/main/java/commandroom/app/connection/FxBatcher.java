package commandroom.app.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The one route from network threads to the FX thread: items offered from any thread are handed
 * to the consumer on the FX thread in order, in batches, at the start of the next frame (so a
 * burst of events costs frames, not thousands of runLater calls).
 *
 * <p>Each frame hands over at most about {@link #BUDGET_NANOS} of work and leaves the rest for
 * the next frame, so a burst is spread over frames instead of freezing one. The work is done in an
 * animation timer, not in runnables: runnables queued back to back all run before the next frame
 * and would freeze it just the same. Nothing is shown later than before: what a runnable applies
 * between frames is painted at the next frame too.
 *
 * <p>{@link #offer} from any thread; the consumer runs on the FX thread.
 */
public final class FxBatcher<T> {

    /**
     * Work per frame before the rest waits for the next one: a 60 Hz pulse is 16 ms, and the CSS
     * and layout pass that shows the work comes after it in the same pulse.
     */
    static final long BUDGET_NANOS = 6_000_000;
    /** Items per call of the consumer: small enough that one call barely overruns the budget. */
    private static final int CHUNK = 16;

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    /** True while frames are handing items over: offers need not start them again. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final Consumer<List<T>> consumer;
    /** Hands items over once a frame while there are any; made on the FX thread at first need. */
    private AnimationTimer frames;

    public FxBatcher(Consumer<List<T>> consumer) {
        this.consumer = consumer;
    }

    /** Queues an item; callable from any thread. */
    public void offer(T item) {
        queue.add(item);
        if (running.compareAndSet(false, true)) {
            Platform.runLater(this::startFrames);
        }
    }

    private void startFrames() {
        if (frames == null) {
            frames = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    drain();
                }
            };
        }
        frames.start();
    }

    /** One frame's share: batches until the budget is spent or the queue is empty. */
    private void drain() {
        long start = System.nanoTime();
        while (System.nanoTime() - start <= BUDGET_NANOS) {
            List<T> batch = new ArrayList<>(CHUNK);
            T item;
            while (batch.size() < CHUNK && (item = queue.poll()) != null) {
                batch.add(item);
            }
            if (!batch.isEmpty()) {
                consumer.accept(batch);
                continue;
            }
            running.set(false);
            // An offer between the empty poll and the flag saw it set and did not start frames.
            if (queue.isEmpty() || !running.compareAndSet(false, true)) {
                frames.stop();
                return;
            }
        }
    }
}
