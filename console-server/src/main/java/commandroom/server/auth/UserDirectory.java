package commandroom.server.auth;

import commandroom.server.store.UserRecord;
import commandroom.server.store.UserStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users, cached for a few seconds so that checking a token on every call does not hit the
 * database, while a disabled account still stops working within seconds. Thread-safe.
 */
public final class UserDirectory {

    private record Cached(Optional<UserRecord> user, long loadedAtNanos) {}

    private final UserStore store;
    private final long ttlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public UserDirectory(UserStore store, Duration ttl) {
        this.store = store;
        this.ttlNanos = ttl.toNanos();
    }

    public Optional<UserRecord> find(String username) {
        long now = System.nanoTime();
        Cached c = cache.get(username);
        if (c == null || now - c.loadedAtNanos() > ttlNanos) {
            c = new Cached(store.find(username), now);
            cache.put(username, c);
        }
        return c.user();
    }

    /** Reads the user from the store, bypassing the cache (log-in checks the password afresh). */
    public Optional<UserRecord> load(String username) {
        Optional<UserRecord> u = store.find(username);
        cache.put(username, new Cached(u, System.nanoTime()));
        return u;
    }
}
