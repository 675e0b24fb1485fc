package commandroom.server.loop;

import commandroom.server.store.UserRecord;
import commandroom.v1.AccountActivity;
import commandroom.v1.AccountActivityKind;
import commandroom.v1.Actor;
import commandroom.v1.Event;
import commandroom.v1.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Account changes as events of the audit chain. Accounts are changed in the users table (by the
 * seed, or by the administrator's commands, which may run while the hub is stopped); the hub
 * compares the table with the accounts its log knows and records each difference as an event:
 * added, role changed, password changed, disabled, enabled. Stateless.
 */
public final class AccountRules {

    /** Who the events name: the users table says nothing of who changed it (an OS account did). */
    public static final Actor ADMINISTRATION = Actor.newBuilder().setUserId("user-administration")
            .setRole(Role.ROLE_ADMIN).setDisplayName("账号管理").build();

    /** An account as the log knows it. */
    record Known(Role role, boolean disabled, long sessionsValidAfterMs, String credential) {}

    private AccountRules() {}

    /** The accounts whose row differs from what the log knows (a cheap look, under the read lock). */
    public static List<String> changed(HubState s, List<UserRecord> table) {
        List<String> out = new ArrayList<>();
        for (UserRecord u : table) {
            if (!Objects.equals(s.accounts.get(u.username()), known(u))) {
                out.add(u.username());
            }
        }
        return out;
    }

    /** Records the account's change, if it still differs when the writer decides; null otherwise. */
    public static Hub.Decision record(UserRecord u) {
        return (s, now) -> {
            Known was = s.accounts.get(u.username());
            Known is = known(u);
            if (is.equals(was)) {
                return null;
            }
            AccountActivityKind kind;
            if (was == null) {
                kind = AccountActivityKind.ACCOUNT_ACTIVITY_KIND_ADDED;
            } else if (was.disabled() != is.disabled()) {
                kind = is.disabled() ? AccountActivityKind.ACCOUNT_ACTIVITY_KIND_DISABLED
                        : AccountActivityKind.ACCOUNT_ACTIVITY_KIND_ENABLED;
            } else if (was.role() != is.role()) {
                kind = AccountActivityKind.ACCOUNT_ACTIVITY_KIND_ROLE_CHANGED;
            } else if (!was.credential().equals(is.credential())) {
                kind = AccountActivityKind.ACCOUNT_ACTIVITY_KIND_PASSWORD_CHANGED;
            } else {
                kind = AccountActivityKind.ACCOUNT_ACTIVITY_KIND_SESSIONS_ENDED;
            }
            return Event.newBuilder().setAccountActivity(AccountActivity.newBuilder().setKind(kind)
                    .setUsername(u.username()).setRole(is.role()).setDisabled(is.disabled())
                    .setSessionsValidAfterMs(is.sessionsValidAfterMs()).setCredentialFingerprint(is.credential()));
        };
    }

    /** What an account event says the account now is (the projection applies it). */
    static void apply(HubState s, AccountActivity a) {
        switch (a.getKind()) {
            case ACCOUNT_ACTIVITY_KIND_ADDED, ACCOUNT_ACTIVITY_KIND_ROLE_CHANGED,
                 ACCOUNT_ACTIVITY_KIND_PASSWORD_CHANGED, ACCOUNT_ACTIVITY_KIND_DISABLED,
                 ACCOUNT_ACTIVITY_KIND_ENABLED, ACCOUNT_ACTIVITY_KIND_SESSIONS_ENDED ->
                    s.accounts.put(a.getUsername(), new Known(a.getRole(), a.getDisabled(), a.getSessionsValidAfterMs(),
                            a.getCredentialFingerprint()));
            default -> {
                // Log-ins and log-outs change no account.
            }
        }
    }

    private static Known known(UserRecord u) {
        return new Known(u.role(), u.disabled(), u.sessionsValidAfter() == null ? 0 : u.sessionsValidAfter().toEpochMilli(),
                fingerprint(u.passwordHash()));
    }

    private static String fingerprint(String passwordHash) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
