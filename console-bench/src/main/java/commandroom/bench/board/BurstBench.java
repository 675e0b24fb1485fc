package commandroom.bench.board;

import commandroom.app.connection.FxBatcher;
import commandroom.v1.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Bursts of hub events offered to the board through an {@link FxBatcher}, as the event feed
 * offers them from gRPC's thread. Each frame that applies events is timed: the events the batcher
 * handed over since the previous frame (applied one by one as the feed applies them), then the
 * frame's own CSS and layout pass (between the scene's pre- and post-layout pulse listeners). That
 * sum is the FX thread's work for one frame, before painting. Optionally alerts flash cards, as
 * the workstation's alert presenter does (its pop-up notifications left out). Call from one
 * thread, not the FX thread.
 */
final class BurstBench {

    /** One frame that applied events: how many, and the FX time they and the frame's layout cost. */
    record Pulse(int events, long applyNanos, long layoutNanos, long cpuNanos) {
        long nanos() {
            return applyNanos + layoutNanos;
        }
    }

    /** One burst: the frames that applied it. */
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
    // FX thread only: what the batcher applied since the last frame, and when this frame's layout began.
    private int pendingEvents;
    private long pendingApplyNanos;
    private long pendingApplyCpu;
    private long layoutStart;
    private long layoutStartCpu;

    BurstBench(BoardScene scene, EventBursts source) {
        this.scene = scene;
        this.source = source;
        this.batcher = new FxBatcher<>(this::consume);
        HeadlessFx.run(() -> {
            scene.state.onAlert(a -> {
                if (flashes && !a.subjectId().isEmpty()) {
                    scene.view.flash(a.subjectId());
                }
            });
            scene.scene.addPreLayoutPulseListener(() -> {
                layoutStart = System.nanoTime();
                layoutStartCpu = BoardScene.cpuNanos();
            });
            scene.scene.addPostLayoutPulseListener(this::frameLaidOut);
        });
    }

    /** FX thread, after a frame's CSS and layout: records the frame if it showed events. */
    private void frameLaidOut() {
        if (pendingEvents == 0) {
            return;
        }
        long layout = System.nanoTime() - layoutStart;
        long cpu = pendingApplyCpu + BoardScene.cpuNanos() - layoutStartCpu;
        pulses.add(new Pulse(pendingEvents, pendingApplyNanos, layout, cpu));
        pendingEvents = 0;
        pendingApplyNanos = 0;
        pendingApplyCpu = 0;
        if (scene.state.lastSequenceProperty().get() >= lastSequence) {
            applied.countDown();
        }
    }

    /** FX thread: what EventFeed's consumer does with events, timed; the frame's layout shows them. */
    private void consume(List<Event> batch) {
        long c0 = BoardScene.cpuNanos();
        long t0 = System.nanoTime();
        for (Event e : batch) {
            scene.applier.apply(List.of(e));
        }
        pendingApplyNanos += System.nanoTime() - t0;
        pendingApplyCpu += BoardScene.cpuNanos() - c0;
        pendingEvents += batch.size();
    }

    /** Offers one burst as fast as a stream would deliver it and waits until a frame has shown all of it. */
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
