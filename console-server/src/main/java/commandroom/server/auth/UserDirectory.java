package commandroom.server.auth;

import commandroom.server.store.UserRecord;
import commandroom.server.store.UserStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The users, read from the store in one query at most every few seconds, so that checking a token
 * on every call and every open stream each second does not hit the database per user, while a
 * change made with the hub's admin commands (disable, role, password) reaches calls and open
 * streams within seconds. A county has a few thousand accounts: the whole table is small.
 * Thread-safe.
 */
public final class UserDirectory {

    private final UserStore store;
    private final long ttlNanos;
    private volatile Map<String, UserRecord> users = Map.of();
    private volatile long loadedAtNanos;
    private volatile boolean loaded;

    public UserDirectory(UserStore store, Duration ttl) {
        this.store = store;
        this.ttlNanos = ttl.toNanos();
    }

    public Optional<UserRecord> find(String username) {
        if (!loaded || System.nanoTime() - loadedAtNanos > ttlNanos) {
            reload();
        }
        return Optional.ofNullable(users.get(username));
    }

    /** Every user, as last read (at most the directory's few seconds old). */
    public java.util.Collection<UserRecord> all() {
        if (!loaded || System.nanoTime() - loadedAtNanos > ttlNanos) {
            reload();
        }
        return users.values();
    }

    /**
     * Reads the user from the store, bypassing the cache (log-in checks the password afresh), and
     * keeps what it read: a user added or changed a moment ago who has just logged in must not be
     * refused on the next call by a snapshot older than the log-in.
     */
    public Optional<UserRecord> load(String username) {
        Optional<UserRecord> fresh = store.find(username);
        synchronized (this) {
            // Under the same lock as reload(): a reload that read the table before this find
            // cannot overwrite the fresher record afterwards.
            Map<String, UserRecord> copy = new HashMap<>(users);
            fresh.ifPresentOrElse(u -> copy.put(username, u), () -> copy.remove(username));
            users = copy;
        }
        return fresh;
    }

    private synchronized void reload() {
        long now = System.nanoTime();
        if (loaded && now - loadedAtNanos <= ttlNanos) {
            return;
        }
        Map<String, UserRecord> all = new HashMap<>();
        for (UserRecord u : store.list()) {
            all.put(u.username(), u);
        }
        users = all;
        loadedAtNanos = now;
        loaded = true;
    }
}
