package commandroom.app.connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's failures in the console's log, one line per distinct failure: a failure that repeats
 * (the same call, status and words) is counted, not written again, and the count is written when
 * something else happens (another failure, the feed live again) and at 10, 100, 1000… repeats. No
 * stack traces: the status says what happened. Thread-safe.
 */
final class FailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

    private String last;
    private long times;

    /** A failure of the given call; retryIn says when the feed tries again, for the reader of the log. */
    synchronized void failed(String call, String words, boolean refused, long retryInMs) {
        String key = call + " " + words;
        if (key.equals(last)) {
            times++;
            if (isPowerOfTen(times)) {
                LOG.warn("event feed: still failing, {} times so far: {}", times, last);
            }
            return;
        }
        closeRun();
        last = key;
        times = 1;
        if (refused) {
            LOG.warn("event feed: the hub refused {}: {}; the console cannot follow it until someone acts"
                    + " (trying again in {} s, then less often)", call, words, retryInMs / 1000);
        } else {
            LOG.warn("event feed: {} failed: {}; reconnecting", call, words);
        }
    }

    /** The feed is live again. */
    synchronized void live() {
        if (last != null) {
            LOG.info("event feed live again after {} failure(s), the last: {}", times, last);
            last = null;
            times = 0;
        }
    }

    private void closeRun() {
        if (last != null && times > 1 && !isPowerOfTen(times)) {
            LOG.warn("event feed: the previous failure happened {} times in all: {}", times, last);
        }
    }

    private static boolean isPowerOfTen(long n) {
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }
}
