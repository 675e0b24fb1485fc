package commandroom.server.clock;

import commandroom.server.loop.AccountRules;
import commandroom.server.loop.Hub;
import commandroom.server.store.UserRecord;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Puts account changes into the audit chain: at start, and every few seconds after, compares the
 * users table with the accounts the log knows and records each difference (AccountRules). A change
 * made while the hub was stopped is recorded at its next start. Thread-safe.
 */
public final class AccountWatcher implements AutoCloseable {

    private final Hub hub;
    private final Supplier<Collection<UserRecord>> users;
    private final Ticker ticker;

    /** @param users the users table as the hub's user directory last read it (no second read of it) */
    public AccountWatcher(Hub hub, Supplier<Collection<UserRecord>> users, Duration period) {
        this.hub = hub;
        this.users = users;
        check();
        this.ticker = new Ticker("account-watcher", period, period, this::check);
    }

    private void check() {
        List<UserRecord> table = List.copyOf(users.get());
        List<String> changed = hub.read(s -> AccountRules.changed(s, table));
        if (changed.isEmpty()) {
            return;
        }
        table.stream().filter(u -> changed.contains(u.username()))
                .map(u -> hub.submit(AccountRules.ADMINISTRATION, "", commandroom.v1.Event.KindCase.ACCOUNT_ACTIVITY,
                        AccountRules.record(u)))
                .toList().forEach(CompletableFuture::join);
    }

    @Override
    public void close() {
        ticker.close();
    }
}
