package commandroom.app.wall;

import java.time.Instant;

/**
 * Whether a tile's stream is live, judged from a frame counter, not from player events: over UDP
 * libVLC raises no event when the source dies and keeps showing the last picture, so only frames
 * that keep arriving say the stream lives. A gap shorter than {@link #OFFLINE_AFTER_NANOS} shows
 * as stalled, not offline; a stream that stays dark is restarted with a growing pause. Called by
 * one thread (the wall's health tick); not thread-safe.
 */
final class TileHealth {

    enum Status { CONNECTING, LIVE, STALLED, OFFLINE }

    /** What a tile shows: its status, and since when it is offline (null unless offline). */
    record Reading(Status status, Instant offlineSince) {}

    static final long STALLED_AFTER_NANOS = 1_000_000_000L;
    static final long OFFLINE_AFTER_NANOS = 2_000_000_000L;
    static final long CONNECT_TIMEOUT_NANOS = 5_000_000_000L;
    private static final long FIRST_RETRY_PAUSE_NANOS = 1_000_000_000L;
    private static final long MAX_RETRY_PAUSE_NANOS = 2_000_000_000L;

    private Status status = Status.CONNECTING;
    private long frames = -1;
    private long lastFrameAt;
    private long startedAt;
    private Instant offlineSince;
    private long nextRetryAt;
    private long retryPause = FIRST_RETRY_PAUSE_NANOS;

    /** The player was (re)started. A stream already offline stays offline until frames come. */
    void started(long nanos) {
        startedAt = nanos;
        if (status != Status.OFFLINE) {
            status = Status.CONNECTING;
        }
    }

    /** Takes the tile's frame counter (it only grows) and answers what the tile shows. */
    Reading observe(long frameCount, long nanos, Instant wall) {
        if (frames >= 0 && frameCount > frames) {
            live(nanos);
        } else {
            switch (status) {
                case LIVE, STALLED -> {
                    long quiet = nanos - lastFrameAt;
                    if (quiet >= OFFLINE_AFTER_NANOS) {
                        offline(nanos, wall.minusNanos(quiet));
                    } else if (quiet >= STALLED_AFTER_NANOS) {
                        status = Status.STALLED;
                    }
                }
                case CONNECTING -> {
                    if (nanos - startedAt >= CONNECT_TIMEOUT_NANOS) {
                        offline(nanos, wall.minusNanos(nanos - startedAt));
                    }
                }
                case OFFLINE -> { }
            }
        }
        frames = frameCount;
        return new Reading(status, status == Status.OFFLINE ? offlineSince : null);
    }

    /** Whether to start the player again now: offline, and the pause since the last try is over. */
    boolean retryDue(long nanos) {
        if (status != Status.OFFLINE || nanos < nextRetryAt) {
            return false;
        }
        nextRetryAt = nanos + retryPause;
        retryPause = Math.min(MAX_RETRY_PAUSE_NANOS, retryPause * 2);
        return true;
    }

    private void live(long nanos) {
        status = Status.LIVE;
        lastFrameAt = nanos;
        offlineSince = null;
        retryPause = FIRST_RETRY_PAUSE_NANOS;
    }

    private void offline(long nanos, Instant since) {
        status = Status.OFFLINE;
        offlineSince = since;
        nextRetryAt = nanos;
    }
}
