package commandroom.server.cameras;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels a platform plays for the hub's consoles, counted by watcher: the first watcher
 * starts the play (the platform invites the device, which takes seconds), later ones share it,
 * and when the last one leaves the play is stopped after a grace (a tile swapped back, or a
 * console that reconnects, finds it still playing). A play that failed is tried again by the
 * next watcher. Thread-safe.
 */
final class PlaySessions {

    private static final Logger LOG = LoggerFactory.getLogger(PlaySessions.class);

    /** What the platform does. */
    interface Platform {
        CameraPlatform.Play start(String deviceCode, String channelCode) throws java.io.IOException;

        void stop(String deviceCode, String channelCode) throws java.io.IOException;
    }

    private static final class Session {
        int watchers;
        CompletableFuture<CameraPlatform.Play> play;
        ScheduledFuture<?> stopping;
    }

    private final Platform platform;
    private final Duration grace;
    private final ScheduledExecutorService timer;
    private final Executor calls;
    private final Map<String, Session> sessions = new HashMap<>();

    PlaySessions(Platform platform, Duration grace, ScheduledExecutorService timer, Executor calls) {
        this.platform = platform;
        this.grace = grace;
        this.timer = timer;
        this.calls = calls;
    }

    /** One more watcher of a channel: where to play it, once the platform plays it. */
    synchronized CompletableFuture<CameraPlatform.Play> watch(String deviceCode, String channelCode) {
        Session s = sessions.computeIfAbsent(key(deviceCode, channelCode), k -> new Session());
        s.watchers++;
        if (s.stopping != null) {
            s.stopping.cancel(false);
            s.stopping = null;
        }
        if (s.play == null || s.play.isCompletedExceptionally()) {
            s.play = CompletableFuture.supplyAsync(() -> {
                try {
                    return platform.start(deviceCode, channelCode);
                } catch (java.io.IOException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, calls);
        }
        return s.play;
    }

    /** A watcher left; the play stops a grace after the last one did. */
    synchronized void leave(String deviceCode, String channelCode) {
        String key = key(deviceCode, channelCode);
        Session s = sessions.get(key);
        if (s == null || s.watchers == 0) {
            return;
        }
        if (--s.watchers == 0) {
            s.stopping = timer.schedule(() -> stopIfUnwatched(key, deviceCode, channelCode),
                    grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Channels playing or starting (watched, or in their grace). */
    synchronized int playing() {
        return sessions.size();
    }

    /** Watchers of a channel. */
    synchronized int watchers(String deviceCode, String channelCode) {
        Session s = sessions.get(key(deviceCode, channelCode));
        return s == null ? 0 : s.watchers;
    }

    private void stopIfUnwatched(String key, String deviceCode, String channelCode) {
        synchronized (this) {
            Session s = sessions.get(key);
            if (s == null || s.watchers > 0) {
                return;
            }
            sessions.remove(key);
            if (s.play.isCompletedExceptionally()) {
                return;
            }
        }
        try {
            platform.stop(deviceCode, channelCode);
        } catch (java.io.IOException e) {
            // The platform stops an unwatched stream by itself in the end (its no-reader hook).
            LOG.warn("camera {} {}: the platform did not stop the play: {}", deviceCode, channelCode, e.getMessage());
        }
    }

    private static String key(String deviceCode, String channelCode) {
        return deviceCode + "/" + channelCode;
    }
}
