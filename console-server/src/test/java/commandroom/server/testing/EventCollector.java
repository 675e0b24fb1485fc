package commandroom.server.testing;

import commandroom.v1.Event;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects a stream's events so a test can wait for one and check the order. Thread-safe. */
public final class EventCollector implements StreamObserver<Event> {

    private final List<Event> events = new ArrayList<>();
    private Throwable error;
    private boolean completed;

    @Override
    public synchronized void onNext(Event e) {
        events.add(e);
        notifyAll();
    }

    @Override
    public synchronized void onError(Throwable t) {
        error = t;
        notifyAll();
    }

    @Override
    public synchronized void onCompleted() {
        completed = true;
        notifyAll();
    }

    /** Waits until an event matches, failing the test after the timeout. */
    public synchronized Event await(Predicate<Event> p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            // Only the events that came since the last look: a burst of thousands is not rescanned per event.
            for (; checked < events.size(); checked++) {
                if (p.test(events.get(checked))) {
                    return events.get(checked);
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0 || error != null || completed) {
                throw new AssertionError("no matching event within " + timeout + "; got " + kinds()
                        + (error != null ? "; stream failed: " + Status.fromThrowable(error) : ""));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    public synchronized Throwable error() {
        return error;
    }

    public synchronized List<String> kinds() {
        return events.stream().map(e -> e.getKindCase().name()).toList();
    }
}
