package commandroom.bench.board;

import commandroom.app.connection.FxBatcher;
import commandroom.v1.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Bursts of hub events offered to the board through an {@link FxBatcher}, as the event feed
 * offers them from gRPC's thread. Each batch the batcher hands to the FX thread is timed: the
 * events applied one by one as the feed applies them, then the CSS and layout pass that shows them
 * (forced in the same runnable). Optionally alerts flash cards, as the workstation's alert
 * presenter does (its pop-up notifications left out). Call from one thread, not the FX thread.
 */
final class BurstBench {

    /** One hand-over to the FX thread: how many events, and the FX time they cost. */
    record Pulse(int events, long applyNanos, long layoutNanos, long cpuNanos) {
        long nanos() {
            return applyNanos + layoutNanos;
        }
    }

    /** One burst: its hand-overs to the FX thread. */
    record Burst(int index, boolean flashes, int events, List<Pulse> pulses) {
        double totalMs() {
            return pulses.stream().mapToLong(Pulse::nanos).sum() / 1e6;
        }

        double cpuMs() {
            return pulses.stream().mapToLong(Pulse::cpuNanos).sum() / 1e6;
        }

        Pulse worst() {
            return pulses.stream().max(java.util.Comparator.comparingLong(Pulse::nanos)).orElseThrow();
        }
    }

    private static final long TIMEOUT_SECONDS = 120;

    private final BoardScene scene;
    private final EventBursts source;
    private final FxBatcher<Event> batcher;
    private volatile List<Pulse> pulses = new ArrayList<>();
    private volatile long lastSequence;
    private volatile CountDownLatch applied = new CountDownLatch(0);
    private volatile boolean flashes;

    BurstBench(BoardScene scene, EventBursts source) {
        this.scene = scene;
        this.source = source;
        this.batcher = new FxBatcher<>(this::consume);
        HeadlessFx.run(() -> scene.state.onAlert(a -> {
            if (flashes && !a.subjectId().isEmpty()) {
                scene.view.flash(a.subjectId());
            }
        }));
    }

    /** FX thread: what EventFeed's consumer does with events, timed, then the layout pass. */
    private void consume(List<Event> batch) {
        long c0 = BoardScene.cpuNanos();
        long t0 = System.nanoTime();
        for (Event e : batch) {
            scene.applier.apply(List.of(e));
        }
        long apply = System.nanoTime() - t0;
        long layout = scene.layoutNanos();
        pulses.add(new Pulse(batch.size(), apply, layout, BoardScene.cpuNanos() - c0));
        if (scene.state.lastSequenceProperty().get() >= lastSequence) {
            applied.countDown();
        }
    }

    /** Offers one burst as fast as a stream would deliver it and waits until it is on the board. */
    Burst run(int index, int size, boolean withFlashes) throws InterruptedException {
        List<Event> events = source.next(size);
        List<Pulse> mine = new ArrayList<>();
        pulses = mine;
        flashes = withFlashes;
        lastSequence = events.get(events.size() - 1).getSequence();
        CountDownLatch done = new CountDownLatch(1);
        applied = done;
        for (Event e : events) {
            batcher.offer(e);
        }
        if (!done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("burst " + index + " was not applied within " + TIMEOUT_SECONDS + " s");
        }
        HeadlessFx.awaitPulses(2);
        return new Burst(index, withFlashes, size, List.copyOf(mine));
    }
}
