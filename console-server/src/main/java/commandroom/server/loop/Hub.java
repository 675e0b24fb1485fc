package commandroom.server.loop;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import commandroom.server.log.ChainBrokenException;
import commandroom.server.log.EventLog;
import commandroom.server.store.StoreException;
import commandroom.v1.Actor;
import commandroom.v1.Event;
import io.grpc.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatch hub's heart: one writer thread takes requests in arrival order, decides each
 * against the projections, seals the resulting events into the log, and commits the whole batch in
 * one transaction (group commit) before anyone is answered. Readers see only durable state, since
 * the write lock is held until the batch is committed. Replicas sharing one PostgreSQL each run
 * a hub; each batch first applies what the others appended (see {@link EventLog#begin}), so every
 * decision is made on the whole log. {@link #submit}, {@link #catchUp} and {@link #read} are
 * thread-safe.
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    private static final int MAX_BATCH = 512;

    /** Decides what a request changes: the event to append, or null for nothing. */
    @FunctionalInterface
    public interface Decision {
        Event.Builder decide(HubState state, java.time.Instant now);
    }

    /**
     * What a request was answered: the entity it changed (or null), the event's sequence, and
     * whether this request wrote it (false for a repeated idempotency key or a no-op).
     */
    public record Result(Message entity, long sequence, boolean written) {}

    /** Several events decided together, and what the request is answered. */
    public record Batch(List<Event.Builder> events, Message answer) {}

    /**
     * Decides a request that writes several events at once (an import): all of them are sealed in
     * one transaction, or none (a refusal, or one that does not apply, drops them all).
     */
    @FunctionalInterface
    public interface BatchDecision {
        Batch decide(HubState state, java.time.Instant now);
    }

    private record Pending(Actor actor, String idempotencyKey, Event.KindCase kind, Decision decision,
                           BatchDecision batch, CompletableFuture<Result> future) {}

    /** Queued when another replica appended: the writer reads and applies it, deciding nothing. */
    private static final Pending CATCH_UP = new Pending(null, null, null, null, null, null);

    private final EventLog log;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);
    private HubState state = new HubState();
    private Thread writer;
    private volatile boolean running;
    /** Set by the writer when applying an event failed half-way; cleared by a rebuild. */
    private boolean stateSuspect;

    public Hub(EventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Rebuilds the projections from the log and starts taking requests. */
    public void start() {
        lock.writeLock().lock();
        try {
            state = new HubState();
            HubState s = state;
            log.replay(e -> Projector.apply(s, e));
        } finally {
            lock.writeLock().unlock();
        }
        running = true;
        writer = new Thread(this::runWriter, "hub-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues a request. With an idempotency key, a request already answered gets its first answer
     * and changes nothing. The future fails with a {@link HubException} for a refused request, or
     * with UNAVAILABLE if the log could not be written (nothing was acknowledged).
     */
    public CompletableFuture<Result> submit(Actor actor, String idempotencyKey, Event.KindCase kind, Decision decision) {
        CompletableFuture<Result> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new HubException(Status.Code.UNAVAILABLE, "", "hub is not running"));
        } else if (!queue.offer(new Pending(actor, idempotencyKey, kind, decision, null, f))) {
            f.completeExceptionally(new HubException(Status.Code.UNAVAILABLE, "", "hub is overloaded; retry"));
        }
        return f;
    }

    /**
     * Queues a request that writes several events, all or none. Its answer's entity is the
     * batch's answer; its sequence the last event's (or the state's when it wrote nothing).
     */
    public CompletableFuture<Result> submitBatch(Actor actor, String idempotencyKey, Event.KindCase kind,
                                                 BatchDecision decision) {
        CompletableFuture<Result> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new HubException(Status.Code.UNAVAILABLE, "", "hub is not running"));
        } else if (!queue.offer(new Pending(actor, idempotencyKey, kind, null, decision, f))) {
            f.completeExceptionally(new HubException(Status.Code.UNAVAILABLE, "", "hub is overloaded; retry"));
        }
        return f;
    }

    /**
     * Tells the writer that another replica appended to the shared log, so that it reads those
     * events, applies them and hands them to this replica's subscribers. Thread-safe; cheap to
     * call often (a queued catch-up with nothing new reads nothing).
     */
    public void catchUp() {
        if (running) {
            queue.offer(CATCH_UP);
        }
    }

    /** Reads the projections under the read lock; the reader must not keep references to mutable parts. */
    public <T> T read(Function<HubState, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Clock clock() {
        return clock;
    }

    private void runWriter() {
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            List<Event> committed = new ArrayList<>();
            List<Runnable> completions = writeBatch(batch, committed);
            log.publish(committed);
            completions.forEach(Runnable::run);
            batch.clear();
        }
        for (Pending p : queue) {
            if (p != CATCH_UP) {
                p.future().completeExceptionally(new HubException(Status.Code.UNAVAILABLE, "", "hub stopped"));
            }
        }
    }

    private List<Runnable> writeBatch(List<Pending> batch, List<Event> committed) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        List<Event> sealed = new ArrayList<>(batch.size());
        boolean catchUpOnly = batch.stream().allMatch(p -> p == CATCH_UP);
        lock.writeLock().lock();
        long seqBefore = log.lastSequence();
        ByteString hashBefore = log.lastHash();
        try {
            if (catchUpOnly) {
                committed.addAll(follow(log.catchUp()));
                if (stateSuspect) {
                    rebuild();
                }
                return completions;
            }
            try (EventLog.Batch write = log.begin()) {
                committed.addAll(follow(write.foreign()));
                java.time.Instant now = clock.instant();
                for (Pending p : batch) {
                    if (p == CATCH_UP) {
                        continue;
                    }
                    try {
                        Result r = decide(p, now, sealed);
                        completions.add(() -> p.future().complete(r));
                    } catch (HubException ex) {
                        completions.add(() -> p.future().completeExceptionally(ex));
                    } catch (RuntimeException ex) {
                        LOG.error("request failed unexpectedly; refused without writing", ex);
                        HubException refused = HubException.precondition("request could not be applied: " + ex);
                        completions.add(() -> p.future().completeExceptionally(refused));
                    }
                }
                write.commit(sealed);
            }
            committed.addAll(sealed);
            if (stateSuspect) {
                rebuild();
            }
        } catch (StoreException | ChainBrokenException ex) {
            LOG.error("could not write or follow the log ({} events sealed); rebuilding from the store",
                    sealed.size(), ex);
            log.rewind(seqBefore, hashBefore);
            rebuild();
            committed.clear();
            completions.clear();
            HubException unavailable = new HubException(Status.Code.UNAVAILABLE, "",
                    "the event log could not be written; retry with the same idempotency key");
            for (Pending p : batch) {
                if (p != CATCH_UP) {
                    completions.add(() -> p.future().completeExceptionally(unavailable));
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        return completions;
    }

    /** Applies events another replica committed to the projections; returns them for publishing. */
    private List<Event> follow(List<Event> foreign) {
        for (Event e : foreign) {
            try {
                Projector.apply(state, e);
            } catch (RuntimeException ex) {
                // The same event applied cleanly where it was decided; rebuild rather than drift.
                LOG.error("event {} from another replica could not be applied; rebuilding", e.getSequence(), ex);
                stateSuspect = true;
            }
        }
        return foreign;
    }

    private Result decideBatch(Pending p, java.time.Instant now, List<Event> sealed) {
        Batch batch = p.batch().decide(state, now);
        if (batch.events().isEmpty()) {
            return new Result(batch.answer(), state.appliedSequence(), false);
        }
        String key = p.idempotencyKey() == null ? "" : p.idempotencyKey();
        long seqBefore = log.lastSequence();
        ByteString hashBefore = log.lastHash();
        int mark = sealed.size();
        try {
            for (Event.Builder b : batch.events()) {
                b.setActor(p.actor()).setIdempotencyKey(key);
                Event e = log.seal(b, now);
                Projector.apply(state, e);
                sealed.add(e);
            }
        } catch (RuntimeException ex) {
            // None of the batch is kept; the projections saw part of it: rebuild them once the
            // rest of the group commit is durable.
            sealed.subList(mark, sealed.size()).clear();
            log.rewind(seqBefore, hashBefore);
            stateSuspect = true;
            throw ex;
        }
        return new Result(batch.answer(), sealed.get(sealed.size() - 1).getSequence(), true);
    }

    private Result decide(Pending p, java.time.Instant now, List<Event> sealed) {
        if (p.batch() != null) {
            return decideBatch(p, now, sealed);
        }
        String key = p.idempotencyKey() == null ? "" : p.idempotencyKey();
        if (!key.isEmpty()) {
            var first = state.answer(p.actor().getUserId(), key);
            if (first.isPresent()) {
                if (first.get().kind() != p.kind()) {
                    throw HubException.invalid("idempotency_key", "was already used for a different request");
                }
                return new Result(first.get().entity(), first.get().sequence(), false);
            }
        }
        Event.Builder b = p.decision().decide(state, now);
        if (b == null) {
            return new Result(null, state.appliedSequence(), false);
        }
        b.setActor(p.actor()).setIdempotencyKey(key);
        long seqBefore = log.lastSequence();
        ByteString hashBefore = log.lastHash();
        Event e = log.seal(b, now);
        Message entity;
        try {
            entity = Projector.apply(state, e);
        } catch (RuntimeException ex) {
            // The event is dropped, but the projections may be half changed: rebuild them from
            // the store once the rest of the batch is durable.
            log.rewind(seqBefore, hashBefore);
            stateSuspect = true;
            throw ex;
        }
        sealed.add(e);
        return new Result(entity == null ? null : Projector.withoutTimeline(entity), e.getSequence(), true);
    }

    private void rebuild() {
        stateSuspect = false;
        state = new HubState();
        HubState s = state;
        try {
            log.replay(e -> Projector.apply(s, e));
        } catch (StoreException again) {
            // The store is down: keep going from the last durable point we know; the next batch
            // will fail the same way until it is back, and a restart replays the truth.
            LOG.error("store still unavailable during rebuild", again);
        }
    }

    @Override
    public void close() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
