package commandroom.bench;

import commandroom.v1.Event;
import io.grpc.stub.StreamObserver;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The receiving ends of the event streams in a fan-out run. Each stream hands every message that a
 * phase sent (known by its key) to that phase's tracker. A console of the hub also checks that the
 * sequences it gets are exactly from, from+1, ... (it must see every event, once, in order).
 * Callbacks of one stream come one at a time (gRPC serialises them) on the client's event-loop
 * threads; the shared counters are thread-safe.
 */
final class EventStreams {

    private EventStreams() {}

    /** Counters shared by every stream of a run. */
    static final class Health {
        final AtomicLong gaps = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicReference<Event> sample = new AtomicReference<>();
        volatile boolean closing;
    }

    /** One tracker per phase for one group of receivers (consoles, units, subscribers). */
    static final class Trackers {

        private final Map<Phase, DeliveryTracker> byPhase = new EnumMap<>(Phase.class);
        private final Map<Phase, DeliveryTracker.SendTimes> sent;

        Trackers(int receivers, boolean broadcast, Map<Phase, DeliveryTracker.SendTimes> sent) {
            this.sent = sent;
            sent.forEach((phase, times) -> byPhase.put(phase, new DeliveryTracker(times, receivers, broadcast)));
        }

        /** The send times the trackers measure from (shared by every group of a run). */
        Map<Phase, DeliveryTracker.SendTimes> sendTimes() {
            return sent;
        }

        DeliveryTracker of(Phase phase) {
            return byPhase.get(phase);
        }

        /** Passes a message to its phase's tracker; returns the phase, or null if no phase sent it. */
        Phase delivered(int receiver, Event e) {
            Phase phase = Phase.of(e.getIdempotencyKey());
            DeliveryTracker t = phase == null ? null : byPhase.get(phase);
            if (t != null) {
                t.delivered(receiver, Phase.number(e.getIdempotencyKey()));
            }
            return phase;
        }
    }

    /** A stream that must get every event (a console's Subscribe, a baseline subscriber). */
    static final class Console implements StreamObserver<Event> {

        private final int index;
        private final boolean checkSequence;
        private final Trackers trackers;
        private final Health health;
        private volatile long last;

        /** With fromSequence > 0 the stream checks the sequences; with 0 it does not (the baseline). */
        Console(int index, long fromSequence, Trackers trackers, Health health) {
            this.index = index;
            this.checkSequence = fromSequence > 0;
            this.trackers = trackers;
            this.health = health;
            this.last = fromSequence - 1;
        }

        /** The last sequence this console got. */
        long lastSequence() {
            return last;
        }

        @Override
        public void onNext(Event e) {
            if (trackers.delivered(index, e) != null) {
                health.sample.compareAndSet(null, e);
            }
            if (checkSequence) {
                if (e.getSequence() != last + 1) {
                    health.gaps.incrementAndGet();
                }
                last = Math.max(last, e.getSequence());
            }
        }

        @Override
        public void onError(Throwable t) {
            ended(health);
        }

        @Override
        public void onCompleted() {
            ended(health);
        }
    }

    /** A unit's Instructions stream: gets only the events about its own tasks. */
    static final class Terminal implements StreamObserver<Event> {

        private final int index;
        private final Trackers trackers;
        private final Health health;

        Terminal(int index, Trackers trackers, Health health) {
            this.index = index;
            this.trackers = trackers;
            this.health = health;
        }

        @Override
        public void onNext(Event e) {
            trackers.delivered(index, e);
        }

        @Override
        public void onError(Throwable t) {
            ended(health);
        }

        @Override
        public void onCompleted() {
            ended(health);
        }
    }

    private static void ended(Health health) {
        if (!health.closing) {
            health.errors.incrementAndGet();
        }
    }
}
