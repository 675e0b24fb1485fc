package commandroom.app.model;

/** Who is logged in at this console. */
public record UserProfile(String username, String displayName, UserRole role) {}
