package commandroom.app.model;

/**
 * An account as the administrator's window shows it: log-in name, display name, role (its enum
 * name without prefix, e.g. DUTY_OFFICER), the unit a field unit's account speaks for, whether it
 * is disabled. Never a password. Immutable.
 */
public record AccountItem(String username, String displayName, String role, String unitId, boolean disabled) {}
