package commandroom.server.store;

import commandroom.v1.Role;
import java.time.Instant;

/**
 * A user row: who may log in, in which role, for which unit. Sessions begun before
 * sessionsValidAfter (the account's last password change, disable or role change; null if none)
 * are refused.
 */
public record UserRecord(String username, String displayName, Role role, String unitId,
                         String stationId, String passwordHash, boolean disabled, Instant sessionsValidAfter) {

    public UserRecord(String username, String displayName, Role role, String unitId, String stationId,
                      String passwordHash, boolean disabled) {
        this(username, displayName, role, unitId, stationId, passwordHash, disabled, null);
    }

    /** True if a session that began at sessionStart may still act for this account. */
    public boolean acceptsSessionFrom(Instant sessionStart) {
        return !disabled && (sessionsValidAfter == null || !sessionStart.isBefore(sessionsValidAfter));
    }
}
