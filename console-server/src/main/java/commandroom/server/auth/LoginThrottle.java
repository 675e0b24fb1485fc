package commandroom.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops password guessing: after {@link #FAILURES} failed log-ins for a user name within
 * {@link #WINDOW}, that name is locked for {@link #LOCK} — every log-in is refused, the right
 * password too, without the password being checked. A successful log-in clears the count. Names
 * that do not exist are counted the same, so a lock tells nobody whether a name exists. Kept in
 * memory: a restart of the hub clears the locks (the log-ins are in the hub's log either way).
 * Thread-safe.
 */
public final class LoginThrottle {

    public static final int FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);
    /** Past this many names followed, the stale ones are dropped (a spray of made-up names stays bounded). */
    private static final int MOST_NAMES = 10_000;

    private final Clock clock;
    private final Map<String, Attempts> byName = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private static final class Attempts {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
    }

    /** Until when the name is locked, if it is now. */
    public Optional<Instant> lockedUntil(String username) {
        Attempts a = byName.get(key(username));
        if (a == null) {
            return Optional.empty();
        }
        synchronized (a) {
            return a.lockedUntil.isAfter(clock.instant()) ? Optional.of(a.lockedUntil) : Optional.empty();
        }
    }

    /** Counts a failed log-in; answers the lock's end if this one locked the name. */
    public Optional<Instant> failed(String username) {
        if (byName.size() > MOST_NAMES) {
            forgetStale();
        }
        Instant now = clock.instant();
        Attempts a = byName.computeIfAbsent(key(username), k -> new Attempts());
        synchronized (a) {
            a.failures.addLast(now);
            while (!a.failures.isEmpty() && a.failures.peekFirst().isBefore(now.minus(WINDOW))) {
                a.failures.removeFirst();
            }
            if (a.failures.size() >= FAILURES) {
                a.failures.clear();
                a.lockedUntil = now.plus(LOCK);
                return Optional.of(a.lockedUntil);
            }
            return Optional.empty();
        }
    }

    /** A successful log-in: the count starts again. */
    public void succeeded(String username) {
        byName.remove(key(username));
    }

    private void forgetStale() {
        Instant now = clock.instant();
        byName.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return !e.getValue().lockedUntil.isAfter(now)
                        && e.getValue().failures.stream().allMatch(t -> t.isBefore(now.minus(WINDOW)));
            }
        });
    }

    private static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
