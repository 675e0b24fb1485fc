package commandroom.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing down at its source (the peer's address), not at the name guessed: a name
 * lock let anyone without an account lock the chief, the leaders, the county's link account or the
 * field terminals out with five wrong passwords. After {@link #FREE_FAILURES} failed log-ins from
 * an address within {@link #WINDOW}, each further one makes the address wait twice as long as the
 * last before it may try again (1 s, 2 s, 4 s … at most {@link #LONGEST_WAIT}); while it waits,
 * its log-ins are refused without the password being checked. A success does not clear the count
 * (an insider with one account must not reset it between guesses at another); failures older than
 * the window are forgotten. Terminals behind one carrier NAT share an address: one of them typing
 * wrong slows the others by seconds, never locks them out. At most {@link #MOST_SOURCES}
 * addresses are followed (the least recently seen are dropped), so a spray from many addresses
 * cannot grow the hub's memory. Kept in memory per hub. Thread-safe.
 */
public final class LoginThrottle {

    public static final int FREE_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final int MOST_SOURCES = 10_000;

    private final Clock clock;
    private final Map<String, Source> sources = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Source> eldest) {
            return size() > MOST_SOURCES;
        }
    };

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private static final class Source {
        int failures;
        Instant lastFailure = Instant.MIN;
        Instant notBefore = Instant.MIN;
    }

    /** How long the address must still wait before it may try, if it must. */
    public synchronized Optional<Duration> wait(String source) {
        Source s = sources.get(source);
        Instant now = clock.instant();
        if (s == null || !s.notBefore.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, s.notBefore));
    }

    /** Counts a failed log-in from the address; answers how long it must now wait, if it must. */
    public synchronized Optional<Duration> failed(String source) {
        Instant now = clock.instant();
        Source s = sources.computeIfAbsent(source, k -> new Source());
        if (s.lastFailure.isBefore(now.minus(WINDOW))) {
            s.failures = 0;
        }
        s.failures++;
        s.lastFailure = now;
        if (s.failures <= FREE_FAILURES) {
            return Optional.empty();
        }
        int doublings = Math.min(s.failures - FREE_FAILURES - 1, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        s.notBefore = now.plus(wait);
        return Optional.of(wait);
    }

    /** Addresses followed now (for tests: the memory stays bounded). */
    public synchronized int followed() {
        return sources.size();
    }
}
