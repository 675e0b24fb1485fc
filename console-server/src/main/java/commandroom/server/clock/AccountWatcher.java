package commandroom.server.clock;

import commandroom.server.loop.AccountRules;
import commandroom.server.loop.Hub;
import commandroom.server.store.UserRecord;
import commandroom.server.store.UserStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Puts account changes into the audit chain: at start, and every few seconds after, compares the
 * users table with the accounts the log knows and records each difference (AccountRules). A change
 * made while the hub was stopped is recorded at its next start. Thread-safe.
 */
public final class AccountWatcher implements AutoCloseable {

    private final Hub hub;
    private final UserStore users;
    private final Ticker ticker;

    public AccountWatcher(Hub hub, UserStore users, Duration period) {
        this.hub = hub;
        this.users = users;
        check();
        this.ticker = new Ticker("account-watcher", period, period, this::check);
    }

    private void check() {
        List<UserRecord> table = users.list();
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
