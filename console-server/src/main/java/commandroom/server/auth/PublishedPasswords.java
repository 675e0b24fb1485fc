package commandroom.server.auth;

import commandroom.v1.CountySeed;
import commandroom.v1.SeedUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords anybody can read: the demo county's (it is in this project's public files) and the
 * few that every guesser tries first. A real install must not run with them: the hub refuses a
 * seed file that has them unless it runs as the demo, refuses a log-in with one outside the demo,
 * and the administrator's commands refuse to set one. Stateless.
 */
public final class PublishedPasswords {

    /** Shorter passwords are refused everywhere: these accounts dispatch police. */
    public static final int MIN_LENGTH = 8;

    private static final Set<String> PUBLISHED = Set.of("qingxi-demo", "bench-password", "password", "password1",
            "12345678", "123456789", "1234567890", "11111111", "88888888", "00000000", "qwertyuiop", "admin123",
            "admin1234", "abc12345", "iloveyou", "a1234567", "qwerty123", "1qaz2wsx");

    private PublishedPasswords() {}

    public static boolean isPublished(String password) {
        return PUBLISHED.contains(password.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * What is wrong with a seed file's passwords, user by user: too short always; published
     * unless the hub runs as the demo. Empty when nothing is.
     */
    public static List<String> problems(CountySeed seed, boolean demo) {
        List<String> out = new ArrayList<>();
        for (SeedUser u : seed.getUsersList()) {
            if (u.getPassword().length() < MIN_LENGTH) {
                out.add("user " + u.getUsername() + ": password shorter than " + MIN_LENGTH + " characters");
            } else if (!demo && isPublished(u.getPassword())) {
                out.add("user " + u.getUsername() + ": password is a published one (the demo county's or a common one)");
            }
        }
        return out;
    }
}
