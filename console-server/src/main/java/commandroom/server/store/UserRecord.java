package commandroom.server.store;

import commandroom.v1.Role;

/** A user row: who may log in, in which role, for which unit. */
public record UserRecord(String username, String displayName, Role role, String unitId,
                         String stationId, String passwordHash, boolean disabled) {}
