package commandroom.server.admin;

import commandroom.server.auth.PasswordHasher;
import commandroom.server.store.UserRecord;
import commandroom.server.store.UserStore;
import commandroom.v1.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The station IT officer's user administration: add a user, set a role, reset a password, disable
 * and enable. Straight on the database, so it works with the hub stopped or running (a running hub
 * sees a change within its user cache's few seconds). Every refusal is an {@link
 * IllegalArgumentException} that says what to do. Thread-safe.
 */
public final class UserAdmin {

    /** Shorter passwords are refused: these accounts dispatch police. */
    public static final int MIN_PASSWORD_LENGTH = commandroom.server.auth.PublishedPasswords.MIN_LENGTH;

    private final UserStore users;
    private final PasswordHasher passwords;
    private final java.time.Clock clock;

    public UserAdmin(UserStore users, PasswordHasher passwords) {
        this(users, passwords, java.time.Clock.systemUTC());
    }

    /** With the hub's clock: a change ends the sessions begun before it by that clock. */
    public UserAdmin(UserStore users, PasswordHasher passwords, java.time.Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    public List<UserRecord> list() {
        return users.list();
    }

    /** Adds a user. A field unit's account names its unit; the others may name their station. */
    public UserRecord add(String username, String displayName, Role role, String unitId, String stationId,
                          char[] password) {
        if (!username.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("user name: 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (users.find(username).isPresent()) {
            throw new IllegalArgumentException("user " + username + " exists already");
        }
        if (role == Role.ROLE_FIELD_UNIT && unitId.isBlank()) {
            throw new IllegalArgumentException("a field-unit account needs --unit UNIT_ID");
        }
        UserRecord user = new UserRecord(username, displayName.isBlank() ? username : displayName, role, unitId,
                stationId, hash(password), false);
        users.add(user);
        return user;
    }

    public void setRole(String username, Role role) {
        found(users.setRole(username, role, clock.instant()), username);
    }

    public void setPassword(String username, char[] password) {
        found(users.setPasswordHash(username, hash(password), clock.instant()), username);
    }

    public void setDisabled(String username, boolean disabled) {
        found(users.setDisabled(username, disabled, clock.instant()), username);
    }

    /** A role from its command-line name (duty-officer, shift-leader, station-chief, field-unit, admin). */
    public static Role role(String name) {
        String constant = "ROLE_" + name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(Role.values()).filter(r -> r != Role.ROLE_UNSPECIFIED && r != Role.UNRECOGNIZED)
                .filter(r -> r.name().equals(constant)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("role is one of " + roleNames() + ", not " + name));
    }

    /** A role's command-line name. */
    public static String roleName(Role role) {
        return role.name().substring("ROLE_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every role's command-line name. */
    public static String roleNames() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.ROLE_UNSPECIFIED && r != Role.UNRECOGNIZED)
                .map(UserAdmin::roleName).collect(Collectors.joining(", "));
    }

    private String hash(char[] password) {
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password: at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (commandroom.server.auth.PublishedPasswords.isPublished(new String(password))) {
            throw new IllegalArgumentException("password: a published one (the demo county's or a common one); choose another");
        }
        try {
            return passwords.hash(new String(password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void found(boolean changed, String username) {
        if (!changed) {
            throw new IllegalArgumentException("no user " + username + " (commandroom-hub user list)");
        }
    }
}
