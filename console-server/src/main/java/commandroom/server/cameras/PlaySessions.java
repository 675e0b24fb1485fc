package commandroom.server.cameras;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a platform plays for the hub's consoles (a channel live, or a stretch of its recordings:
 * the key K), counted by watcher: the first watcher starts the play (the platform invites the
 * device, which takes seconds), later ones share it, and when the last one leaves the play is
 * stopped after a grace (a tile swapped back, or a console that reconnects, finds it still
 * playing). A play that failed is tried again by the next watcher. A play still starting when
 * its grace ends is stopped once it started. Thread-safe.
 *
 * @param <K> what is played
 * @param <P> what the platform answers when it starts playing it
 */
final class PlaySessions<K, P> {

    private static final Logger LOG = LoggerFactory.getLogger(PlaySessions.class);

    /** What the platform does. */
    interface Platform<K, P> {
        P start(K key) throws java.io.IOException;

        /** Stops a play; started is what its start answered. */
        void stop(K key, P started) throws java.io.IOException;
    }

    private static final class Session<P> {
        int watchers;
        CompletableFuture<P> play;
        ScheduledFuture<?> stopping;
    }

    private final Platform<K, P> platform;
    private final Duration grace;
    private final ScheduledExecutorService timer;
    private final Executor calls;
    private final Map<K, Session<P>> sessions = new HashMap<>();

    PlaySessions(Platform<K, P> platform, Duration grace, ScheduledExecutorService timer, Executor calls) {
        this.platform = platform;
        this.grace = grace;
        this.timer = timer;
        this.calls = calls;
    }

    /** One more watcher: what the platform answered, once it plays. */
    synchronized CompletableFuture<P> watch(K key) {
        Session<P> s = sessions.computeIfAbsent(key, k -> new Session<>());
        s.watchers++;
        if (s.stopping != null) {
            s.stopping.cancel(false);
            s.stopping = null;
        }
        if (s.play == null || s.play.isCompletedExceptionally()) {
            s.play = CompletableFuture.supplyAsync(() -> {
                try {
                    return platform.start(key);
                } catch (java.io.IOException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, calls);
        }
        return s.play;
    }

    /** A watcher left; the play stops a grace after the last one did. */
    synchronized void leave(K key) {
        Session<P> s = sessions.get(key);
        if (s == null || s.watchers == 0) {
            return;
        }
        if (--s.watchers == 0) {
            s.stopping = timer.schedule(() -> stopIfUnwatched(key), grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Plays running or starting (watched, or in their grace). */
    synchronized int playing() {
        return sessions.size();
    }

    /** Watchers of a play. */
    synchronized int watchers(K key) {
        Session<P> s = sessions.get(key);
        return s == null ? 0 : s.watchers;
    }

    private void stopIfUnwatched(K key) {
        CompletableFuture<P> play;
        synchronized (this) {
            Session<P> s = sessions.get(key);
            if (s == null || s.watchers > 0) {
                return;
            }
            sessions.remove(key);
            play = s.play;
        }
        // A play the platform refused has nothing to stop.
        play.thenAcceptAsync(started -> {
            try {
                platform.stop(key, started);
            } catch (java.io.IOException e) {
                // The platform stops an unwatched stream by itself in the end (its no-reader hook).
                LOG.warn("{}: the platform did not stop the play: {}", key, e.getMessage());
            }
        }, calls);
    }
}
